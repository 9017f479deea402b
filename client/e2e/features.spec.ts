import { apiGet, apiLogin, expect, SCREENSHOTS, test } from './fixtures';
import { getFeatures, restoreFeatures, settle, signInThroughUi } from './session';

/** What a switched-off feature's API answers, once the change has reached its service. */
async function invoicesApiStatus(
  request: import('@playwright/test').APIRequestContext,
  token: string,
) {
  const response = await request.get('/api/invoices?limit=1', {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; feature?: string };
  return { status: response.status(), error: body.error, feature: body.feature };
}

test('the owner switches invoices off and on: screens, actions and the API follow', async ({
  page,
  request,
}) => {
  const api = await apiLogin(request);
  const before = await getFeatures(request, api);
  expect(before.invoices, 'the tenant starts with invoices on').toBe(true);
  const { items } = await apiGet<{ items: { id: string; name: string }[] }>(
    request,
    api,
    '/api/crm/customers?limit=1',
  );
  const customer = items[0];
  expect(customer).toBeDefined();
  const nav = page.getByRole('navigation', { name: 'ניווט ראשי' });
  const actions = page.getByRole('navigation', { name: 'פעולות על הלקוח' });

  try {
    await signInThroughUi(page, '/settings?tab=features');
    await expect(nav.getByRole('link', { name: 'חשבוניות' })).toBeVisible();
    const invoices = page.getByRole('switch', { name: /^חשבוניות/ });
    await expect(invoices).toBeChecked();
    await page.screenshot({ path: `${SCREENSHOTS}settings.png`, animations: 'disabled' });

    await test.step('switches invoices off in the settings', async () => {
      await invoices.click();
      await expect(page.getByText('חשבוניות: כובה')).toBeVisible();
      await expect(invoices).not.toBeChecked();
      // The menu follows at once, without a reload.
      await expect(nav.getByRole('link', { name: 'חשבוניות' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'לקוחות' })).toBeVisible();
    });

    await test.step('the API refuses with feature_disabled', async () => {
      await expect
        .poll(() => invoicesApiStatus(request, api.token), { timeout: 20_000 })
        .toEqual({ status: 403, error: 'feature_disabled', feature: 'invoices' });
    });

    await test.step('its screens and actions are gone everywhere', async () => {
      await settle(page);
      await page.goto(`/customers/${customer?.id ?? ''}`);
      await expect(actions.getByRole('button', { name: '📞 התקשר' })).toBeVisible();
      await expect(actions.getByRole('button', { name: '🧾 חשבונית' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'חשבוניות' })).toHaveCount(0);
      // A bookmarked link to the screen says why instead of failing.
      await settle(page);
      await page.goto('/invoices');
      await expect(page.getByText('התכונה הזו כבויה בעסק שלך')).toBeVisible();
      await settle(page);
      await page.goto('/stats');
      await expect(page.locator('.kpis')).toBeVisible();
      await expect(page.getByText('חשבוניות שהופקו')).toHaveCount(0);
      await expect(page.locator('[data-chart="invoices"]')).toHaveCount(0);
    });

    await test.step('switches it back on', async () => {
      await settle(page);
      await page.goto('/settings?tab=features');
      await invoices.click();
      await expect(page.getByText('חשבוניות: הופעל')).toBeVisible();
      await expect(nav.getByRole('link', { name: 'חשבוניות' })).toBeVisible();
      await expect
        .poll(async () => (await invoicesApiStatus(request, api.token)).status, {
          timeout: 20_000,
        })
        .toBe(200);
      await settle(page);
      await page.goto(`/customers/${customer?.id ?? ''}`);
      await expect(actions.getByRole('button', { name: '🧾 חשבונית' })).toBeVisible();
    });
  } finally {
    // Leave the tenant as it was, whatever happened above.
    await restoreFeatures(request, api, before);
  }
});
