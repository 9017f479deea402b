export { DataTable, type DataTableProps } from './DataTable';
export type { DataTableColumn, ServerSide, SortState } from './types';
export { useServerTable, type ServerTable, type ServerTableOptions } from './useServerTable';
