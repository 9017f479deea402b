import type { Page } from '@playwright/test';
import { randomInt, randomUUID } from 'node:crypto';
import { apiLogin, expect, test } from './fixtures';
import { settle, signInThroughUi } from './session';

/**
 * Issue 19 / ADR 0028: an event raises the bell live over the socket, with no reload and no poll,
 * and "mark all read" in one tab clears the bell in the other.
 */

/** The number on the bell (0 when it shows none), as the user sees it. */
async function bellCount(page: Page): Promise<number> {
  const count = page.locator('.bell__count');
  if ((await count.count()) === 0) return 0;
  const text = (await count.innerText()).trim();
  return text === '99+' ? 100 : Number(text);
}

test('a lead from a call rings the bell live, and mark all read clears it in every tab', async ({
  page,
  request,
}) => {
  const api = await apiLogin(request);
  const headers = { Authorization: `Bearer ${api.token}` };
  // Start from an empty bell so the rise is the new lead's.
  expect((await request.post('/api/notifications/read-all', { headers })).status()).toBe(204);

  await signInThroughUi(page, '/customers');
  const other = await page.context().newPage();
  await other.goto('/tasks');
  await settle(other);
  // Neither tab may reload for what follows: count their navigations.
  let navigations = 0;
  for (const tab of [page, other]) {
    tab.on('framenavigated', (frame) => {
      if (frame === tab.mainFrame()) navigations++;
    });
  }
  // The bell would poll once a minute without the socket: the socket has to carry what follows.
  await expect(page.getByRole('button', { name: 'התראות', exact: true })).toBeVisible();
  await page.waitForTimeout(1500); // let the socket connect and subscribe

  const name = `ליד מהשיחה ${randomUUID().slice(0, 6)}`;
  const subscriber = String(randomInt(1_000_000, 9_999_999));
  const created = await request.post('/api/crm/customers', {
    headers,
    data: { name, phone: `+97252${subscriber}`, source: 'call', ownerId: api.userId },
  });
  expect(created.status(), await created.text()).toBe(201);

  for (const tab of [page, other]) {
    await expect.poll(() => bellCount(tab), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  }
  await page.getByRole('button', { name: /^התראות, / }).click();
  const panel = page.getByRole('region', { name: 'מרכז ההתראות' });
  const item = panel.getByRole('link', { name: new RegExp(name) });
  await expect(item).toContainText('ליד חדש משיחה');

  await panel.getByRole('button', { name: 'סימון הכול כנקרא' }).click();
  await expect(other.getByRole('button', { name: 'התראות', exact: true })).toBeVisible();
  await expect.poll(() => bellCount(other)).toBe(0);
  expect(navigations, 'no tab reloaded').toBe(0);

  // the notification leads to the customer
  await item.click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await settle(page);
  await other.close();
});
