import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LeaveGuard } from './LeaveGuard';

function App({ dirty }: { dirty: boolean }) {
  return (
    <MemoryRouter initialEntries={['/invoices/new']}>
      <Routes>
        <Route
          path="/invoices/new"
          element={
            <>
              <h1>חשבונית חדשה</h1>
              <Link to="/customers">לקוחות</Link>
              <LeaveGuard when={dirty} />
            </>
          }
        />
        <Route path="/customers" element={<h1>לקוחות</h1>} />
      </Routes>
    </MemoryRouter>
  );
}

describe('LeaveGuard', () => {
  it('asks before a link leaves unsaved work, and stays or leaves as answered', async () => {
    const user = userEvent.setup();
    render(<App dirty />);
    await user.click(screen.getByRole('link', { name: 'לקוחות' }));
    const ask = screen.getByRole('dialog', { name: 'לצאת בלי לשמור?' });
    expect(ask).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('חשבונית חדשה');

    await user.click(screen.getByRole('button', { name: 'להישאר בטופס' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('חשבונית חדשה');

    await user.click(screen.getByRole('link', { name: 'לקוחות' }));
    await user.click(screen.getByRole('button', { name: 'לצאת בלי לשמור' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('לקוחות');
  });

  it('lets the link go when nothing is unsaved', async () => {
    const user = userEvent.setup();
    render(<App dirty={false} />);
    await user.click(screen.getByRole('link', { name: 'לקוחות' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('לקוחות');
  });
});
