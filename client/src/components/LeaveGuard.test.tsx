import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';
import { LeaveGuard } from './LeaveGuard';
import { useCloseGuard } from './useCloseGuard';

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

function FormInDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const { requestClose, question } = useCloseGuard(name !== '', onClose);
  return (
    <>
      {question}
      <Dialog open title="לקוח חדש" onClose={requestClose}>
        <label>
          שם
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </Dialog>
    </>
  );
}

describe('useCloseGuard', () => {
  it('closes an untouched form at once', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<FormInDialog onClose={onClose} />);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog', { name: 'לצאת בלי לשמור?' })).not.toBeInTheDocument();
  });

  it('asks before an edited form is thrown away, and keeps it unless told to leave', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<FormInDialog onClose={onClose} />);
    await user.type(screen.getByRole('textbox', { name: 'שם' }), 'דנה');

    await user.click(screen.getByRole('button', { name: 'סגירה' }));
    expect(screen.getByRole('dialog', { name: 'לצאת בלי לשמור?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'להישאר בטופס' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'לצאת בלי לשמור?' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'שם' })).toHaveValue('דנה');
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'סגירה' }));
    await user.click(screen.getByRole('button', { name: 'לצאת בלי לשמור' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
