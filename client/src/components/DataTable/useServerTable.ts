import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useRememberedState } from '../../hooks/useRememberedState';
import type { DataTableColumn, ServerSide, SortState } from './types';

export interface ServerTableOptions {
  /** false: the server does not sort this list; no sort is kept and the headers do nothing. */
  sortable?: boolean;
}

/** Changes to the list's address: a value sets its parameter, "" or null removes it. */
export type ListParams = Record<string, string | null | undefined>;

export interface ServerTable {
  page: number;
  pageSize: number;
  sort: SortState | null;
  setPage: (page: number) => void;
  /** Back to the first page. */
  resetPage: () => void;
  /** A filter's value from the address ("" when not set). */
  filter: (name: string) => string;
  /**
   * Sets filters in the address and goes back to the first page, in one step (two changes to
   * the address in the same event would undo each other).
   */
  setFilters: (changes: ListParams) => void;
  /** The DataTable's `server` prop for a list of `total` rows. */
  server: (total: number) => ServerSide;
  /**
   * The API's `sort` (`name`, `-createdAt`) for the table's sort: only a column marked sortable
   * is sent (a remembered sort may name one that no longer is); otherwise `fallback`.
   */
  sortParam: <T>(columns: DataTableColumn<T>[], fallback?: string) => string;
}

function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

function parseSort(value: string): SortState | null {
  const id = value.replace(/^-/, '');
  return id ? { id, desc: value.startsWith('-') } : null;
}

const sortText = (sort: SortState | null) => (sort ? `${sort.desc ? '-' : ''}${sort.id}` : null);

/**
 * Paging, sorting and filters of a server-side DataTable. The page, the sort and the filters
 * live in the address (`?q=…&status=…&sort=-createdAt&page=3`): Back from a row's page returns
 * to the same page of the same search, and a link shows the same list. The page size, and the
 * sort for a visit without one in the address, are remembered in localStorage under
 * `<key>:pageSize` and `<key>:sort`. A new filter, page size or sort goes back to the first page.
 * Typing does not pile up history entries: the address is replaced, not pushed.
 */
export function useServerTable(
  key: string,
  { sortable = true }: ServerTableOptions = {},
): ServerTable {
  const [search, setSearch] = useSearchParams();
  const page = parsePage(search.get('page'));
  const [pageSize, setPageSize] = useRememberedState(`${key}:pageSize`, 25);
  const [rememberedSort, rememberSort] = useRememberedState<SortState | null>(`${key}:sort`, null);
  const addressSort = search.get('sort');
  const sort = !sortable ? null : addressSort === null ? rememberedSort : parseSort(addressSort);

  const update = useCallback(
    (changes: ListParams) =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined) continue;
            if (value === null || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  const setPage = useCallback(
    (next: number) => update({ page: next > 1 ? String(next) : null }),
    [update],
  );
  const resetPage = useCallback(() => update({ page: null }), [update]);
  const setFilters = useCallback(
    (changes: ListParams) => update({ ...changes, page: null }),
    [update],
  );
  const filter = (name: string) => search.get(name) ?? '';

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
          rememberSort(next);
          update({ sort: sortText(next), page: null });
        }
      : () => undefined,
  });

  const sortParam = <T>(columns: DataTableColumn<T>[], fallback = '') =>
    sort && columns.some((c) => c.id === sort.id && c.sortable === true)
      ? `${sort.desc ? '-' : ''}${sort.id}`
      : fallback;

  return { page, pageSize, sort, setPage, resetPage, filter, setFilters, server, sortParam };
}
