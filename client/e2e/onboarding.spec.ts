import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A business starts on its own (issue 21, ADR 0031): sign up, verify the address from the mail the
 * local stack's development mail server caught, log in, invite an agent by email, and the agent
 * accepts from their mail, chooses a password and logs in.
 */
const MAIL_URL = process.env.MAIL_URL ?? 'http://localhost:8025';

interface CapturedMail {
  to: string;
  subject: string;
  text: string;
}

/** The path and query of the newest link to {@code path} mailed to {@code to}. */
async function linkFromMail(request: APIRequestContext, to: string, path: string) {
  let found = '';
  await expect
    .poll(
      async () => {
        const response = await request.get(`${MAIL_URL}/messages.json`);
        const mails = (await response.json()) as CapturedMail[];
        const mail = mails.find((m) => m.to.toLowerCase() === to.toLowerCase());
        const match = mail?.text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`));
        found = match ? match[0] : '';
        return found;
      },
      { message: `a mail to ${to} with a ${path} link`, timeout: 20_000 },
    )
    .not.toBe('');
  const url = new URL(found);
  return url.pathname + url.search;
}

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('אימייל').fill(email);
  await page.getByLabel('סיסמה').fill(password);
  await page.getByRole('button', { name: 'כניסה', exact: true }).click();
  await expect(page).toHaveURL(/\/customers/);
  await page.waitForLoadState('networkidle');
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'יציאה' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test('an office signs up, verifies, invites an agent, and the agent joins from the mail', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const owner = { email: `owner-${run}@example.test`, password: 'Galil-office-2026' };
  const agent = { email: `agent-${run}@example.test`, password: 'Agent-own-secret-7' };

  await page.goto('/signup');
  await noSeriousViolations(page);
  await page.getByLabel('שם העסק').fill(`סוכנות הגליל ${run}`);
  await page.getByLabel('השם שלך').fill('מיכל כהן');
  await page.getByLabel('אימייל').fill(owner.email);
  await page.getByLabel('סיסמה').fill(owner.password);
  await page.getByRole('button', { name: 'הרשמה' }).click();
  await expect(page.getByRole('heading', { name: 'כמעט סיימנו' })).toBeVisible();

  await page.goto(await linkFromMail(request, owner.email, '/verify-email'));
  await expect(page.getByText('כתובת האימייל אושרה')).toBeVisible();
  await noSeriousViolations(page);

  await logIn(page, owner.email, owner.password);

  await page.goto('/settings?tab=users');
  await page.getByRole('button', { name: 'הזמנה במייל' }).click();
  const dialog = page.getByRole('dialog', { name: 'הזמנת משתמש במייל' });
  await dialog.getByLabel('שם').fill('יוסי לוי');
  await dialog.getByLabel('אימייל').fill(agent.email);
  await dialog.getByRole('button', { name: 'שליחת הזמנה' }).click();
  await expect(page.getByText(`ההזמנה נשלחה אל ${agent.email}`)).toBeVisible();
  await signOut(page);

  await page.goto(await linkFromMail(request, agent.email, '/accept-invitation'));
  await expect(page.getByRole('heading', { name: 'הצטרפות לצוות' })).toBeVisible();
  await noSeriousViolations(page);
  await page.getByLabel('סיסמה חדשה').fill(agent.password);
  await page.getByLabel('הסיסמה שוב').fill(agent.password);
  await page.getByRole('button', { name: 'הצטרפות' }).click();
  await expect(page).toHaveURL(/\/customers/);
  await expect(page.getByRole('link', { name: /הפרופיל שלי/ })).toContainText('יוסי לוי');
  await page.waitForLoadState('networkidle');
  await signOut(page);

  await logIn(page, agent.email, agent.password);
  await expect(page.getByRole('link', { name: /הפרופיל שלי/ })).toContainText('יוסי לוי');
});
