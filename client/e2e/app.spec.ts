import { readFile } from 'node:fs/promises';
import { parseCsv } from '../src/lib/csv';
import {
  apiGet,
  apiLogin,
  DEMO_OWNER,
  expect,
  SCREENSHOTS,
  tableRows,
  test,
  type ApiSession,
} from './fixtures';

interface CustomerPage {
  items: { id: string; name: string; status: string }[];
  total: number;
}

/** The columns the CSV export carries: every visible one but the row buttons. */
async function exportedColumns(page: import('@playwright/test').Page) {
  return page.locator('thead th:not([data-export="false"])').evaluateAll((ths) =>
    ths.map((th) => ({
      id: th.getAttribute('data-column') ?? '',
      header: (th as HTMLElement).innerText.replace(/[▲▼↕]/g, '').trim(),
    })),
  );
}

test('an agent works the customers table, a customer page and a due task', async ({
  page,
  request,
}) => {
  const api: ApiSession = await apiLogin(request);

  await test.step('signs in as the demo owner', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByLabel('אימייל').fill(DEMO_OWNER.email);
    await page.getByLabel('סיסמה').fill(DEMO_OWNER.password);
    await page.getByRole('button', { name: 'כניסה' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole('heading', { name: 'לקוחות' })).toBeVisible();
  });

  await test.step('sees the customers table', async () => {
    const all = await apiGet<CustomerPage>(request, api, '/api/crm/customers?limit=25');
    await expect(page.locator('tbody tr[data-row-id]')).toHaveCount(Math.min(all.total, 25));
    await expect(page.getByText(`מתוך ${all.total}`)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}customers-table.png`, animations: 'disabled' });
  });

  await test.step('sorts by name on the server', async () => {
    await page.getByRole('button', { name: /^שם/ }).click();
    await expect(page.locator('th[data-column="name"]')).toHaveAttribute('aria-sort', 'ascending');
    const expected = await apiGet<CustomerPage>(
      request,
      api,
      '/api/crm/customers?limit=25&sort=name',
    );
    await expect
      .poll(async () => (await tableRows(page, ['name'])).map((r) => r[0]))
      .toEqual(expected.items.map((c) => c.name));
  });

  await test.step('filters by status', async () => {
    await page.getByLabel('סטטוס').selectOption('qualified');
    const expected = await apiGet<CustomerPage>(
      request,
      api,
      '/api/crm/customers?limit=25&sort=name&status=qualified',
    );
    expect(expected.total).toBeGreaterThan(0);
    await expect
      .poll(async () => (await tableRows(page, ['name'])).map((r) => r[0]))
      .toEqual(expected.items.map((c) => c.name));
    const statuses = (await tableRows(page, ['status'])).map((r) => r[0]);
    expect(new Set(statuses)).toEqual(new Set(['מתאים']));
  });

  await test.step('hides a column, and the table remembers it', async () => {
    await page.getByRole('button', { name: 'עמודות' }).click();
    await page.getByRole('checkbox', { name: 'אימייל' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(page.locator('th[data-column="email"]')).toHaveCount(0);
    await expect(page.locator('th[data-column="phone"]')).toHaveCount(1);
  });

  await test.step('exports exactly the rows of the table as UTF-8 CSV with a BOM', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'ייצוא CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    const columns = await exportedColumns(page);
    expect(header).toEqual(columns.map((c) => c.header));
    expect(header).not.toContain('אימייל');
    expect(rows).toEqual(
      await tableRows(
        page,
        columns.map((c) => c.id),
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  await test.step('column settings survive a reload', async () => {
    await page.reload();
    await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
    await expect(page.locator('th[data-column="email"]')).toHaveCount(0);
    await expect(page.locator('th[data-column="name"]')).toHaveAttribute('aria-sort', 'ascending');
  });

  const first = (await tableRows(page, ['name']))[0]?.[0] ?? '';
  let customerId = '';

  await test.step('opens a customer and sees the timeline', async () => {
    await page.locator('tbody tr[data-row-id]').first().getByRole('link', { name: first }).click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    customerId = page.url().split('/').pop() ?? '';
    await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
    const actions = page.getByRole('navigation', { name: 'פעולות על הלקוח' });
    for (const label of [
      '📞 התקשר',
      '💬 WhatsApp',
      '📝 משימה',
      '📄 הצעה',
      '✍️ חתימה',
      '🧾 חשבונית',
    ]) {
      await expect(actions.getByRole('button', { name: label })).toBeVisible();
    }
    // The Action Bar stays on screen while the page scrolls.
    await page.setViewportSize({ width: 1440, height: 480 });
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const bar = await actions.boundingBox();
    expect(bar?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((bar?.y ?? 1000) + (bar?.height ?? 0)).toBeLessThanOrEqual(480);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.getByRole('tab', { name: 'ציר זמן' }).click();
    await expect(page).toHaveURL(/tab=timeline/);
    await expect(page.locator('.timeline__item').first()).toBeVisible();
    // The customer card's own events: other specs add quotes and invoices to demo customers, which
    // can push the creation past the first page of everything.
    await page.getByRole('button', { name: 'כרטיס לקוח' }).click();
    await expect(page.getByText(`לקוח חדש נוסף: ${first}`)).toBeVisible();
    await page.getByRole('button', { name: 'הכול' }).click();
  });

  await test.step('a task falls due and the full-screen alert opens', async () => {
    await expect(page.locator('[data-socket-status]')).toHaveAttribute(
      'data-socket-status',
      'connected',
    );
    // Unique per run (the timeline is checked by title), in the page's own time zone.
    const now = new Date().toLocaleTimeString('he-IL', { timeZone: 'Asia/Jerusalem' });
    const title = `לתאם סיור בדירה (${now})`;
    const created = await request.post('/api/tasks', {
      headers: { Authorization: `Bearer ${api.token}` },
      data: {
        title,
        customerId,
        dueAt: new Date(Date.now() + 3000).toISOString(),
        channel: 'call',
        priority: 'high',
      },
    });
    expect(created.status()).toBe(201);

    const modal = page.getByRole('alertdialog');
    await expect(modal).toBeVisible({ timeout: 20_000 });
    await expect(modal.getByRole('heading', { name: title })).toBeVisible();
    // a lead created from a bare phone number is named by it: the name and the phone line match
    await expect(modal.getByText(first).first()).toBeVisible();
    for (const label of ['חייג', 'פתח WhatsApp', '5 דקות', '15 דקות', '60 דקות', 'בוצע']) {
      await expect(modal.getByRole('button', { name: label, exact: true })).toBeVisible();
    }
    await page.screenshot({ path: `${SCREENSHOTS}task-due-modal.png`, animations: 'disabled' });

    await modal.getByRole('button', { name: 'בוצע' }).click();
    await expect(modal).toBeHidden();
    await expect(page.getByText('המשימה סומנה כבוצעה')).toBeVisible();
    // The timeline picks the completion up by itself.
    await expect(page.getByText(`משימה בוצעה: ${title}`)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('המשימה סומנה כבוצעה')).toBeHidden({ timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}customer-timeline.png`, animations: 'disabled' });
  });
});
