import { act, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DataTableColumn } from './types';
import { useServerTable } from './useServerTable';

/** The hook keeps the page, sort and filters in the address: a router around it, at `entry`. */
function router(entry = '/list') {
  return ({ children }: { children: ReactNode }) =>
    createElement(MemoryRouter, { initialEntries: [entry] }, children);
}

describe('useServerTable', () => {
  beforeEach(() => localStorage.clear());

  it('starts on page 1 with the remembered page size and sort', () => {
    localStorage.setItem('list:pageSize', '50');
    localStorage.setItem('list:sort', JSON.stringify({ id: 'name', desc: true }));
    const { result } = renderHook(() => useServerTable('list'), { wrapper: router() });
    const server = result.current.server(120);
    expect(server).toMatchObject({
      total: 120,
      page: 1,
      pageSize: 50,
      sort: { id: 'name', desc: true },
    });
  });

  it('goes back to page 1 on a new page size or sort, and remembers them', () => {
    const { result } = renderHook(() => useServerTable('list'), { wrapper: router() });
    act(() => result.current.server(100).onPageChange(3));
    expect(result.current.page).toBe(3);

    act(() => result.current.server(100).onPageSizeChange(10));
    expect(result.current).toMatchObject({ page: 1, pageSize: 10 });
    expect(localStorage.getItem('list:pageSize')).toBe('10');

    act(() => result.current.setPage(2));
    act(() => result.current.server(100).onSortChange({ id: 'createdAt', desc: false }));
    expect(result.current).toMatchObject({ page: 1, sort: { id: 'createdAt', desc: false } });
    expect(localStorage.getItem('list:sort')).toBe('{"id":"createdAt","desc":false}');

    act(() => result.current.setPage(4));
    act(() => result.current.resetPage());
    expect(result.current.page).toBe(1);
  });

  it('sends the sort of a sortable column only, else the fallback', () => {
    const columns: DataTableColumn<unknown>[] = [
      { id: 'name', header: 'שם', text: () => '', sortable: true },
      { id: 'phone', header: 'טלפון', text: () => '' },
    ];
    localStorage.setItem('list:sort', JSON.stringify({ id: 'name', desc: true }));
    const { result } = renderHook(() => useServerTable('list'), { wrapper: router() });
    expect(result.current.sortParam(columns, '-createdAt')).toBe('-name');
    act(() => result.current.server(10).onSortChange({ id: 'name', desc: false }));
    expect(result.current.sortParam(columns)).toBe('name');
    act(() => result.current.server(10).onSortChange({ id: 'phone', desc: false }));
    expect(result.current.sortParam(columns, '-createdAt')).toBe('-createdAt');
    act(() => result.current.server(10).onSortChange(null));
    expect(result.current.sortParam(columns)).toBe('');
  });

  it('keeps no sort for a list the server does not sort', () => {
    localStorage.setItem('tasks:sort', JSON.stringify({ id: 'title', desc: false }));
    const { result } = renderHook(() => useServerTable('tasks', { sortable: false }), {
      wrapper: router(),
    });
    act(() => result.current.setPage(2));
    const server = result.current.server(40);
    expect(server.sort).toBeNull();
    act(() => server.onSortChange({ id: 'title', desc: true }));
    expect(result.current).toMatchObject({ page: 2, sort: null });
    expect(localStorage.getItem('tasks:sort')).toBe('{"id":"title","desc":false}');
  });

  it('keeps the page, sort and filters in the address, and a filter goes back to page 1', () => {
    const { result } = renderHook(
      () => ({ table: useServerTable('list'), search: useLocation().search }),
      { wrapper: router('/list?q=%D7%93%D7%A0%D7%94&status=new&sort=-name&page=3') },
    );
    expect(result.current.table).toMatchObject({ page: 3, sort: { id: 'name', desc: true } });
    expect(result.current.table.filter('q')).toBe('דנה');
    expect(result.current.table.filter('source')).toBe('');

    act(() => result.current.table.setFilters({ status: 'qualified', source: 'ad' }));
    const after = new URLSearchParams(result.current.search);
    expect(Object.fromEntries(after)).toEqual({
      q: 'דנה',
      status: 'qualified',
      source: 'ad',
      sort: '-name',
    });
    expect(result.current.table.page).toBe(1);

    act(() => result.current.table.setPage(2));
    act(() => result.current.table.server(100).onSortChange({ id: 'createdAt', desc: false }));
    expect(new URLSearchParams(result.current.search).get('sort')).toBe('createdAt');
    expect(result.current.table.page).toBe(1);

    act(() => result.current.table.setFilters({ q: '', status: null, source: null }));
    expect(result.current.search).toBe('?sort=createdAt');
  });

  it('reads a page in the address that is no page as the first', () => {
    const { result } = renderHook(() => useServerTable('list'), {
      wrapper: router('/list?page=abc'),
    });
    expect(result.current.page).toBe(1);
  });
});
