export { ListPage } from './ListPage';
export { ListTable } from './ListTable';
