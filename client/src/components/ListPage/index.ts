export { ListPage, type ExportAll, type ListPageProps, type NewItem } from './ListPage';
export { ListTable, type ListTableProps } from './ListTable';
