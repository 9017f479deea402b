import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { live as liveBus } from '../../lib/live';
import type { TimelineItem } from './api';
import { CustomerTimeline } from './CustomerTimeline';

const CUSTOMER = '11111111-1111-1111-1111-111111111111';
/** The test's now: the items are dated back from it, and "לפני 5 דקות" is counted from it. */
const NOW = new Date('2027-03-26T01:58:00+02:00').getTime();

function item(
  id: string,
  kind: TimelineItem['kind'],
  title: string,
  minutesAgo: number,
  link: string | null = null,
): TimelineItem {
  return {
    id,
    kind,
    type: `${kind}.x`,
    occurredAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
    title,
    details: kind === 'whatsapp' ? { text: 'שלום, מתי נוח לדבר?' } : {},
    reference: id,
    link,
  };
}

const newest = item(
  'e1',
  'whatsapp',
  'הודעת WhatsApp נשלחה',
  5,
  `/customers/${CUSTOMER}?tab=whatsapp&message=SM1`,
);
const older = item('e2', 'task', 'משימה נוצרה: לחזור ללקוח', 60, '/tasks/t1');
const oldest = item('e3', 'customer', 'לקוח חדש נוסף: אבי', 600, `/customers/${CUSTOMER}`);

describe('CustomerTimeline', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    signIn();
  });
  afterEach(() => vi.useRealTimers());

  it('shows icon, title, time and a source link per item, newest first, and pages on the cursor', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url }) => {
      const u = new URL(url, 'http://x');
      if (u.searchParams.get('before') === 'CURSOR1')
        return json({ items: [oldest], nextCursor: null, limit: 30 });
      if (u.searchParams.get('limit') === '20')
        return json({ items: [newest, older], nextCursor: 'CURSOR1', limit: 20 });
      return json({ items: [newest, older], nextCursor: 'CURSOR1', limit: 30 });
    });
    renderWithProviders(<CustomerTimeline customerId={CUSTOMER} liveIntervalMs={0} />);

    expect(await screen.findByText('הודעת WhatsApp נשלחה')).toBeInTheDocument();
    expect(screen.getByText('שלום, מתי נוח לדבר?')).toBeInTheDocument();
    const titles = screen
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.timeline__title')?.textContent);
    expect(titles).toEqual(['הודעת WhatsApp נשלחה', 'משימה נוצרה: לחזור ללקוח']);
    expect(screen.getAllByText('לפני 5 דקות')[0]).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: 'פתח מקור' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/customers/${CUSTOMER}?tab=whatsapp&message=SM1`,
      '/tasks/t1',
    ]);
    expect(calls[0]?.url).toBe(`/api/customers/${CUSTOMER}/timeline?limit=30`);
    expect(calls[0]?.headers.Authorization).toBe('Bearer access-1');

    await user.click(screen.getByRole('button', { name: 'טעינת אירועים קודמים' }));
    expect(await screen.findByText('לקוח חדש נוסף: אבי')).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('before=CURSOR1'))).toBe(true);
    // The customer's own card links here: no "open source" for it.
    expect(screen.getAllByRole('link', { name: 'פתח מקור' })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'טעינת אירועים קודמים' })).not.toBeInTheDocument();
  });

  it('filters by kind on the server', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url }) =>
      json({
        items: url.includes('kinds=task') ? [older] : [newest, older],
        nextCursor: null,
        limit: 30,
      }),
    );
    renderWithProviders(<CustomerTimeline customerId={CUSTOMER} liveIntervalMs={0} />);
    await screen.findByText('הודעת WhatsApp נשלחה');
    await user.click(screen.getByRole('button', { name: /משימות/ }));
    expect(screen.getByRole('button', { name: /משימות/ })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.queryByText('הודעת WhatsApp נשלחה')).not.toBeInTheDocument());
    expect(screen.getByText('משימה נוצרה: לחזור ללקוח')).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('kinds=task'))).toBe(true);
  });

  it('adds new events on top as they happen', async () => {
    let live = [older];
    mockFetch(() => json({ items: live, nextCursor: null, limit: 30 }));
    renderWithProviders(<CustomerTimeline customerId={CUSTOMER} liveIntervalMs={50} />);
    await screen.findByText('משימה נוצרה: לחזור ללקוח');
    live = [newest, older];
    expect(await screen.findByText('הודעת WhatsApp נשלחה')).toBeInTheDocument();
    const titles = screen
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.timeline__title')?.textContent);
    expect(titles).toEqual(['הודעת WhatsApp נשלחה', 'משימה נוצרה: לחזור ללקוח']);
  });

  it("refetches on the socket's hint about this customer instead of polling", async () => {
    let items = [older];
    const calls = mockFetch(() => json({ items, nextCursor: null, limit: 30 }));
    act(() => liveBus.setConnected(true));
    try {
      renderWithProviders(<CustomerTimeline customerId={CUSTOMER} />);
      await screen.findByText('משימה נוצרה: לחזור ללקוח');
      items = [newest, older];
      const before = calls.length;
      act(() => liveBus.emit({ type: 'timeline:changed', customerId: 'someone-else' }));
      expect(calls.length).toBe(before);
      act(() => liveBus.emit({ type: 'timeline:changed', customerId: CUSTOMER }));
      expect(await screen.findByText('הודעת WhatsApp נשלחה')).toBeInTheDocument();
    } finally {
      act(() => liveBus.setConnected(false));
    }
  });

  it('treats a customer with no events yet (404) as an empty timeline', async () => {
    mockFetch(() => json({ error: 'not_found', message: 'לא נמצא' }, 404));
    renderWithProviders(<CustomerTimeline customerId={CUSTOMER} liveIntervalMs={0} />);
    expect(await screen.findByText('עדיין אין אירועים')).toBeInTheDocument();
  });

  it('shows the server message when loading fails', async () => {
    mockFetch(() =>
      json({ error: 'invalid_cursor', message: 'קישור הדפדוף בציר הזמן אינו תקין' }, 400),
    );
    renderWithProviders(<CustomerTimeline customerId={CUSTOMER} liveIntervalMs={0} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('קישור הדפדוף בציר הזמן אינו תקין');
  });
});
