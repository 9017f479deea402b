import { useCallback, useState } from 'react';
import { useRememberedState } from '../../hooks/useRememberedState';
import type { DataTableColumn, ServerSide, SortState } from './types';

export interface ServerTableOptions {
  /** false: the server does not sort this list; no sort is kept and the headers do nothing. */
  sortable?: boolean;
}

export interface ServerTable {
  page: number;
  pageSize: number;
  sort: SortState | null;
  setPage: (page: number) => void;
  /** Back to the first page: call it whenever a filter changes. */
  resetPage: () => void;
  /** The DataTable's `server` prop for a list of `total` rows. */
  server: (total: number) => ServerSide;
  /**
   * The API's `sort` (`name`, `-createdAt`) for the table's sort: only a column marked sortable
   * is sent (a remembered sort may name one that no longer is); otherwise `fallback`.
   */
  sortParam: <T>(columns: DataTableColumn<T>[], fallback?: string) => string;
}

/**
 * Paging and sorting state of a server-side DataTable. The page starts at 1 on every visit; the
 * page size and the sort are remembered in localStorage under `<key>:pageSize` and `<key>:sort`.
 * A new page size or sort goes back to the first page.
 */
export function useServerTable(
  key: string,
  { sortable = true }: ServerTableOptions = {},
): ServerTable {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useRememberedState(`${key}:pageSize`, 25);
  const [rememberedSort, setSort] = useRememberedState<SortState | null>(`${key}:sort`, null);
  const sort = sortable ? rememberedSort : null;
  const resetPage = useCallback(() => setPage(1), []);

  const server = (total: number): ServerSide => ({
    total,
    page,
    pageSize,
    onPageChange: setPage,
    onPageSizeChange: (size) => {
      setPageSize(size);
      resetPage();
    },
    sort,
    onSortChange: sortable
      ? (next) => {
          setSort(next);
          resetPage();
        }
      : () => undefined,
  });

  const sortParam = <T>(columns: DataTableColumn<T>[], fallback = '') =>
    sort && columns.some((c) => c.id === sort.id && c.sortable === true)
      ? `${sort.desc ? '-' : ''}${sort.id}`
      : fallback;

  return { page, pageSize, sort, setPage, resetPage, server, sortParam };
}
