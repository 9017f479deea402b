import type { ReactNode } from 'react';
import { useCanWrite } from '../../hooks/useSession';
import type { Page } from '../../lib/api';
import { Button } from '../Button';
import { DataTable, type DataTableColumn, type ServerTable } from '../DataTable';
import { EmptyState } from '../EmptyState';
import { QueryErrorAlert } from '../QueryErrorAlert';
import type { NewItem } from './ListPage';

export interface ListTableProps<T> {
  /** Names the table's remembered settings. */
  id: string;
  caption: string;
  exportFileName: string;
  columns: DataTableColumn<T>[];
  /** The query of the page on screen. */
  list: { data?: Page<T> | undefined; isPending: boolean; isError: boolean; error: unknown };
  table: ServerTable;
  getRowId: (row: T) => string;
  onRowClick: (row: T) => void;
  /** The list's filters, shown in the table's toolbar. */
  filters?: ReactNode;
  /** Whether a filter narrows the list: no rows then means "nothing matches", not "nothing yet". */
  filtered: boolean;
  /** Shown with a "clear" button while `filtered`. */
  onClearFilters?: () => void;
  /** No rows at all yet; offers `newItem` to those who may write. */
  empty: { icon: string; title: string; description: string };
  /** No row matches the filters. */
  filteredEmpty: { title: string; description: string };
  newItem?: NewItem | undefined;
}

/** A server-paged list: its error, the table with its filters, and the right empty state. */
export function ListTable<T>({
  list,
  table,
  filters,
  filtered,
  onClearFilters,
  empty,
  filteredEmpty,
  newItem,
  ...tableProps
}: ListTableProps<T>) {
  const canWrite = useCanWrite();
  return (
    <>
      <QueryErrorAlert query={list} />
      <DataTable<T>
        {...tableProps}
        data={list.data?.items ?? []}
        loading={list.isPending}
        server={table.server(list.data?.total ?? 0)}
        toolbar={
          filters === undefined ? undefined : (
            <div className="filters" role="search">
              {filters}
              {filtered && onClearFilters ? (
                <Button variant="ghost" size="sm" onClick={onClearFilters}>
                  ניקוי סינון
                </Button>
              ) : null}
            </div>
          )
        }
        empty={
          filtered ? (
            <EmptyState icon="🔍" {...filteredEmpty} />
          ) : (
            <EmptyState
              {...empty}
              action={
                canWrite && newItem ? (
                  <Button variant="primary" onClick={newItem.onClick}>
                    {newItem.label}
                  </Button>
                ) : undefined
              }
            />
          )
        }
      />
    </>
  );
}
