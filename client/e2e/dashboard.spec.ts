import { apiGet, apiLogin, expect, SCREENSHOTS, test } from './fixtures';
import { signInThroughUi } from './session';

interface Summary {
  leads: { total: number };
  tasks: { created: number };
  invoices: { issued: number; issuedAgorot: number };
}

test('the dashboard draws the demo data as charts, in Hebrew numbers and shekels', async ({
  page,
  request,
}) => {
  const api = await apiLogin(request);
  const summary = await apiGet<Summary>(request, api, '/api/stats/summary');
  // The demo tenant is seeded this month, so the default range (this month) has data.
  expect(summary.leads.total).toBeGreaterThan(0);

  await signInThroughUi(page);
  await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
  await page
    .getByRole('navigation', { name: 'ניווט ראשי' })
    .getByRole('link', { name: 'סטטיסטיקה' })
    .click();
  await expect(page).toHaveURL(/\/stats/);
  await expect(page.getByRole('heading', { level: 1, name: 'סטטיסטיקה' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'החודש', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const kpis = page.locator('.kpis');
  await expect(kpis.getByText('לידים חדשים')).toBeVisible();
  const total = new Intl.NumberFormat('he-IL').format(summary.leads.total);
  await expect(kpis.locator('.kpi', { hasText: 'לידים חדשים' }).locator('.kpi__value')).toHaveText(
    total,
  );
  if (summary.invoices.issued > 0) {
    const shekels = new Intl.NumberFormat('he-IL', {
      style: 'currency',
      currency: 'ILS',
      maximumFractionDigits: 0,
    }).format(Math.round(summary.invoices.issuedAgorot / 100));
    await expect(
      kpis.locator('.kpi', { hasText: 'חשבוניות שהופקו' }).locator('.kpi__value'),
    ).toHaveText(shekels);
  }

  // Leads by source: one bar per source, largest first.
  const leads = page.locator('[data-chart="leads"] li');
  await expect(leads.first()).toBeVisible();
  expect(await leads.count()).toBeGreaterThan(0);
  // Tasks and invoices are drawn as SVG bar charts with their bars.
  if (summary.tasks.created > 0) {
    await expect(page.locator('[data-chart="tasks"] rect.chart__bar').first()).toBeVisible();
  }
  if (summary.invoices.issued > 0) {
    await expect(page.locator('[data-chart="invoices"] rect.chart__bar').first()).toBeVisible();
  }
  // Right to left: the first day of the range is drawn to the right of the last.
  const days = page.locator('[data-chart="tasks"] .chart__point');
  const first = await days.first().boundingBox();
  const last = await days.last().boundingBox();
  expect(first?.x ?? 0).toBeGreaterThan(last?.x ?? 0);
  await page.screenshot({
    path: `${SCREENSHOTS}stats-dashboard.png`,
    fullPage: true,
    animations: 'disabled',
  });

  await test.step('another range reloads every chart, and a bad one is explained', async () => {
    await page.getByRole('button', { name: '7 ימים' }).click();
    await expect(page).toHaveURL(/[?&]preset=last7\b/);
    await expect(page.getByRole('button', { name: '7 ימים' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.locator('[data-chart="tasks"] .chart__point')).toHaveCount(7);
    // A start after the shown end, whatever day the test runs on.
    // The fields are typed day first ("07/12/2026"), whatever the browser's own date widget.
    const end = await page.getByLabel('עד תאריך').inputValue();
    expect(end).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const [day = 0, month = 0, year = 0] = end.split('/').map(Number);
    const afterEnd = new Date(Date.UTC(year, month - 1, day + 1));
    const pad = (n: number) => String(n).padStart(2, '0');
    await page
      .getByLabel('מתאריך')
      .fill(
        `${pad(afterEnd.getUTCDate())}/${pad(afterEnd.getUTCMonth() + 1)}/${afterEnd.getUTCFullYear()}`,
      );
    await expect(page.getByText('תאריך ההתחלה חייב להיות לפני תאריך הסיום')).toBeVisible();
    await expect(page.getByRole('button', { name: 'הצגה' })).toBeDisabled();
  });
});
