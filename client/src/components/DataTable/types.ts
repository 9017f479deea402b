import type { ReactNode } from 'react';

/** One column of a DataTable: its text is what is shown, searched and exported. */
export interface DataTableColumn<T> {
  id: string;
  header: string;
  text: (row: T) => string;
  /** Rich cell; defaults to the text. */
  cell?: (row: T) => ReactNode;
  sortable?: boolean;
  /** false keeps the column always visible (e.g. the name). */
  hideable?: boolean;
  defaultHidden?: boolean;
  /** false leaves the column out of the CSV export (e.g. row buttons). */
  exportable?: boolean;
  /** Keep numbers and phones left-to-right inside the RTL table. */
  ltr?: boolean;
}

export interface SortState {
  id: string;
  desc: boolean;
}

/** Server-side paging and sorting: the parent fetches the page the table asks for. */
export interface ServerSide {
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  sort: SortState | null;
  onSortChange: (sort: SortState | null) => void;
}

export type Density = 'comfortable' | 'compact';

export interface TableSettings {
  hidden: string[];
  density: Density;
}
