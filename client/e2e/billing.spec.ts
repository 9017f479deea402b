import type { APIRequestContext, Page } from '@playwright/test';
import {
  apiLogin,
  DEMO_OWNER,
  expect,
  SCREENSHOTS,
  tableRows,
  test,
  type ApiSession,
} from './fixtures';

/** Opens a page of the app: the login page comes first and then leads there. */
async function signInTo(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('אימייל').fill(DEMO_OWNER.email);
  await page.getByLabel('סיסמה').fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: 'כניסה' }).click();
  await expect(page).toHaveURL(path);
}

/**
 * A customer of this run only, so that nothing else on the demo tenant (nor another spec's
 * timeline) is touched. Ready once its creation reached the event stream's consumers.
 */
async function freshCustomer(request: APIRequestContext, label: string) {
  const api: ApiSession = await apiLogin(request);
  const headers = { Authorization: `Bearer ${api.token}` };
  const stamp = new Date().toLocaleTimeString('he-IL', { timeZone: 'Asia/Jerusalem' });
  const phone = `050${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const created = await request.post('/api/crm/customers', {
    headers,
    data: { name: `${label} ${stamp}`, phone, source: 'manual' },
  });
  expect(created.status(), 'the customer is created').toBe(201);
  const customer = (await created.json()) as { id: string; name: string };
  await expect
    .poll(async () => {
      const r = await request.get(`/api/customers/${customer.id}/timeline?limit=1`, { headers });
      return r.ok() ? ((await r.json()) as { items: unknown[] }).items.length : 0;
    })
    .toBeGreaterThan(0);
  return customer;
}

/** What a second page (the signer's phone) reported: the same rules as the fixture's page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

/** Money as he-IL prints it, without the direction marks around the sign. */
function plain(text: string | null): string {
  return (text ?? '')
    .replace(/[\u200e\u200f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

test('an invoice is drafted from the customer page, issued, opened as PDF and paid', async ({
  page,
  request,
}) => {
  const customer = await freshCustomer(request, 'לקוחת חשבונית');
  await signInTo(page, `/customers/${customer.id}`);

  await test.step('🧾 on the customer page opens a new invoice for that customer', async () => {
    await page
      .getByRole('navigation', { name: 'פעולות על הלקוח' })
      .getByRole('button', { name: '🧾 חשבונית' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/invoices/new\\?customerId=${customer.id}$`));
    await expect(page.getByLabel('לקוח', { exact: true })).toHaveValue(customer.id);
  });

  await test.step('the totals follow the line items as they are typed', async () => {
    await page.getByLabel('תיאור שורה 1').fill('דמי תיווך — מכירה');
    await page.getByLabel('כמות').fill('2');
    await page.getByLabel('מחיר ליחידה (₪)').fill('1,234.50');
    expect(plain(await page.locator('[data-total="subtotal"]').textContent())).toContain(
      '2,469.00',
    );
    expect(plain(await page.locator('[data-total="vat"]').textContent())).toContain('444.42');
    expect(plain(await page.locator('[data-total="total"]').textContent())).toContain('2,913.42');
  });

  await test.step('saves the draft and issues it with a number', async () => {
    await page.getByRole('button', { name: 'יצירת טיוטה' }).click();
    await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'חשבונית מס (טיוטה)' })).toBeVisible();
    await page.getByRole('button', { name: 'הפקה' }).click();
    const dialog = page.getByRole('dialog', { name: 'להפיק את המסמך?' });
    await dialog.getByRole('button', { name: 'הפקה' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^חשבונית מס \d+$/ })).toBeVisible();
    await expect(page.locator('.page__subtitle .badge')).toHaveText('הופקה');
  });

  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const number = heading.replace(/\D/g, '');

  await test.step('opens the PDF (fetched with the token, shown from a blob)', async () => {
    const pdf = page.waitForResponse((r) => /\/api\/invoices\/[0-9a-f-]+\/pdf$/.test(r.url()));
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'פתיחת PDF' }).click();
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(Number(response.headers()['content-length'])).toBeGreaterThan(1000);
    // The tab shows the very bytes that were fetched, from an object URL.
    const tab = await popup;
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    const shown = await tab.evaluate(async () => {
      const blob = await (await fetch(location.href)).blob();
      const head = new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer());
      return { type: blob.type, size: blob.size, head };
    });
    expect(shown.type).toBe('application/pdf');
    expect(shown.size).toBe(Number(response.headers()['content-length']));
    expect(shown.head).toBe('%PDF-');
    await tab.close();
  });

  await test.step('records the payment, which issues a receipt and marks it paid', async () => {
    await page.getByRole('button', { name: 'רישום תשלום' }).click();
    const dialog = page.getByRole('dialog', { name: 'רישום תשלום והפקת קבלה' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'הפקת קבלה' }).click();
    await expect(page.getByText(/הופקה והחשבונית שולמה/)).toBeVisible();
    await expect(page.locator('.page__subtitle .badge')).toHaveText('שולמה');
  });

  await test.step('finds it in the invoices table', async () => {
    await page.getByRole('link', { name: 'חשבוניות', exact: true }).first().click();
    await expect(page).toHaveURL(/\/invoices$/);
    await expect(page.locator(`tbody tr[data-row-id]`).first()).toBeVisible();
    const rows = await tableRows(page, ['number', 'customerName', 'status']);
    expect(rows).toContainEqual([number, customer.name, 'שולמה']);
    // The screenshot shows the table, not the toasts of the steps before.
    const close = page.getByRole('button', { name: 'סגירת ההודעה' });
    // (one may time out by itself meanwhile)
    while ((await close.count()) > 0) {
      await close
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined);
    }
    await expect(page.locator('.toast')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}invoices-table.png`, animations: 'disabled' });
  });
});

test('a quote is sent, signed on a phone with a drawn signature, and shows as signed', async ({
  page,
  request,
  browser,
}) => {
  const customer = await freshCustomer(request, 'לקוח הצעה');
  const title = `הצעת תיווך ${new Date().toLocaleTimeString('he-IL', { timeZone: 'Asia/Jerusalem' })}`;
  await signInTo(page, `/customers/${customer.id}`);

  await test.step('📄 on the customer page starts a quote for that customer', async () => {
    await page
      .getByRole('navigation', { name: 'פעולות על הלקוח' })
      .getByRole('button', { name: '📄 הצעה' })
      .click();
    await expect(page).toHaveURL(/\/contracts\/new\?customerId=/);
    await page.getByLabel('כותרת').fill(title);
    await page.getByLabel('תיאור שורה 1').fill('דמי תיווך — שכירות');
    await page.getByLabel('מחיר ליחידה (₪)').fill('5000');
    await page.getByRole('button', { name: 'הוספת שורה' }).click();
    await page.getByLabel('תיאור שורה 2').fill('צילום מקצועי של הנכס');
    await page.getByLabel('כמות').nth(1).fill('1.5');
    await page.getByLabel('מחיר ליחידה (₪)').nth(1).fill('300');
    expect(plain(await page.locator('[data-total="total"]').textContent())).toContain('6,431.00');
    await page.getByRole('button', { name: 'יצירת הצעה' }).click();
    await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });
  const contractId = page.url().split('/').pop() ?? '';

  let link = '';
  await test.step('sends it for signature and gets a link to pass on', async () => {
    await page.getByRole('button', { name: 'שליחה לחתימה' }).click();
    const dialog = page.getByRole('dialog', { name: 'הקישור לחתימה מוכן' });
    await expect(dialog).toBeVisible();
    link = await dialog.getByLabel('קישור לחתימה').inputValue();
    expect(link).toMatch(/^http:\/\/[^/]+\/sign\/[\w-]+$/);
    await dialog.getByRole('button', { name: 'סגירה' }).click();
    await expect(page.locator('.page__subtitle .badge')).toHaveText('נשלח לחתימה');
  });

  await test.step('the customer signs on a phone, with a finger and a mouse', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'he-IL',
      timezoneId: 'Asia/Jerusalem',
    });
    const signer = await phone.newPage();
    const problems = watch(signer);
    await signer.goto(link);
    await expect(signer.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(signer.getByText('צילום מקצועי של הנכס')).toBeVisible();
    // Nothing wider than the phone: no sideways scrolling.
    expect(await signer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    const canvas = signer.locator('canvas.signature-pad__canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    // A finger: real touch events through the DevTools protocol (Pointer Events of type touch).
    const cdp = await phone.newCDPSession(signer);
    const at = (dx: number, dy: number) => [{ x: box.x + dx, y: box.y + dy }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(30, 120) });
    for (let i = 1; i <= 12; i++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: at(30 + i * 14, 120 - Math.sin(i / 2) * 50),
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // And a mouse underline.
    await signer.mouse.move(box.x + 40, box.y + 150);
    await signer.mouse.down();
    await signer.mouse.move(box.x + 200, box.y + 145, { steps: 8 });
    await signer.mouse.up();
    await expect(canvas).toHaveAttribute('data-empty', 'false');

    await expect(signer.getByLabel('שם מלא')).toHaveValue(customer.name);
    await signer.getByText('קראתי את המסמך ואני מאשר/ת אותו בחתימתי').click();
    await signer.screenshot({
      path: `${SCREENSHOTS}signing-page.png`,
      fullPage: true,
      animations: 'disabled',
    });

    const signed = signer.waitForResponse(
      (r) => r.url().includes('/api/public/sign/') && r.request().method() === 'POST',
    );
    await signer.getByRole('button', { name: 'חתימה ואישור' }).click();
    expect((await signed).status()).toBe(204);
    await expect(signer.getByRole('heading', { name: 'המסמך נחתם בהצלחה' })).toBeVisible();

    // The link is single-use: opening it again says so in Hebrew.
    await signer.reload();
    await expect(signer.getByText('המסמך כבר נחתם')).toBeVisible();
    // That 410 is the expected answer, not a problem.
    expect(
      problems.filter(
        (p) =>
          !/HTTP 410: GET .*\/api\/public\/sign\//.test(p) &&
          !p.includes('the server responded with a status of 410'),
      ),
    ).toEqual([]);
    await phone.close();
  });

  await test.step('the customer timeline shows the signature', async () => {
    await page.locator('.page__subtitle').getByRole('link', { name: customer.name }).click();
    await page.getByRole('tab', { name: 'ציר זמן' }).click();
    const entry = page
      .locator('.timeline__item')
      .filter({ hasText: 'החוזה נחתם' })
      .filter({ has: page.locator(`a[href="/contracts/${contractId}"]`) });
    // Eventually consistent: the timeline polls for new events by itself.
    await expect(entry.first()).toBeVisible({ timeout: 20_000 });
    await expect(entry.first()).toContainText(title);
    await entry.first().getByRole('link', { name: 'פתח מקור' }).click();
    await expect(page).toHaveURL(new RegExp(`/contracts/${contractId}$`));
    await expect(page.locator('.page__subtitle .badge')).toHaveText('נחתם');
  });
});
