import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MainNav, type NavLinkItem } from './MainNav';

const ITEMS: NavLinkItem[] = [
  { to: '/customers', label: 'לקוחות', icon: '👥' },
  { to: '/calls', label: 'שיחות', icon: '📞' },
  { to: '/tasks', label: 'משימות', icon: '📝' },
  { to: '/whatsapp', label: 'WhatsApp', icon: '💬' },
  { to: '/contracts', label: 'הצעות וחוזים', short: 'הצעות', icon: '📄' },
  { to: '/invoices', label: 'חשבוניות', icon: '🧾' },
  { to: '/stats', label: 'סטטיסטיקה', icon: '📊' },
  { to: '/settings', label: 'הגדרות', icon: '⚙️' },
];

/** A screen of the given width: the phone layout's media query matches below 48rem. */
function screenWidth(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: phone,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function Where() {
  return <output aria-label="כתובת">{useLocation().pathname}</output>;
}

function renderNav(route = '/customers', items = ITEMS) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <MainNav items={items} />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
      <button type="button">מחוץ לתפריט</button>
    </MemoryRouter>,
  );
}

/** The links' text without their (hidden) icons. */
const names = (links: HTMLElement[]) =>
  links.map((l) => l.querySelector('span:not([aria-hidden])')?.textContent);

const nav = () => screen.getByRole('navigation', { name: 'ניווט ראשי' });

describe('MainNav', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('at a desk lists every section', () => {
    screenWidth(false);
    renderNav();
    expect(within(nav()).getAllByRole('link')).toHaveLength(ITEMS.length);
    expect(within(nav()).queryByRole('button', { name: 'עוד' })).not.toBeInTheDocument();
  });

  it('on a phone shows four tabs and the rest behind "עוד", which opens and closes by keyboard', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    renderNav();
    const more = within(nav()).getByRole('button', { name: 'עוד' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(names(within(nav()).getAllByRole('link'))).toEqual([
      'לקוחות',
      'שיחות',
      'משימות',
      'WhatsApp',
    ]);

    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    const sheet = screen.getByRole('list', { name: 'עוד אזורים' });
    expect(names(within(sheet).getAllByRole('link'))).toEqual([
      'הצעות וחוזים',
      'חשבוניות',
      'סטטיסטיקה',
      'הגדרות',
    ]);
    expect(within(sheet).getByRole('link', { name: 'הצעות וחוזים' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'עוד אזורים' })).not.toBeInTheDocument();
    expect(more).toHaveFocus();
  });

  it('closes on a section chosen or a press outside, and marks "עוד" while one of its sections is open', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    renderNav();
    const more = within(nav()).getByRole('button', { name: 'עוד' });
    expect(more).not.toHaveClass('active');

    await user.click(more);
    await user.click(screen.getByRole('link', { name: 'חשבוניות' }));
    expect(screen.getByRole('status', { name: 'כתובת' })).toHaveTextContent('/invoices');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(more).toHaveClass('active');

    await user.click(more);
    await user.click(screen.getByRole('button', { name: 'מחוץ לתפריט' }));
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  it('on a phone with five sections shows all five as tabs', () => {
    screenWidth(true);
    renderNav('/customers', ITEMS.slice(0, 5));
    expect(within(nav()).getAllByRole('link')).toHaveLength(5);
    expect(within(nav()).queryByRole('button', { name: 'עוד' })).not.toBeInTheDocument();
  });
});
