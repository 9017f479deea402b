#!/usr/bin/env node
// Simulates a person writing to the demo office on WhatsApp, against the local stack (`make run`):
// the message reaches telephony-service exactly as Twilio would post it (a signed webhook through
// the gateway), so a newcomer sees a lead and an unread conversation appear in the inbox.
//
//   node scripts/whatsapp-inbound.mjs +972541234567 "שלום, ראיתי את הדירה ברחוב הרצל" "דנה כהן"
//
// The first run registers a WhatsApp sender for the demo tenant (WHATSAPP_SIM_SENDER, default
// +97233760099) so that the message is routed to it (ADR 0019). Development only: it signs with the
// local stack's development Twilio token (or TWILIO_TOKEN), which no real Twilio account has.
import { createHmac, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const DEV_TWILIO_TOKEN = 'local-development-twilio-auth-token';

/** Twilio's X-Twilio-Signature: HMAC-SHA1 of the URL and every parameter, sorted by name. */
export function twilioSignature(token, url, params) {
  const data = Object.keys(params)
    .sort()
    .reduce((s, key) => s + key + params[key], url);
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** The parameters Twilio posts for an inbound WhatsApp message. */
export function inboundParams({ from, to, body, profileName }) {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const params = {
    AccountSid: 'ACsimulated',
    ApiVersion: '2010-04-01',
    MessageSid: sid,
    SmsMessageSid: sid,
    From: `whatsapp:${from}`,
    To: `whatsapp:${to}`,
    Body: body,
    NumMedia: '0',
    WaId: from.replace(/^\+/, ''),
  };
  if (profileName) params.ProfileName = profileName;
  return params;
}

/** Posts it, signed, to the gateway; returns the MessageSid. */
export async function deliverInbound({ gateway, token = DEV_TWILIO_TOKEN, ...message }) {
  const params = inboundParams(message);
  const url = `${gateway}/webhook/whatsapp_incoming`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilioSignature(token, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  if (response.status !== 200) {
    throw new Error(`the webhook answered ${response.status}: ${await response.text()}`);
  }
  return params.MessageSid;
}

/** Registers {@code sender} as the tenant's WhatsApp sender unless it is registered already. */
export async function ensureSender({ gateway, accessToken, sender }) {
  const response = await fetch(`${gateway}/api/whatsapp/senders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ address: `whatsapp:${sender}`, label: 'סימולציה מקומית' }),
  });
  if (response.status !== 201 && response.status !== 409) {
    throw new Error(`registering the sender answered ${response.status}: ${await response.text()}`);
  }
}

async function main() {
  const [from, body, profileName] = process.argv.slice(2);
  if (!from || !body) {
    console.error('usage: node scripts/whatsapp-inbound.mjs +9725XXXXXXXX "text" ["profile name"]');
    process.exit(2);
  }
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
  const sender = process.env.WHATSAPP_SIM_SENDER ?? '+97233760099';
  const login = await fetch(`${gateway}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: process.env.DEMO_EMAIL ?? 'demo@agentlocator.dev',
      password: process.env.DEMO_PASSWORD ?? 'demo1234!',
    }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}`);
  const { accessToken } = await login.json();
  await ensureSender({ gateway, accessToken, sender });
  const sid = await deliverInbound({
    gateway,
    token: process.env.TWILIO_TOKEN ?? DEV_TWILIO_TOKEN,
    from,
    to: sender,
    body,
    profileName,
  });
  console.log(`delivered ${sid} from ${from} to ${sender}: open the WhatsApp inbox (/whatsapp)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
