import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEMO_OWNER = { email: 'demo@agentlocator.dev', password: 'demo1234!' };

/** Screenshots for the README (SCREENSHOT_DIR elsewhere, e.g. in CI), next to the other docs. */
export const SCREENSHOTS = process.env.SCREENSHOT_DIR
  ? `${process.env.SCREENSHOT_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** What the browser said went wrong: console errors, uncaught exceptions, failed requests. */
interface Problems {
  list: string[];
}

export const test = base.extend<{ problems: Problems }>({
  problems: [
    async ({ page }, use) => {
      const problems: Problems = { list: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') problems.list.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        const failure = request.failure()?.errorText ?? '';
        // A download handed to the browser's download manager ends the request as "aborted".
        if (request.url().startsWith('blob:')) return;
        // A read the page no longer needs (it navigated, or a live hint refetched it) is cancelled.
        if (request.method() === 'GET' && failure === 'net::ERR_ABORTED') return;
        problems.list.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) {
          problems.list.push(
            `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`,
          );
        }
      });
      await use(problems);
      expect(problems.list, 'the browser reported no errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export interface ApiSession {
  token: string;
  userId: string;
}

export async function apiLogin(request: APIRequestContext): Promise<ApiSession> {
  const response = await request.post('/api/auth/login', { data: DEMO_OWNER });
  expect(response.ok()).toBeTruthy();
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { token: body.accessToken, userId: body.user.id };
}

export async function apiGet<T>(request: APIRequestContext, session: ApiSession, path: string) {
  const response = await request.get(path, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  expect(response.ok(), `GET ${path}`).toBeTruthy();
  return (await response.json()) as T;
}

/** The text of every data row of the DataTable, column by column, as a person reads it. */
export async function tableRows(page: Page, columns: string[]): Promise<string[][]> {
  return page.locator('tbody tr[data-row-id]').evaluateAll(
    (rows, ids) =>
      rows.map((row) =>
        ids.map((id) => {
          const cell = row.querySelector(`td[data-column="${id}"]`);
          return (cell as HTMLElement | null)?.innerText.trim() ?? '';
        }),
      ),
    columns,
  );
}
