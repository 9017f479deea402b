import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { Tabs } from '../../components/Tabs';
import { useFeatures } from '../../hooks/useFeatures';
import { useSession } from '../../hooks/useSession';
import { useUsers } from '../../hooks/useUsers';
import { ApiError, errorMessage } from '../../lib/api';
import { formatAgorot, formatDateTime } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { CallLogView } from '../calls/CallLogView';
import { CustomerTasks } from '../tasks/CustomerTasks';
import { CustomerTimeline } from '../timeline/CustomerTimeline';
import { WhatsAppThread } from '../whatsapp/WhatsAppThread';
import { customerKeys, getCustomer, type Customer, type CustomerPageState } from '../customers/api';
import { CustomerDialog } from '../customers/CustomerDialog';
import { DEAL_LABELS, SOURCE_LABELS, STATUS_LABELS, STATUS_TONES } from '../customers/labels';
import { ActionBar } from './ActionBar';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import './customer-page.css';

const BASE_TABS = [
  { id: 'overview', label: 'סקירה' },
  { id: 'timeline', label: 'ציר זמן' },
];

export function CustomerPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  // Back to the list as it was left (its page and search), when the customer was opened from it.
  const state = useLocation().state as CustomerPageState | null;
  const back = state?.back?.startsWith('/customers') ? state.back : '/customers';
  const readOnly = useSession()?.user.role === 'viewer';
  const customer = useQuery({ queryKey: customerKeys.one(id), queryFn: () => getCustomer(id) });
  const { isOn } = useFeatures();
  const tabs = [
    ...BASE_TABS,
    ...(isOn('calls') ? [{ id: 'calls', label: 'שיחות' }] : []),
    ...(isOn('whatsapp') ? [{ id: 'whatsapp', label: 'WhatsApp' }] : []),
  ];
  useDocumentTitle(customer.data?.name ?? (customer.isError ? 'לקוח' : null));
  const requested = search.get('tab') ?? 'overview';
  // A tab of a feature that is off (or not loaded yet) shows the timeline meanwhile.
  const tab = tabs.some((t) => t.id === requested) ? requested : 'timeline';

  if (customer.isPending) {
    return (
      <section className="page">
        <Skeleton lines={3} />
      </section>
    );
  }
  if (customer.isError) {
    const missing = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <section className="page">
        <EmptyState
          icon={missing ? '🔍' : '⚠️'}
          title={missing ? 'הלקוח לא נמצא' : 'לא הצלחנו לטעון את הלקוח'}
          description={missing ? 'ייתכן שהלקוח נמחק.' : errorMessage(customer.error)}
          action={<Link to="/customers">לכל הלקוחות</Link>}
        />
      </section>
    );
  }

  const c = customer.data;
  return (
    <section className="page customer-page">
      <nav aria-label="פירורי לחם" className="breadcrumbs">
        <Link to={back}>לקוחות</Link> <span aria-hidden="true">‹</span> <span>{c.name}</span>
      </nav>
      <header className="customer-header">
        <span className="avatar" aria-hidden="true">
          {c.name.trim().charAt(0)}
        </span>
        <div className="customer-header__main">
          <h1 className="page__title">{c.name}</h1>
          <p className="customer-header__line">
            <a href={`tel:${c.phone}`} dir="ltr">
              {formatPhone(c.phone)}
            </a>
            {c.email ? (
              <a href={`mailto:${c.email}`} dir="ltr">
                {c.email}
              </a>
            ) : null}
            <Badge tone={STATUS_TONES[c.status]}>{STATUS_LABELS[c.status]}</Badge>
            <span className="muted">מקור: {SOURCE_LABELS[c.source]}</span>
          </p>
        </div>
        {!readOnly ? (
          <Button onClick={() => setEditing(true)} icon="✎">
            עריכה
          </Button>
        ) : null}
      </header>

      <ActionBar customer={c} readOnly={readOnly} />

      <Tabs
        label="מידע על הלקוח"
        tabs={tabs}
        selected={tab}
        onSelect={(next) => setSearch({ tab: next }, { replace: true })}
      >
        {tab === 'overview' ? (
          <Overview customer={c} />
        ) : tab === 'calls' ? (
          <CallLogView customerId={c.id} openCall={search.get('call') ?? undefined} />
        ) : tab === 'whatsapp' ? (
          <WhatsAppThread
            customerId={c.id}
            readOnly={readOnly}
            highlight={search.get('message') ?? undefined}
          />
        ) : (
          <CustomerTimeline customerId={c.id} />
        )}
      </Tabs>

      {editing ? (
        <CustomerDialog
          customer={c}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </section>
  );
}

function Overview({ customer: c }: { customer: Customer }) {
  const users = useUsers();
  const { isOn } = useFeatures();
  const owner = users.data?.find((u) => u.id === c.ownerId)?.name;
  const rows: [string, string][] = [
    ['נציג אחראי', owner ?? 'לא שויך'],
    ['אזור', c.area ?? '—'],
    ['חדרים', c.rooms != null ? String(c.rooms) : '—'],
    ['תקציב', c.budgetAgorot != null ? formatAgorot(c.budgetAgorot) : '—'],
    ['סוג עסקה', c.dealType ? DEAL_LABELS[c.dealType] : '—'],
    ['מספר עוסק', c.vatId ?? '—'],
    ['תגיות', c.tags.length ? c.tags.join(', ') : '—'],
    ['נוצר', formatDateTime(c.createdAt)],
    ['עודכן', formatDateTime(c.updatedAt)],
  ];
  return (
    <div className="overview">
      <div className="card">
        <h2 className="card__title">פרטים</h2>
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label} className="details__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {c.notes ? (
          <>
            <h3 className="card__subtitle">הערות</h3>
            <p className="notes">{c.notes}</p>
          </>
        ) : null}
      </div>
      {isOn('tasks') ? <CustomerTasks customerId={c.id} /> : null}
    </div>
  );
}
