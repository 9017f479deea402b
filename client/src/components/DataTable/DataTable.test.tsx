import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataTable } from './DataTable';
import type { DataTableColumn, ServerSide } from './types';

const download = vi.hoisted(() => vi.fn());
vi.mock('../../lib/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/csv')>()),
  downloadFile: download,
}));

interface Row {
  id: string;
  name: string;
  city: string;
  phone: string;
}

const rows: Row[] = [
  { id: '1', name: 'גיל', city: 'חיפה', phone: '050-1111111' },
  { id: '2', name: 'אבי', city: 'תל אביב, יפו', phone: '052-2222222' },
  { id: '3', name: 'בתיה', city: 'ירושלים', phone: '054-3333333' },
];

const columns: DataTableColumn<Row>[] = [
  { id: 'name', header: 'שם', text: (r) => r.name, sortable: true, hideable: false },
  { id: 'city', header: 'עיר', text: (r) => r.city, sortable: true },
  { id: 'phone', header: 'טלפון', text: (r) => r.phone, ltr: true },
  {
    id: 'actions',
    header: 'פעולות',
    text: () => '',
    exportable: false,
    cell: () => <button>עריכה</button>,
  },
];

function names(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

function table(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return (
    <DataTable<Row>
      id="test"
      caption="טבלה"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      {...props}
    />
  );
}

describe('DataTable', () => {
  beforeEach(() => download.mockClear());

  it('sorts in the browser when it has every row', async () => {
    const user = userEvent.setup();
    render(table());
    expect(names()).toEqual(['גיל', 'אבי', 'בתיה']);
    await user.click(screen.getByRole('button', { name: /שם/ }));
    expect(screen.getByRole('columnheader', { name: /שם/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(names()).toEqual(['אבי', 'בתיה', 'גיל']);
    await user.click(screen.getByRole('button', { name: /שם/ }));
    expect(names()).toEqual(['גיל', 'בתיה', 'אבי']);
  });

  it('filters by the search box', async () => {
    const user = userEvent.setup();
    render(table());
    await user.type(screen.getByRole('searchbox', { name: 'חיפוש בטבלה' }), 'ירוש');
    expect(names()).toEqual(['בתיה']);
    expect(screen.getByText('מציג 1–1 מתוך 1')).toBeInTheDocument();
  });

  it('hides a column and remembers it for the next visit', async () => {
    const user = userEvent.setup();
    const first = render(table());
    await user.click(screen.getByRole('button', { name: 'עמודות' }));
    expect(screen.getByRole('checkbox', { name: 'שם' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'עיר' }));
    expect(screen.queryByRole('columnheader', { name: /עיר/ })).not.toBeInTheDocument();
    first.unmount();
    render(table());
    expect(screen.queryByRole('columnheader', { name: /עיר/ })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /טלפון/ })).toBeInTheDocument();
  });

  it('toggles density and remembers it', async () => {
    const user = userEvent.setup();
    const { container, unmount } = render(table());
    await user.click(screen.getByRole('button', { name: 'תצוגה צפופה' }));
    expect(container.querySelector('.data-table--compact')).not.toBeNull();
    unmount();
    const again = render(table());
    expect(again.container.querySelector('.data-table--compact')).not.toBeNull();
  });

  it('exports the visible columns and rows as CSV with a BOM', async () => {
    const user = userEvent.setup();
    render(table());
    await user.click(screen.getByRole('button', { name: /עיר/ }));
    await user.click(screen.getByRole('button', { name: 'עמודות' }));
    await user.click(screen.getByRole('checkbox', { name: 'טלפון' }));
    await user.click(screen.getByRole('button', { name: 'ייצוא CSV' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [filename, content, type] = download.mock.calls[0] as [string, string, string];
    expect(filename).toBe('test.csv');
    expect(type).toContain('charset=utf-8');
    expect(content).toBe('\uFEFFשם,עיר\r\nגיל,חיפה\r\nבתיה,ירושלים\r\nאבי,"תל אביב, יפו"\r\n');
  });

  it('shows skeleton rows while loading and the empty state when there is nothing', () => {
    const { rerender, container } = render(table({ data: [], loading: true }));
    expect(container.querySelectorAll('.data-table__skeleton-row')).toHaveLength(6);
    rerender(table({ data: [], loading: false, empty: <p>אין לקוחות</p> }));
    expect(screen.getByText('אין לקוחות')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ייצוא CSV' })).toBeDisabled();
  });

  it('leaves paging and sorting to the server when told so', async () => {
    const user = userEvent.setup();
    const server: ServerSide = {
      total: 60,
      page: 1,
      pageSize: 25,
      onPageChange: vi.fn(),
      onPageSizeChange: vi.fn(),
      sort: null,
      onSortChange: vi.fn(),
    };
    render(table({ server }));
    // The rows stay in the order the server sent them.
    expect(names()).toEqual(['גיל', 'אבי', 'בתיה']);
    expect(screen.getByText('מציג 1–25 מתוך 60')).toBeInTheDocument();
    expect(screen.queryByRole('searchbox', { name: 'חיפוש בטבלה' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /שם/ }));
    expect(server.onSortChange).toHaveBeenCalledWith({ id: 'name', desc: false });
    await user.click(screen.getByRole('button', { name: 'הבא' }));
    expect(server.onPageChange).toHaveBeenCalledWith(2);
    await user.selectOptions(screen.getByRole('combobox'), '50');
    expect(server.onPageSizeChange).toHaveBeenCalledWith(50);
  });

  it('opens a row on click, but not when a button inside it is clicked', async () => {
    const user = userEvent.setup();
    const onRowClick = vi.fn();
    render(table({ onRowClick }));
    await user.click(screen.getByText('אבי'));
    expect(onRowClick).toHaveBeenCalledWith(rows[1]);
    onRowClick.mockClear();
    await user.click(screen.getAllByRole('button', { name: 'עריכה' })[0] as HTMLElement);
    expect(onRowClick).not.toHaveBeenCalled();
  });
});
