import type { APIRequestContext } from '@playwright/test';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { apiLogin, expect, SCREENSHOTS, test, type ApiSession } from './fixtures';
import { signInThroughUi } from './session';

/**
 * Issue 18: an unknown number writes on WhatsApp → a lead and an unread conversation appear in the
 * inbox → the agent answers inside the 24-hour window → 25 hours later (telephony's development
 * clock moved, not waited for) the composer offers templates and the template send succeeds.
 * The inbound message is a Twilio-signed webhook through the gateway, as scripts/whatsapp-inbound.mjs
 * sends it (the local stack's development Twilio token).
 */

const DEV_TWILIO_TOKEN = process.env.TWILIO_TOKEN ?? 'local-development-twilio-auth-token';
const SENDER = '+97233760098';

function twilioSignature(url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .reduce((s, key) => s + key + (params[key] ?? ''), url);
  return createHmac('sha1', DEV_TWILIO_TOKEN).update(data, 'utf8').digest('base64');
}

async function writeIn(
  request: APIRequestContext,
  baseURL: string,
  from: string,
  body: string,
  name: string,
) {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const params: Record<string, string> = {
    AccountSid: 'ACsimulated',
    ApiVersion: '2010-04-01',
    MessageSid: sid,
    SmsMessageSid: sid,
    From: `whatsapp:${from}`,
    To: `whatsapp:${SENDER}`,
    Body: body,
    NumMedia: '0',
    ProfileName: name,
    WaId: from.slice(1),
  };
  const url = `${baseURL}/webhook/whatsapp_incoming`;
  const response = await request.post('/webhook/whatsapp_incoming', {
    headers: { 'X-Twilio-Signature': twilioSignature(url, params) },
    form: params,
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function post(request: APIRequestContext, api: ApiSession, path: string, data: unknown) {
  return request.post(path, { headers: { Authorization: `Bearer ${api.token}` }, data });
}

test('an unknown number writes, the inbox fills, the agent answers, a day later only a template goes', async ({
  page,
  request,
  baseURL,
}) => {
  const api = await apiLogin(request);
  const sender = await post(request, api, '/api/whatsapp/senders', {
    address: `whatsapp:${SENDER}`,
    label: 'בדיקת דפדפן',
  });
  expect([201, 409]).toContain(sender.status());
  const phone = `+97254${randomInt(1_000_000, 9_999_999)}`;
  const name = `דנה ${randomInt(100, 999)}`;

  await test.step('an unknown number writes in: a lead and an unread conversation', async () => {
    await writeIn(
      request,
      baseURL ?? 'http://localhost:8080',
      phone,
      'שלום, ראיתי את הדירה ברחוב הרצל',
      name,
    );
    await signInThroughUi(page, '/whatsapp');
    await expect(page.getByRole('heading', { level: 1, name: 'WhatsApp' })).toBeVisible();
    const row = page
      .getByRole('list', { name: 'שיחות' })
      .getByRole('button')
      .filter({ hasText: name });
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect(row.getByLabel('1 לא נקראו')).toBeVisible();
    await expect(row).toContainText('שלום, ראיתי את הדירה ברחוב הרצל');
    await page.screenshot({ path: `${SCREENSHOTS}whatsapp-inbox.png` });
    await row.click();
  });

  await test.step('inside the window the agent answers in free text', async () => {
    await expect(page.getByText(/חלון השיחה פתוח עד/)).toBeVisible();
    await page
      .getByRole('textbox', { name: 'הודעה חדשה' })
      .fill('היי, הדירה עדיין פנויה. מתי נוח לך?');
    await page.getByRole('button', { name: 'שליחה', exact: true }).click();
    await expect(page.getByText('סביבת ניסוי: ההודעה נשמרה אך לא נשלחה בפועל')).toBeVisible();
    await expect(page.locator('.wa__text', { hasText: 'היי, הדירה עדיין פנויה' })).toBeVisible();
  });

  await test.step('25 hours later the composer offers templates, and the template goes', async () => {
    const moved = await post(request, api, '/api/whatsapp/dev/clock', { hours: 25 });
    expect(moved.ok(), await moved.text()).toBeTruthy();
    await page.reload();
    await page
      .getByRole('list', { name: 'שיחות' })
      .getByRole('button')
      .filter({ hasText: name })
      .click();
    await expect(page.getByText(/חלון השיחה סגור/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'הודעה חדשה' })).toHaveCount(0);
    const preview = page.getByLabel('תצוגה מקדימה');
    await expect(preview).toContainText(name);
    await page.screenshot({ path: `${SCREENSHOTS}whatsapp-templates.png` });
    await page.getByRole('button', { name: 'שליחת תבנית' }).click();
    await expect(
      page.getByText('סביבת ניסוי: ההודעה נשמרה אך לא נשלחה בפועל').first(),
    ).toBeVisible();
    await expect(page.locator('.wa__template').first()).toBeVisible();
  });
});
