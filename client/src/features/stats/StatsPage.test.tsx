import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { StatsPage } from './StatsPage';

const ALL_ON = {
  crm: true,
  calls: true,
  whatsapp: true,
  tasks: true,
  contracts: true,
  invoices: true,
  signatures: true,
  stats: true,
};
const RANGE = { from: '2026-11-01', to: '2026-11-03' };
const days = (f: (date: string, i: number) => object) =>
  ['2026-11-01', '2026-11-02', '2026-11-03'].map((d, i) => ({ date: d, ...f(d, i) }));

function answers(features: Record<string, boolean> = ALL_ON, empty = false) {
  const n = (v: number) => (empty ? 0 : v);
  return mockFetch(({ url }) => {
    const path = url.split('?')[0];
    switch (path) {
      case '/api/tenant/features':
        return json(features);
      case '/api/stats/summary':
        return json({
          ...RANGE,
          calls: { answeredByAi: n(5), answeredByAgent: n(1), missed: n(2), outbound: 0 },
          leads: { total: n(40), bySource: {} },
          tasks: { created: n(6), completed: 0, open: n(6), overdue: n(1) },
          contracts: { signed: n(1), signedAgorot: n(1_170_000) },
          invoices: {
            issued: n(4),
            issuedAgorot: n(3_109_300),
            issuedVatAgorot: n(474_300),
            paid: n(2),
            paidAgorot: n(2_259_700),
            paidVatAgorot: n(344_700),
          },
          currency: 'ILS',
        });
      case '/api/stats/calls-per-day':
        return json({
          ...RANGE,
          days: days((_, i) => ({
            answeredByAi: n(i),
            answeredByAgent: 0,
            missed: n(1),
            outbound: 0,
          })),
        });
      case '/api/stats/leads-by-source':
        return json({
          ...RANGE,
          total: n(40),
          sources: empty
            ? []
            : [
                { source: 'call', count: 30 },
                { source: 'import', count: 10 },
              ],
        });
      case '/api/stats/tasks':
        return json({
          ...RANGE,
          open: 6,
          overdue: 1,
          days: days(() => ({ created: n(2), completed: 0 })),
        });
      case '/api/stats/invoices':
        return json({
          ...RANGE,
          currency: 'ILS',
          days: days((_, i) => ({
            issued: 0,
            issuedAgorot: n(i * 100_000),
            issuedVatAgorot: 0,
            paid: 0,
            paidAgorot: 0,
            paidVatAgorot: 0,
          })),
        });
      default:
        return json({ error: 'not_found' }, 404);
    }
  });
}

const ROUTE = `/stats?from=${RANGE.from}&to=${RANGE.to}`;

describe('StatsPage', () => {
  beforeEach(() => {
    // A fixed today: the 7th of a month, when "7 days" and "this month" cover the same days.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 10, 7, 10, 0) });
    signIn();
  });
  afterEach(() => vi.useRealTimers());

  it('shows the summary in he-IL numbers and shekels, and a chart per series', async () => {
    const calls = answers();
    renderWithProviders(<StatsPage />, { route: ROUTE });
    expect(await screen.findByText('לידים חדשים')).toBeInTheDocument();
    const invoices = screen.getByText('חשבוניות שהופקו').closest('.kpi') as HTMLElement;
    expect(within(invoices).getByText(/31,093/)).toHaveTextContent('₪');
    await waitFor(() => expect(document.querySelector('[data-chart="calls"]')).not.toBeNull());
    expect(document.querySelector('[data-chart="tasks"]')).not.toBeNull();
    expect(document.querySelector('[data-chart="invoices"]')).not.toBeNull();
    const leads = await screen.findByRole('list', { name: 'לידים חדשים לפי מקור' });
    expect(
      within(leads)
        .getAllByRole('listitem')
        .map((li) => li.dataset.source),
    ).toEqual(['call', 'import']);
    // Bars of stacked calls: days 2 and 3 have AI calls, every day has a missed one.
    expect(document.querySelectorAll('[data-chart="calls"] .chart__bar')).toHaveLength(5);
    expect(screen.getByRole('img', { name: 'שיחות נכנסות ליום' })).toBeInTheDocument();
    // Every request carries the range.
    const stats = calls.filter((c) => c.url.startsWith('/api/stats/'));
    expect(stats.length).toBe(5);
    for (const c of stats) expect(c.url).toContain('from=2026-11-01&to=2026-11-03');
  });

  it('shows an empty state for a range without data', async () => {
    answers(ALL_ON, true);
    renderWithProviders(<StatsPage />, { route: ROUTE });
    expect(await screen.findAllByText('אין נתונים בטווח הזה')).toHaveLength(4);
    expect(document.querySelector('.chart')).toBeNull();
  });

  it('leaves out what the tenant switched off and never asks for it', async () => {
    const calls = answers({ ...ALL_ON, calls: false, invoices: false });
    renderWithProviders(<StatsPage />, { route: ROUTE });
    await screen.findByText('לידים חדשים');
    await waitFor(() => expect(document.querySelector('[data-chart="tasks"]')).not.toBeNull());
    expect(screen.queryByText('שיחות ליום')).toBeNull();
    expect(screen.queryByText('חשבוניות שהופקו')).toBeNull();
    expect(calls.some((c) => c.url.startsWith('/api/stats/calls-per-day'))).toBe(false);
    expect(calls.some((c) => c.url.startsWith('/api/stats/invoices'))).toBe(false);
  });

  it("toasts the server's message when a request fails", async () => {
    mockFetch(({ url }) =>
      url.startsWith('/api/tenant/features')
        ? json(ALL_ON)
        : json({ error: 'range_too_long', message: 'אפשר להציג נתונים לטווח של עד 366 ימים' }, 400),
    );
    renderWithProviders(<StatsPage />, { route: ROUTE });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'אפשר להציג נתונים לטווח של עד 366 ימים',
    );
  });

  it('presses the preset that was chosen, even when another covers the same days', async () => {
    const calls = answers();
    const user = userEvent.setup();
    renderWithProviders(<StatsPage />, { route: '/stats' });
    await screen.findByText('לידים חדשים');
    const month = screen.getByRole('button', { name: 'החודש' });
    const week = screen.getByRole('button', { name: '7 ימים' });
    expect(month).toHaveAttribute('aria-pressed', 'true');
    expect(week).toHaveAttribute('aria-pressed', 'false');
    expect(calls.some((c) => c.url.includes('from=2026-11-01&to=2026-11-07'))).toBe(true);

    await user.click(week);

    await waitFor(() => expect(week).toHaveAttribute('aria-pressed', 'true'));
    expect(month).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByLabelText('מתאריך')).toHaveValue('01/11/2026');
    expect(screen.getByLabelText('עד תאריך')).toHaveValue('07/11/2026');
  });

  it('counts a preset from the address back from today', async () => {
    const calls = answers();
    renderWithProviders(<StatsPage />, { route: '/stats?preset=last30' });
    await screen.findByText('לידים חדשים');
    expect(screen.getByRole('button', { name: '30 ימים' })).toHaveAttribute('aria-pressed', 'true');
    const stats = calls.filter((c) => c.url.startsWith('/api/stats/'));
    expect(stats.length).toBe(5);
    for (const c of stats) expect(c.url).toContain('from=2026-10-09&to=2026-11-07');
  });

  it('changes the range with the date fields typed day first, and then no preset is pressed', async () => {
    const calls = answers();
    const user = userEvent.setup();
    renderWithProviders(<StatsPage />, { route: '/stats' });
    await screen.findByText('לידים חדשים');
    const from = screen.getByLabelText('מתאריך');
    await user.clear(from);
    await user.type(from, '01/12/2026');
    expect(screen.getByText('תאריך ההתחלה חייב להיות לפני תאריך הסיום')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'הצגה' })).toBeDisabled();
    await user.clear(from);
    await user.type(from, '1.10.2026');
    await user.clear(screen.getByLabelText('עד תאריך'));
    await user.type(screen.getByLabelText('עד תאריך'), '31/10/2026');
    await user.click(screen.getByRole('button', { name: 'הצגה' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.includes('from=2026-10-01&to=2026-10-31'))).toBe(true),
    );
    for (const chip of within(screen.getByRole('group', { name: 'טווח מהיר' })).getAllByRole(
      'button',
    )) {
      expect(chip).toHaveAttribute('aria-pressed', 'false');
    }
  });
});
