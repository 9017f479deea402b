import type { Page, Worker } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiGet, apiLogin, expect, SCREENSHOTS, test } from './fixtures';
import { settle, signInThroughUi } from './session';

/**
 * SPEC C12 / issue 10: the work order's flow through the UI, then the same alert by Web Push to
 * the service worker with no tab of the app open.
 */

interface Task {
  id: string;
  title: string;
  dueAt: string;
  status: string;
}

/** A `datetime-local` value (with seconds) `ms` from now, in the page's own time zone. */
function localTimeIn(page: Page, ms: number): Promise<string> {
  return page.evaluate((offset) => {
    const d = new Date(Date.now() + offset);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);
}

/** The page's service worker as Playwright sees it (Chromium only). */
async function serviceWorker(page: Page): Promise<Worker> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return page.context().serviceWorkers()[0] ?? page.context().waitForEvent('serviceworker');
}

/** The parts of a service worker's global scope the test uses (the e2e types know only DOM). */
interface WorkerScope {
  registration: {
    getNotifications: (filter?: {
      tag: string;
    }) => Promise<(Notification & { actions?: { action: string }[] })[]>;
  };
  handleNotificationClick: (n: Notification, action: string) => Promise<unknown>;
}

interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  actions: string[];
}

/** What the service worker is showing now (it runs in the worker's own global scope). */
function shownNotifications(worker: Worker): Promise<ShownNotification[]> {
  return worker.evaluate(async () => {
    const scope = globalThis as unknown as WorkerScope;
    const list = await scope.registration.getNotifications();
    return list.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      actions: (n.actions ?? []).map((a) => a.action),
    }));
  });
}

test('create a customer, a task falls due, call and WhatsApp from the alert, all on the timeline; then a push with the tab closed', async ({
  page,
  request,
  baseURL,
  problems,
}) => {
  test.setTimeout(150_000);
  const origin = new URL(baseURL ?? 'http://localhost:8080').origin;
  const context = page.context();
  const api = await apiLogin(request);
  const auth = { Authorization: `Bearer ${api.token}` };
  const stamp = new Date().toLocaleTimeString('he-IL', { timeZone: 'Asia/Jerusalem' });
  const name = `לקוחת בדיקה ${stamp}`;
  // Typed as the app shows an Israeli mobile number (libphonenumber's national format), so the same
  // text can be looked for on every screen.
  const subscriber = String(Math.floor(1_000_000 + Math.random() * 8_999_999));
  const phone = `052-${subscriber.slice(0, 3)}-${subscriber.slice(3)}`;
  const title = `להתקשר ל${name}`;
  let customerId = '';
  // Saving a customer refetches the list, and opening the new customer right away cancels that
  // refetch (TanStack Query aborts the fetch of an unmounted query): not a failure of the app.
  const dropCancelledListRefetch = () => {
    problems.list = problems.list.filter(
      (p) => !/^request failed: GET \S+\/api\/crm\/customers\?\S* net::ERR_ABORTED$/.test(p),
    );
  };

  await signInThroughUi(page);

  await test.step('creates a customer through the form', async () => {
    await page.getByRole('button', { name: 'לקוח חדש' }).click();
    const dialog = page.getByRole('dialog', { name: 'לקוח חדש' });
    await dialog.getByLabel('שם מלא').fill(name);
    await dialog.getByLabel('טלפון').fill(phone);
    await dialog.getByRole('button', { name: 'הוספת לקוח' }).click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    customerId = page.url().split('/').pop() ?? '';
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  await test.step('adds a task due in a few seconds from the Action Bar', async () => {
    await settle(page);
    await page
      .getByRole('navigation', { name: 'פעולות על הלקוח' })
      .getByRole('button', { name: '📝 משימה' })
      .click();
    const dialog = page.getByRole('dialog', { name: `משימה חדשה · ${name}` });
    await dialog.getByLabel('כותרת').fill(title);
    // The field shows minutes; a value with seconds keeps the test short.
    await dialog.getByLabel('מועד').fill(await localTimeIn(page, 20_000));
    await dialog.getByRole('button', { name: 'יצירת משימה' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('המשימה נוצרה')).toBeVisible();
  });

  const modal = page.getByRole('alertdialog');
  await test.step('task:due arrives and the full-screen alert opens', async () => {
    await expect(page.locator('[data-socket-status]')).toHaveAttribute(
      'data-socket-status',
      'connected',
    );
    await expect(modal).toBeVisible({ timeout: 45_000 });
    await expect(modal.getByRole('heading', { name: title })).toBeVisible();
    await expect(modal.getByRole('link', { name })).toBeVisible();
    await expect(modal.getByText(phone)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}e2e-flow-modal.png`, animations: 'disabled' });
  });

  await test.step('WhatsApp and Call from the alert', async () => {
    await modal.getByRole('button', { name: 'פתח WhatsApp', exact: true }).click();
    await expect(page.getByText(/ההודעה נרשמה אך לא נשלחה|הודעת WhatsApp נשלחה/)).toBeVisible();

    await modal.getByRole('button', { name: 'חייג', exact: true }).click();
    // Without a forwarding number the app first asks for the agent's own phone.
    const ask = page.getByRole('dialog', { name: 'לאיזה מספר להתקשר אליך?' });
    const called = page.getByText(/השיחה נרשמה ביומן|השיחה יוצאת/);
    await expect(ask.or(called).first()).toBeVisible();
    if (await ask.isVisible()) {
      await ask.getByLabel('הטלפון שלך').fill('050-7654321');
      await ask.getByRole('button', { name: '📞 התקשר' }).click();
    }
    await expect(called).toBeVisible();
    await modal.getByRole('button', { name: 'בוצע' }).click();
    await expect(modal).toBeHidden();
  });

  await test.step("the customer's timeline shows the task, the message and the call", async () => {
    await page.getByRole('tab', { name: 'ציר זמן' }).click();
    const timeline = page.locator('.timeline__list');
    await expect(timeline.getByText(`משימה נוצרה: ${title}`)).toBeVisible({ timeout: 15_000 });
    await expect(timeline.getByText(`משימה בוצעה: ${title}`)).toBeVisible({ timeout: 15_000 });
    // A new customer never wrote, so WhatsApp's 24-hour window is closed and the alert sends the
    // tenant's follow-up template rather than free text.
    await expect(timeline.getByText('נשלחה תבנית WhatsApp').first()).toBeVisible({
      timeout: 15_000,
    });
    await expect(timeline.getByText(/שיחה יוצאת/).first()).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `${SCREENSHOTS}e2e-flow-timeline.png`, animations: 'disabled' });
  });

  await test.step('with the tab closed, a push reaches the service worker and Snooze works', async () => {
    const created = await request.post('/api/tasks', {
      headers: auth,
      data: {
        title: `${title} (Push)`,
        customerId,
        dueAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        channel: 'call',
        priority: 'high',
      },
    });
    expect(created.status()).toBe(201);
    const task = (await created.json()) as Task;
    try {
      const worker = await serviceWorker(page);
      // The app hands the worker its token, so Snooze works without a tab.
      await expect
        .poll(() =>
          worker.evaluate(async () => {
            const cache = await caches.open('agentlocator-session');
            return Boolean(await cache.match('/__session/access-token'));
          }),
        )
        .toBe(true);

      await settle(page);
      await page.close();
      expect(context.pages().filter((p) => p.url().startsWith(origin))).toHaveLength(0);
      // Granted only now: with the permission an open tab would try to subscribe to a push
      // service, which a Playwright (off-the-record) profile refuses with a console error.
      await context.grantPermissions(['notifications'], { origin });

      // No public push service is reachable: deliver through the DevTools protocol, from a blank
      // tab of the same browser profile. The payload is notification-service's (PushDelivery).
      const blank = await context.newPage();
      const cdp = await context.newCDPSession(blank);
      const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e) =>
        registrations.push(...e.registrations),
      );
      await cdp.send('ServiceWorker.enable');
      await expect.poll(() => registrations.some((r) => r.scopeURL.startsWith(origin))).toBe(true);
      const registration = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      const digits = phone.replace(/\D/g, '').replace(/^0/, '972');
      const payload = {
        type: 'task:due',
        notificationId: randomUUID(),
        taskId: task.id,
        title: task.title,
        body: `${name} · +${digits}`,
        customerId,
        customerName: name,
        customerPhone: `+${digits}`,
        dueAt: task.dueAt,
        actions: [
          { action: 'call', title: 'חייג', url: `tel:+${digits}` },
          { action: 'whatsapp', title: 'פתח WhatsApp', url: `https://wa.me/${digits}` },
          {
            action: 'snooze',
            title: 'דחה ב־5 דקות',
            minutes: 5,
            url: `/api/tasks/${task.id}/snooze`,
          },
        ],
      };
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin,
        registrationId: registration?.registrationId ?? '',
        data: JSON.stringify(payload),
      });

      const live = context.serviceWorkers()[0] ?? worker;
      await expect
        .poll(async () => (await shownNotifications(live)).find((n) => n.tag === `task-${task.id}`))
        .toEqual({
          title: task.title,
          body: `${name} · +${digits}`,
          tag: `task-${task.id}`,
          // Chromium shows two buttons (Notification.maxActions): Snooze keeps its place.
          actions: ['call', 'snooze'],
        });

      // No DevTools command clicks a notification: run the worker's own click handler
      // (handleNotificationClick in sw.js, what its notificationclick listener calls).
      const snoozedAt = Date.now();
      await live.evaluate(async (tag) => {
        const scope = globalThis as unknown as WorkerScope;
        const [shown] = await scope.registration.getNotifications({ tag });
        if (!shown) throw new Error('no notification');
        await scope.handleNotificationClick(shown, 'snooze');
      }, `task-${task.id}`);

      const after = await apiGet<Task>(request, api, `/api/tasks/${task.id}`);
      const moved = new Date(after.dueAt).getTime() - snoozedAt;
      expect(moved).toBeGreaterThan(4 * 60_000);
      expect(moved).toBeLessThan(6 * 60_000);
      const confirmation = (await shownNotifications(live)).find(
        (n) => n.tag === `task-${task.id}`,
      );
      expect(confirmation?.title).toBe('המשימה נדחתה');
      await cdp.detach();
      await blank.close();
    } finally {
      // Close the task, so that it never falls due in a later test.
      await request.post(`/api/tasks/${task.id}/done`, { headers: auth });
    }
  });
  dropCancelledListRefetch();
});
