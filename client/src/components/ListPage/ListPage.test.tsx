import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import type { Page } from '../../lib/api';
import { useServerTable, type DataTableColumn } from '../DataTable';
import { ListPage } from './ListPage';
import { ListTable } from './ListTable';

const download = vi.hoisted(() => vi.fn());
vi.mock('../../lib/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/csv')>()),
  downloadFile: download,
}));

interface Row {
  id: string;
  name: string;
}

const columns: DataTableColumn<Row>[] = [{ id: 'name', header: 'שם', text: (r) => r.name }];

function page(items: Row[]): Page<Row> {
  return { items, page: 1, limit: 25, total: items.length, pages: 1 };
}

function List({
  rows,
  filtered = false,
  onNew = () => undefined,
  onClear = () => undefined,
}: {
  rows: Row[];
  filtered?: boolean;
  onNew?: () => void;
  onClear?: () => void;
}) {
  const table = useServerTable('rows');
  const newItem = { label: 'רשומה חדשה', onClick: onNew };
  return (
    <ListPage
      title="רשומות"
      subtitle={`${rows.length} רשומות`}
      exportAll={{ path: '/api/rows/export', params: { status: 'open', q: '' }, fileName: 'r.csv' }}
      writeActions={<button type="button">ייבוא</button>}
      newItem={newItem}
    >
      <ListTable<Row>
        id="rows"
        caption="טבלת הרשומות"
        exportFileName="רשומות"
        columns={columns}
        list={{ data: page(rows), isPending: false, isError: false, error: null }}
        table={table}
        getRowId={(r) => r.id}
        onRowClick={() => undefined}
        filters={<input aria-label="חיפוש" />}
        filtered={filtered}
        onClearFilters={onClear}
        empty={{ icon: '📭', title: 'עדיין אין רשומות', description: 'הוסיפו רשומה ראשונה.' }}
        filteredEmpty={{ title: 'לא נמצאו רשומות', description: 'נסו לשנות את הסינון.' }}
        newItem={newItem}
      />
    </ListPage>
  );
}

describe('ListPage and ListTable', () => {
  it('offers the writer "new" in the header and in the empty state of an empty list', async () => {
    signIn('agent');
    const onNew = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<List rows={[]} onNew={onNew} />);
    expect(screen.getByRole('heading', { name: 'רשומות' })).toBeInTheDocument();
    expect(screen.getByText('עדיין אין רשומות')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ייבוא' })).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: /רשומה חדשה/ });
    expect(buttons).toHaveLength(2);
    for (const button of buttons) await user.click(button);
    expect(onNew).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('button', { name: 'ניקוי סינון' })).not.toBeInTheDocument();
  });

  it('shows a viewer the export but no write action', () => {
    signIn('viewer');
    renderWithProviders(<List rows={[]} />);
    expect(screen.getByRole('button', { name: /ייצוא הכול/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /רשומה חדשה/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'ייבוא' })).not.toBeInTheDocument();
    expect(screen.getByText('עדיין אין רשומות')).toBeInTheDocument();
  });

  it('says nothing matches a filter, and clears it', async () => {
    signIn();
    const onClear = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<List rows={[]} filtered onClear={onClear} />);
    expect(screen.getByText('לא נמצאו רשומות')).toBeInTheDocument();
    expect(screen.queryByText('עדיין אין רשומות')).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /רשומה חדשה/ })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'ניקוי סינון' }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it("exports every matching row from the server, and tells when it can't", async () => {
    signIn();
    download.mockClear();
    const user = userEvent.setup();
    let fail = false;
    const calls = mockFetch(() =>
      fail
        ? json({ error: 'forbidden', message: 'אין לך הרשאה לפעולה הזו' }, 403)
        : new Response('שם\r\nא\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    );
    renderWithProviders(<List rows={[{ id: '1', name: 'א' }]} />);
    await user.click(screen.getByRole('button', { name: /ייצוא הכול/ }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(calls[0]?.url).toBe('/api/rows/export?status=open');
    expect(download.mock.calls[0]?.[0]).toBe('r.csv');

    fail = true;
    await user.click(screen.getByRole('button', { name: /ייצוא הכול/ }));
    expect(await screen.findByText('אין לך הרשאה לפעולה הזו')).toBeInTheDocument();
    expect(download).toHaveBeenCalledTimes(1);
  });
});
