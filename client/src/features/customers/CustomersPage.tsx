import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useServerTable, type DataTableColumn } from '../../components/DataTable';
import { Input, Select } from '../../components/Field';
import { ListPage, ListTable } from '../../components/ListPage';
import { useDebounced } from '../../hooks/useDebounced';
import { useCanWrite } from '../../hooks/useSession';
import { useUsers } from '../../hooks/useUsers';
import { formatCountOf, formatDate } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { options } from '../../lib/options';
import { customerKeys, listCustomers, type Customer, type CustomerPageState } from './api';
import { CustomerDialog } from './CustomerDialog';
import { ImportDialog } from './ImportDialog';
import { SOURCE_LABELS, STATUS_LABELS, STATUS_TONES } from './labels';

export function CustomersPage() {
  const navigate = useNavigate();
  // A customer's page links back to this very list: page, search and filters.
  const listAddress = `/customers${useLocation().search}`;
  const [dialog, setDialog] = useState<{ customer: Customer | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const table = useServerTable('customers');
  const { page, pageSize, filter, setFilters } = table;
  // What is typed stays in the field's own state: the address follows in a transition, and a
  // field bound to it alone would lose keystrokes.
  const [search, setSearch] = useState(() => filter('q'));
  const status = filter('status');
  const source = filter('source');
  const ownerId = filter('ownerId');
  const q = useDebounced(search.trim(), 300);
  const users = useUsers();
  const canWrite = useCanWrite();

  const ownerNames = useMemo(
    () => new Map((users.data ?? []).map((u) => [u.id, u.name])),
    [users.data],
  );

  const columns = useMemo<DataTableColumn<Customer>[]>(
    () => [
      {
        id: 'name',
        header: 'שם',
        text: (c) => c.name,
        cell: (c) => (
          <Link
            to={`/customers/${c.id}`}
            state={{ back: listAddress } satisfies CustomerPageState}
            className="table-link"
          >
            {c.name}
          </Link>
        ),
        sortable: true,
        hideable: false,
      },
      { id: 'phone', header: 'טלפון', text: (c) => formatPhone(c.phone), ltr: true },
      { id: 'email', header: 'אימייל', text: (c) => c.email ?? '', ltr: true },
      {
        id: 'status',
        header: 'סטטוס',
        text: (c) => STATUS_LABELS[c.status],
        cell: (c) => <Badge tone={STATUS_TONES[c.status]}>{STATUS_LABELS[c.status]}</Badge>,
        sortable: true,
      },
      { id: 'source', header: 'מקור', text: (c) => SOURCE_LABELS[c.source] },
      {
        id: 'owner',
        header: 'נציג',
        text: (c) => (c.ownerId ? (ownerNames.get(c.ownerId) ?? '') : ''),
      },
      { id: 'area', header: 'אזור', text: (c) => c.area ?? '' },
      { id: 'tags', header: 'תגיות', text: (c) => c.tags.join(', '), defaultHidden: true },
      { id: 'createdAt', header: 'נוצר', text: (c) => formatDate(c.createdAt), sortable: true },
      ...(canWrite
        ? [
            {
              id: 'actions',
              header: 'פעולות',
              text: () => '',
              hideable: false,
              exportable: false,
              cell: (c: Customer) => (
                <Button size="sm" variant="ghost" onClick={() => setDialog({ customer: c })}>
                  עריכה
                </Button>
              ),
            },
          ]
        : []),
    ],
    [ownerNames, canWrite, listAddress],
  );

  const params = {
    page,
    limit: pageSize,
    sort: table.sortParam(columns),
    q,
    status,
    source,
    ownerId,
  };
  const list = useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => listCustomers(params, signal),
    placeholderData: keepPreviousData,
  });

  const filtered = Boolean(q || status || source || ownerId);
  const newCustomer = { label: 'לקוח חדש', onClick: () => setDialog({ customer: null }) };

  return (
    <ListPage
      title="לקוחות"
      subtitle={
        list.data
          ? formatCountOf(list.data.total, { one: 'לקוח אחד', many: 'לקוחות', none: 'אין לקוחות' })
          : 'כל הלקוחות של העסק במקום אחד'
      }
      writeActions={
        <Button onClick={() => setImporting(true)} icon="⬆">
          ייבוא CSV
        </Button>
      }
      newItem={newCustomer}
    >
      <ListTable<Customer>
        id="customers"
        caption="טבלת הלקוחות"
        exportFileName="לקוחות"
        columns={columns}
        list={list}
        table={table}
        getRowId={(c) => c.id}
        onRowClick={(c) =>
          void navigate(`/customers/${c.id}`, {
            state: { back: listAddress } satisfies CustomerPageState,
          })
        }
        filters={
          <>
            <Input
              label="חיפוש"
              hideLabel
              type="search"
              placeholder="חיפוש לפי שם, טלפון או אימייל"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setFilters({ q: e.target.value });
              }}
            />
            <Select
              label="סטטוס"
              hideLabel
              placeholder="כל הסטטוסים"
              options={options(STATUS_LABELS)}
              value={status}
              onChange={(e) => setFilters({ status: e.target.value })}
            />
            <Select
              label="מקור"
              hideLabel
              placeholder="כל המקורות"
              options={options(SOURCE_LABELS)}
              value={source}
              onChange={(e) => setFilters({ source: e.target.value })}
            />
            <Select
              label="נציג"
              hideLabel
              placeholder="כל הנציגים"
              options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={ownerId}
              onChange={(e) => setFilters({ ownerId: e.target.value })}
            />
          </>
        }
        filtered={filtered}
        onClearFilters={() => {
          setSearch('');
          setFilters({ q: null, status: null, source: null, ownerId: null });
        }}
        empty={{
          icon: '👥',
          title: 'עדיין אין לקוחות',
          description: 'הוסיפו לקוח ראשון או ייבאו רשימה מקובץ CSV.',
        }}
        filteredEmpty={{
          title: 'לא נמצאו לקוחות',
          description: 'נסו לשנות את החיפוש או את הסינון.',
        }}
        newItem={newCustomer}
      />

      {dialog ? (
        <CustomerDialog
          customer={dialog.customer}
          onClose={() => setDialog(null)}
          onSaved={(c) => {
            setDialog(null);
            if (!dialog.customer) void navigate(`/customers/${c.id}`);
          }}
        />
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </ListPage>
  );
}
