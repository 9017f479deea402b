import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/*
 * A benchmark, not a gate (bench/client/run.sh): Lighthouse's mobile performance score (its
 * default: a mid-range phone, 4× slower CPU, slow 4G, simulated) for the three pages a newcomer
 * meets first, against the real gateway and its compressed, code-split build, each RUNS times
 * with a cold HTTP cache. The figures go to LIGHTHOUSE_OUT; the target (95) is reported next to
 * them in docs/benchmarks.md.
 */

const RUNS = Number(process.env.RUNS ?? 3);
const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

test.describe('Lighthouse mobile performance', () => {
  test.describe.configure({ timeout: 600_000 });

  test('login, customers and public signing pages', async ({ request }) => {
    // A tenant of its own (benchmarks never touch the demo tenant), with a page of customers.
    const owner = {
      email: `lighthouse-${randomUUID()}@bench.agentlocator.dev`,
      password: 'bench-lighthouse-1!',
    };
    const signup = await request.post('/api/auth/signup', {
      data: { businessName: 'משרד למדידת מהירות', name: 'מודד הביצועים', ...owner },
    });
    expect(signup.ok(), await signup.text()).toBeTruthy();
    const headers = {
      Authorization: `Bearer ${((await signup.json()) as { accessToken: string }).accessToken}`,
    };
    let customerId = '';
    for (let i = 0; i < 25; i++) {
      const created = await request.post('/api/crm/customers', {
        headers,
        data: {
          name: `לקוח מדידה ${i + 1}`,
          phone: `05${String(20000000 + i * 7919).slice(0, 8)}`,
        },
      });
      expect(created.ok(), await created.text()).toBeTruthy();
      customerId = ((await created.json()) as { id: string }).id;
    }
    const contract = await request.post('/api/contracts', {
      headers,
      data: {
        customerId,
        title: 'הצעת מחיר לבדיקת מהירות',
        lines: [{ description: 'דמי תיווך', quantity: 1, unitPriceAgorot: 500_000 }],
      },
    });
    expect(contract.ok()).toBeTruthy();
    const { id } = (await contract.json()) as { id: string };
    const sent = await request.post(`/api/contracts/${id}/send`, { headers });
    expect(sent.ok()).toBeTruthy();
    const signPath = new URL(((await sent.json()) as { signingUrl: string }).signingUrl, BASE_URL)
      .pathname;

    // A persistent context is the browser's default one, where the tabs Lighthouse opens live, so
    // the session stored at login is theirs too.
    const port = await freePort();
    const profile = mkdtempSync(join(tmpdir(), 'lighthouse-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        `--remote-debugging-port=${port}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
        '--no-first-run',
      ],
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const cdp = await browser.newCDPSession(page);

      const score = async (path: string, keepSession: boolean) => {
        const scores: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          await cdp.send('Network.clearBrowserCache');
          const result = await lighthouse(`${BASE_URL}${path}`, {
            port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
            // Lighthouse wipes the origin's storage, and with it the session, unless told not to;
            // the HTTP cache is cleared above instead.
            disableStorageReset: keepSession,
          });
          scores.push(Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
        }
        return scores;
      };

      const login = await score('/login', false);

      await page.goto(`${BASE_URL}/login`);
      await page.getByLabel('אימייל').fill(owner.email);
      await page.getByLabel('סיסמה').fill(owner.password);
      await page.getByRole('button', { name: 'כניסה' }).click();
      await expect(page).toHaveURL(/\/customers/);
      const customersPage = await score('/customers', true);

      const signing = await score(signPath, false);

      const figures = { login, customers: customersPage, signing };
      console.log(`Lighthouse mobile performance (${RUNS} runs each): ${JSON.stringify(figures)}`);
      if (process.env.LIGHTHOUSE_OUT)
        writeFileSync(process.env.LIGHTHOUSE_OUT, JSON.stringify(figures));
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
