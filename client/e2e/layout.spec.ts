import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { apiGet, apiLogin, expect, SCREENSHOTS, test, type ApiSession } from './fixtures';
import { settle, signInThroughUi } from './session';

/**
 * Issue 22's phone layout, on a 375 px phone and at a desk: every main screen without a sideways
 * scroll, every section of the navigation and each screen's primary actions in view and
 * clickable (nothing on top of them), the lists' row actions visible, the Action Bar's "עוד",
 * the notification panel and a dialog inside the screen, and each screen's own title.
 */

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1440, height: 900 };

/** The page is no wider than the screen: nothing to scroll sideways to. */
async function expectNoSidewaysScroll(page: Page, screen: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${screen}: the page's width against the screen's`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** Visible, wholly on screen once scrolled to, and a click would land on it and nothing else. */
async function expectUsable(target: Locator) {
  await expect(target).toBeVisible();
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeInViewport({ ratio: 1 });
  await target.click({ trial: true });
}

/** The element lies inside the screen's width and height. */
async function expectInsideScreen(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the element is laid out').not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** An open task of its own, due in a month (no alert fires), to see its row's buttons. */
async function openTask(request: APIRequestContext, api: ApiSession, customerId: string) {
  const title = `משימה לבדיקת תצוגה ${Date.now()}`;
  const created = await request.post('/api/tasks', {
    headers: { Authorization: `Bearer ${api.token}` },
    data: {
      title,
      customerId,
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      channel: 'call',
      priority: 'medium',
    },
  });
  expect(created.status()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, title };
}

for (const [size, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use(
      size === 'phone' ? { viewport, isMobile: true, hasTouch: true } : { viewport: DESKTOP },
    );

    test(`every main screen fits the ${size} and its actions can be reached`, async ({
      page,
      request,
    }) => {
      test.setTimeout(150_000);
      const phone = size === 'phone';
      const api = await apiLogin(request);
      const { items } = await apiGet<{ items: { id: string; name: string }[] }>(
        request,
        api,
        '/api/crm/customers?limit=1&sort=name',
      );
      const customer = items[0];
      expect(customer, 'the demo tenant has customers').toBeDefined();
      if (!customer) return;
      const task = await openTask(request, api, customer.id);

      try {
        await signInThroughUi(page);
        const nav = page.getByRole('navigation', { name: 'ניווט ראשי' });

        const more = nav.getByRole('button', { name: 'עוד', exact: true });
        /** A section's link: on a phone a tab, or in the sheet that "עוד" opens. */
        const section = async (name: string) => {
          const link = nav.getByRole('link', { name, exact: true });
          if (phone && !(await link.isVisible())) {
            await expect(more).toHaveAttribute('aria-expanded', 'false');
            await more.click();
            await expect(more).toHaveAttribute('aria-expanded', 'true');
          }
          return link;
        };

        await test.step('every section is in the navigation, in view', async () => {
          const sections = [
            'לקוחות',
            'שיחות',
            'משימות',
            'הצעות וחוזים',
            'חשבוניות',
            'סטטיסטיקה',
            'הגדרות',
          ];
          if (phone) {
            // four tabs and "עוד", the rest in its sheet
            await expect(nav.getByRole('link').filter({ visible: true })).toHaveCount(4);
            await expectUsable(more);
            await expect(more).toHaveAttribute('aria-expanded', 'false');
            await more.click();
            await expect(more).toHaveAttribute('aria-expanded', 'true');
            const sheet = nav.getByRole('list', { name: 'עוד אזורים' });
            await expectInsideScreen(page, sheet);
            // the focus moves into the sheet, Escape closes it and returns the focus
            await expect(sheet.getByRole('link').first()).toBeFocused();
            await page.screenshot({ path: `${SCREENSHOTS}phone-more.png` });
            for (const name of sections) {
              await expectUsable(nav.getByRole('link', { name, exact: true }));
            }
            await page.keyboard.press('Escape');
            await expect(more).toHaveAttribute('aria-expanded', 'false');
            await expect(sheet).toBeHidden();
            await expect(more).toBeFocused();
          } else {
            for (const name of sections) {
              await expectUsable(nav.getByRole('link', { name, exact: true }));
            }
            await expect(more).toHaveCount(0);
          }
        });

        await test.step('customers: cards on the phone, the new and import buttons', async () => {
          await expect(page.getByRole('heading', { level: 1, name: 'לקוחות' })).toBeVisible();
          await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
          await expect(page).toHaveTitle('לקוחות · AgentLocator');
          await expectNoSidewaysScroll(page, 'customers');
          for (const name of ['לקוח חדש', 'ייבוא CSV', 'ייצוא CSV']) {
            await expectUsable(page.getByRole('button', { name, exact: true }));
          }
          const row = page.locator('tbody tr[data-row-id]').first();
          await expectUsable(row.getByRole('link').first());
          await expectUsable(row.getByRole('button', { name: 'עריכה' }));
          // a card shows its values with their names; a table row has its header above
          await expect(row.locator('td[data-column="status"]')).toBeVisible();
          if (phone) {
            await page.screenshot({ path: `${SCREENSHOTS}phone-customers.png` });
          }
        });

        await test.step('Back from a customer returns to the same search', async () => {
          const field = page.getByRole('searchbox', { name: 'חיפוש' });
          await field.fill(customer.name);
          await expect(page).toHaveURL(/[?&]q=/);
          const row = page.locator('tbody tr[data-row-id]').first();
          await expect(row.getByRole('link', { name: customer.name })).toBeVisible();
          await row.getByRole('link', { name: customer.name }).click();
          await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
          await settle(page);
          await page.goBack();
          await expect(page.getByRole('searchbox', { name: 'חיפוש' })).toHaveValue(customer.name);
          await expect(page).toHaveURL(/[?&]q=/);
          // and the customer page's breadcrumb leads to the same list
          await row.getByRole('link', { name: customer.name }).click();
          await page.getByRole('navigation', { name: 'פירורי לחם' }).getByRole('link').click();
          await expect(page.getByRole('searchbox', { name: 'חיפוש' })).toHaveValue(customer.name);
          await page.getByRole('button', { name: 'ניקוי סינון' }).click();
          await expect(page).not.toHaveURL(/[?&]q=/);
          await settle(page);
        });

        await test.step('a dialog stays inside the screen with its buttons usable', async () => {
          await page.getByRole('button', { name: 'לקוח חדש', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'לקוח חדש' });
          await expect(dialog).toBeVisible();
          await expectInsideScreen(page, dialog);
          await expectNoSidewaysScroll(page, 'the new customer dialog');
          await expectUsable(dialog.getByRole('button', { name: 'הוספת לקוח' }));
          await expectUsable(dialog.getByRole('button', { name: 'ביטול' }));
          await dialog.getByRole('button', { name: 'ביטול' }).click();
          await expect(dialog).toBeHidden();
        });

        await test.step('the notification panel opens inside the screen', async () => {
          await page.getByRole('button', { name: /^התראות/ }).click();
          const panel = page.getByRole('region', { name: 'מרכז ההתראות' });
          await expect(panel).toBeVisible();
          await expectInsideScreen(page, panel);
          await expectNoSidewaysScroll(page, 'the notification panel');
          await page.keyboard.press('Escape');
          await expect(panel).toBeHidden();
        });

        await test.step('the customer page: the Action Bar reaches every action', async () => {
          await (await section('לקוחות')).click();
          await page.goto(`/customers/${customer.id}`);
          await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
          await expect(page).toHaveTitle(`${customer.name} · AgentLocator`);
          const bar = page.getByRole('navigation', { name: 'פעולות על הלקוח' });
          const first = ['📞 התקשר', '💬 WhatsApp', '📝 משימה'];
          const rest = ['📄 הצעה', '✍️ חתימה', '🧾 חשבונית'];
          for (const name of first) await expectUsable(bar.getByRole('button', { name }));
          if (phone) {
            for (const name of rest) await expect(bar.getByRole('button', { name })).toHaveCount(0);
            const more = bar.getByRole('button', { name: 'עוד' });
            await expectUsable(more);
            await expect(more).toHaveAttribute('aria-expanded', 'false');
            await more.click();
            await expect(more).toHaveAttribute('aria-expanded', 'true');
            await page.screenshot({ path: `${SCREENSHOTS}phone-action-bar.png` });
            for (const name of rest) await expectUsable(bar.getByRole('button', { name }));
            await page.keyboard.press('Escape');
            await expect(bar.getByRole('button', { name: rest[0] })).toHaveCount(0);
          } else {
            for (const name of rest) await expectUsable(bar.getByRole('button', { name }));
            await expect(bar.getByRole('button', { name: 'עוד' })).toHaveCount(0);
          }
          for (const tab of await page.getByRole('tab').all()) await expectUsable(tab);
          await expectNoSidewaysScroll(page, 'customer page');
          await settle(page);
        });

        await test.step('tasks: done and snooze on the row, in view', async () => {
          // Each view's list and counts load before the next step (leaving mid-request aborts
          // it); `settle` cannot tell, as the load state belongs to the last full page load.
          const answered = (path: string, mine: boolean) =>
            page.waitForResponse(
              (r) => r.url().includes(path) && r.url().includes('mine=true') === mine,
            );
          const mine = Promise.all([answered('/api/tasks?', true), answered('/summary', true)]);
          await (await section('משימות')).click();
          await expect(page.getByRole('heading', { level: 1, name: 'משימות' })).toBeVisible();
          await mine;
          const all = Promise.all([answered('/api/tasks?', false), answered('/summary', false)]);
          await page.getByRole('tab', { name: 'כל המשימות' }).click();
          await all;
          await expect(page).toHaveTitle('משימות · AgentLocator');
          await expectUsable(page.getByRole('button', { name: 'משימה חדשה', exact: true }));
          // the newest open task is due last: found by its customer's filter
          await page.goto(`/tasks?customerId=${customer.id}`);
          await settle(page);
          await expectUsable(page.getByRole('button', { name: `בוצע: ${task.title}` }));
          await expectUsable(page.getByRole('combobox', { name: `דחיית המשימה ${task.title}` }));
          await expectNoSidewaysScroll(page, 'tasks');
          if (phone) await page.screenshot({ path: `${SCREENSHOTS}phone-tasks.png` });
          await settle(page);
        });

        await test.step('calls: the filters and every call, in view', async () => {
          await (await section('שיחות')).click();
          await expect(page.getByRole('heading', { level: 1, name: 'שיחות' })).toBeVisible();
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
          await expect(page).toHaveTitle('שיחות · AgentLocator');
          await expectUsable(page.getByRole('combobox', { name: 'תוצאה' }));
          await page.getByRole('combobox', { name: 'תוצאה' }).selectOption('answered');
          await expect(page).toHaveURL(/[?&]outcome=answered/);
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
          await expectNoSidewaysScroll(page, 'calls');
          if (phone) await page.screenshot({ path: `${SCREENSHOTS}phone-calls.png` });
          await settle(page);
        });

        const lists: [string, string, string, string][] = [
          ['/contracts', 'הצעות מחיר וחוזים', 'הצעה חדשה', 'הצעות וחוזים'],
          ['/invoices', 'חשבוניות', 'חשבונית חדשה', 'חשבוניות'],
        ];
        for (const [path, heading, newItem, name] of lists) {
          await test.step(`${path}: the list and its new button`, async () => {
            await (await section(name)).click();
            await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
            await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
            await expect(page).toHaveTitle(`${heading} · AgentLocator`);
            await expectUsable(page.getByRole('button', { name: newItem, exact: true }));
            await expectNoSidewaysScroll(page, path);
            await settle(page);
          });
        }

        await test.step('invoices: whole dates and the PDF button on every row', async () => {
          await (await section('חשבוניות')).click();
          await expect(page.getByRole('heading', { level: 1, name: 'חשבוניות' })).toBeVisible();
          await expectUsable(page.getByRole('button', { name: 'חשבונית חדשה', exact: true }));
          const row = page.locator('tbody tr[data-row-id]').first();
          await expect(row).toBeVisible();
          const date = row.locator('td[data-column="issuedAt"]');
          await expectUsable(date);
          expect(await date.innerText()).toMatch(/\d{1,2}\.\d{1,2}\.\d{4}/);
          await expectUsable(row.getByRole('button', { name: /^PDF/ }));
          await expectNoSidewaysScroll(page, 'invoices');
          if (phone) await page.screenshot({ path: `${SCREENSHOTS}phone-invoices.png` });
          await settle(page);
        });

        await test.step('statistics: the range chips', async () => {
          await (await section('סטטיסטיקה')).click();
          await expect(page.getByRole('heading', { level: 1, name: 'סטטיסטיקה' })).toBeVisible();
          await expect(page).toHaveTitle('סטטיסטיקה · AgentLocator');
          const chips = page.getByRole('group', { name: 'טווח מהיר' }).getByRole('button');
          for (const chip of await chips.all()) await expectUsable(chip);
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
          await expectNoSidewaysScroll(page, 'statistics');
          await settle(page);
        });

        await test.step('settings: every tab, and each user with role and deactivate', async () => {
          await (await section('הגדרות')).click();
          await expect(page.getByRole('heading', { level: 1, name: 'הגדרות' })).toBeVisible();
          await expect(page).toHaveTitle('הגדרות · AgentLocator');
          for (const tab of await page.getByRole('tab').all()) await expectUsable(tab);
          await page.getByRole('tab', { name: 'משתמשים והרשאות' }).click();
          await expectUsable(page.getByRole('button', { name: 'הוספת משתמש' }));
          const rows = page.locator('tbody tr[data-user-id]');
          await expect(rows.first()).toBeVisible();
          for (const row of await rows.all()) {
            await expectUsable(row.locator('.badge').first());
          }
          const deactivate = page.getByRole('button', { name: 'השבתה' });
          for (const button of await deactivate.all()) await expectUsable(button);
          await expectNoSidewaysScroll(page, 'settings: users');
          if (phone) await page.screenshot({ path: `${SCREENSHOTS}phone-settings-users.png` });
          await settle(page);
        });
      } finally {
        await request.post(`/api/tasks/${task.id}/done`, {
          headers: { Authorization: `Bearer ${api.token}` },
        });
      }
    });
  });
}

test('the app can be installed: the gateway serves the manifest and its icons', async ({
  page,
  request,
}) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.json');
  const response = await request.get(href ?? '');
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as {
    lang: string;
    dir: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ lang: 'he', dir: 'rtl', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const kinds = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(kinds).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']),
  );
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type'], icon.src).toContain('image/png');
  }
  // The gateway's Content-Security-Policy lets the page load its own manifest.
  const csp = (await request.get('/login')).headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/manifest-src 'self'/);
});
