import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useRememberedState } from '../../hooks/useRememberedState';
import { downloadFile, toCsv } from '../../lib/csv';
import { Button } from '../Button';
import { EmptyState } from '../EmptyState';
import { ColumnMenu } from './ColumnMenu';
import type { DataTableColumn, ServerSide, TableSettings } from './types';
import '../Field.css';
import '../Skeleton.css';
import './DataTable.css';

export interface DataTableProps<T> {
  /** Names the remembered settings (column visibility, density) in localStorage. */
  id: string;
  /** The table's accessible name. */
  caption: string;
  columns: DataTableColumn<T>[];
  data: T[];
  getRowId: (row: T) => string;
  loading?: boolean;
  /** What to show when there are no rows. */
  empty?: ReactNode;
  onRowClick?: (row: T) => void;
  /** Filters and buttons shown before the table's own controls. */
  toolbar?: ReactNode;
  /** Without `server`, the table sorts, searches and pages in the browser. */
  server?: ServerSide;
  exportFileName?: string;
  pageSizes?: number[];
}

/**
 * A cell's content, called as a function: through `flexRender` each new set of columns (the
 * users loaded, a mutation's state) would be a new component type, and React would remount
 * every cell, buttons and selects with them (focus lost, a click on a replaced node).
 */
function cellContent<T>(column: DataTableColumn<T> | undefined, row: T): ReactNode {
  if (!column) return null;
  return column.cell ? column.cell(row) : column.text(row);
}

const DEFAULT_SETTINGS: TableSettings = { hidden: [], density: 'comfortable' };
const SKELETON_ROWS = 6;

export function DataTable<T>({
  id,
  caption,
  columns,
  data,
  getRowId,
  loading = false,
  empty,
  onRowClick,
  toolbar,
  server,
  exportFileName,
  pageSizes = [10, 25, 50, 100],
}: DataTableProps<T>) {
  const [settings, setSettings] = useRememberedState<TableSettings>(`datatable:${id}`, {
    ...DEFAULT_SETTINGS,
    hidden: columns.filter((c) => c.defaultHidden).map((c) => c.id),
  });
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [localPagination, setLocalPagination] = useState<PaginationState>({
    pageIndex: 0,
    pageSize: pageSizes[1] ?? 25,
  });

  const columnDefs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        accessorFn: c.text,
        header: c.header,
        enableSorting: c.sortable ?? false,
        enableHiding: c.hideable ?? true,
        meta: c,
      })),
    [columns],
  );

  const visibility = useMemo<VisibilityState>(
    () => Object.fromEntries(settings.hidden.map((h) => [h, false])),
    [settings.hidden],
  );
  const sorting: SortingState = server ? (server.sort ? [server.sort] : []) : localSorting;
  const pagination: PaginationState = server
    ? { pageIndex: server.page - 1, pageSize: server.pageSize }
    : localPagination;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is used as documented
  const table = useReactTable<T>({
    data,
    columns: columnDefs,
    getRowId,
    state: { sorting, columnVisibility: visibility, pagination, globalFilter },
    manualSorting: Boolean(server),
    manualPagination: Boolean(server),
    manualFiltering: Boolean(server),
    enableSortingRemoval: true,
    sortDescFirst: false,
    rowCount: server?.total,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (server) server.onSortChange(next[0] ?? null);
      else setLocalSorting(next);
    },
    onPaginationChange: (updater) => {
      const next = typeof updater === 'function' ? updater(pagination) : updater;
      if (server) {
        if (next.pageSize !== pagination.pageSize) server.onPageSizeChange(next.pageSize);
        else server.onPageChange(next.pageIndex + 1);
      } else setLocalPagination(next);
    },
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const rows = table.getRowModel().rows;
  const total = server ? server.total : table.getFilteredRowModel().rows.length;
  const first = total === 0 ? 0 : pagination.pageIndex * pagination.pageSize + 1;
  const last = Math.min(total, (pagination.pageIndex + 1) * pagination.pageSize);

  const exportCsv = () => {
    // Exactly what the table shows: visible columns, current filter and order (this page when
    // paged on the server, every filtered row otherwise).
    const exported = server ? rows : table.getPrePaginationRowModel().rows;
    const defs = visibleColumns
      .map((col) => columns.find((c) => c.id === col.id))
      .filter((c): c is DataTableColumn<T> => c !== undefined && c.exportable !== false);
    const csv = toCsv(
      defs.map((c) => c.header),
      exported.map((row) => defs.map((c) => c.text(row.original))),
    );
    downloadFile(`${exportFileName ?? id}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className={`data-table data-table--${settings.density}`}>
      <div className="data-table__toolbar">
        {toolbar}
        {!server ? (
          <input
            type="search"
            className="input data-table__search"
            placeholder="חיפוש בטבלה"
            aria-label="חיפוש בטבלה"
            value={globalFilter}
            onChange={(e) => {
              setGlobalFilter(e.target.value);
              setLocalPagination((p) => ({ ...p, pageIndex: 0 }));
            }}
          />
        ) : null}
        <div className="data-table__actions">
          <ColumnMenu
            columns={columns}
            hidden={settings.hidden}
            onToggle={(columnId, visible) =>
              setSettings((s) => ({
                ...s,
                hidden: visible
                  ? s.hidden.filter((h) => h !== columnId)
                  : [...s.hidden.filter((h) => h !== columnId), columnId],
              }))
            }
          />
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={settings.density === 'compact'}
            onClick={() =>
              setSettings((s) => ({
                ...s,
                density: s.density === 'compact' ? 'comfortable' : 'compact',
              }))
            }
            icon="↕"
          >
            {settings.density === 'compact' ? 'תצוגה מרווחת' : 'תצוגה צפופה'}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={exportCsv}
            disabled={rows.length === 0}
            icon="⬇"
          >
            ייצוא CSV
          </Button>
        </div>
      </div>

      <div className="data-table__scroll">
        <table className="data-table__table" aria-busy={loading || undefined}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const meta = header.column.columnDef.meta as DataTableColumn<T> | undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      data-column={header.column.id}
                      data-export={meta?.exportable === false ? 'false' : undefined}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="data-table__sort"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {meta?.header ?? header.column.id}
                          <span aria-hidden="true" className="data-table__sort-icon">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {loading && rows.length === 0
              ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                  <tr key={`skeleton-${i}`} className="data-table__skeleton-row" aria-hidden="true">
                    {visibleColumns.map((col) => (
                      <td key={col.id}>
                        <span className="skeleton" />
                      </td>
                    ))}
                  </tr>
                ))
              : rows.map((row) => (
                  <tr
                    key={row.id}
                    data-row-id={row.id}
                    className={onRowClick ? 'data-table__row--clickable' : undefined}
                    onClick={
                      onRowClick
                        ? (e) => {
                            // Links and buttons inside the row do their own thing.
                            if ((e.target as HTMLElement).closest('a, button, input')) return;
                            onRowClick(row.original);
                          }
                        : undefined
                    }
                  >
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta as DataTableColumn<T> | undefined;
                      return (
                        <td
                          key={cell.id}
                          data-column={cell.column.id}
                          // The column's name beside the value where rows are shown as cards.
                          data-label={meta?.header}
                          className={meta?.ltr ? 'data-table__cell--ltr' : undefined}
                        >
                          {meta?.ltr && meta.text(row.original) !== '' ? (
                            <span dir="ltr">{cellContent(meta, row.original)}</span>
                          ) : (
                            cellContent(meta, row.original)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
            {!loading && rows.length === 0 ? (
              <tr>
                <td colSpan={Math.max(visibleColumns.length, 1)}>
                  {empty ?? <EmptyState title="אין נתונים להצגה" />}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <div className="data-table__footer">
        <span className="data-table__count" aria-live="polite">
          {total === 0 ? 'אין רשומות' : `מציג ${first}–${last} מתוך ${total}`}
        </span>
        <label className="data-table__page-size">
          <span>שורות בעמוד</span>
          <select
            className="input select"
            value={pagination.pageSize}
            onChange={(e) => table.setPageSize(Number(e.target.value))}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="data-table__pager">
          <Button
            size="sm"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            הקודם
          </Button>
          <span>
            עמוד {pagination.pageIndex + 1} מתוך {Math.max(table.getPageCount(), 1)}
          </span>
          <Button size="sm" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            הבא
          </Button>
        </div>
      </div>
    </div>
  );
}
