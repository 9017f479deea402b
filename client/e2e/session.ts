import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_OWNER, expect, type ApiSession } from './fixtures';

/** Signs in through the login form and waits for the customers screen. */
export async function signInThroughUi(page: Page, to = '/customers') {
  await page.goto(to);
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('אימייל').fill(DEMO_OWNER.email);
  await page.getByLabel('סיסמה').fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: 'כניסה' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // Let the first screen finish loading: leaving it mid-request would abort its fetches.
  await page.waitForLoadState('networkidle');
}

export type FeatureFlags = Record<string, boolean>;

export async function getFeatures(request: APIRequestContext, api: ApiSession) {
  const response = await request.get('/api/tenant/features', {
    headers: { Authorization: `Bearer ${api.token}` },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as FeatureFlags;
}

/** Puts the flags back as they were (a test that switched one off must leave the tenant whole). */
export async function restoreFeatures(
  request: APIRequestContext,
  api: ApiSession,
  flags: FeatureFlags,
) {
  const response = await request.put('/api/tenant/features', {
    headers: { Authorization: `Bearer ${api.token}` },
    data: flags,
  });
  expect(response.ok()).toBeTruthy();
}

/** Lets the screen finish its requests: navigating away mid-request aborts them (a failure here). */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}
