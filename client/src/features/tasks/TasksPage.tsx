import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { DataTable, useServerTable, type DataTableColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Select } from '../../components/Field';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { Tabs } from '../../components/Tabs';
import { useToast } from '../../components/toast';
import { useRememberedState } from '../../hooks/useRememberedState';
import { useSession } from '../../hooks/useSession';
import { useUsers } from '../../hooks/useUsers';
import { errorMessage } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/format';
import { options } from '../../lib/options';
import { timelineKeys } from '../timeline/api';
import {
  completeTask,
  getTask,
  listTasks,
  snoozeTask,
  SNOOZE_MINUTES,
  taskKeys,
  taskSummary,
  type SnoozeMinutes,
  type Task,
} from './api';
import {
  CHANNEL_LABELS,
  PRIORITY_LABELS,
  PRIORITY_TONES,
  TASK_STATUS_LABELS,
  TASK_STATUS_TONES,
} from './labels';
import { TaskDialog } from './TaskDialog';

type View = 'mine' | 'all' | 'overdue';
const VIEWS: { id: View; label: string }[] = [
  { id: 'mine', label: 'שלי' },
  { id: 'all', label: 'כל המשימות' },
  { id: 'overdue', label: 'באיחור' },
];
const RANGE_LABELS = { today: 'היום', week: 'השבוע' };

function isOverdue(t: Task, now = Date.now()): boolean {
  return t.status !== 'done' && t.dueAt !== null && Date.parse(t.dueAt) < now;
}

/** SPEC C5's task list: mine / everyone's / overdue, with done and snooze on every row. */
export function TasksPage() {
  const { id: openId } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const customerId = search.get('customerId') ?? '';
  const [view, setView] = useRememberedState<View>('tasks:view', 'mine');
  const [status, setStatus] = useState('');
  const [range, setRange] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const table = useServerTable('tasks', { sortable: false });
  const { page, pageSize, resetPage } = table;
  const [creating, setCreating] = useState(false);
  const canWrite = useSession()?.user.role !== 'viewer';
  const users = useUsers();

  const params = {
    page,
    limit: pageSize,
    mine: view === 'mine' ? true : undefined,
    range: view === 'overdue' ? 'overdue' : range,
    status: view === 'overdue' ? '' : status,
    assigneeId: view === 'all' ? assigneeId : '',
    customerId,
  };
  const list = useQuery({
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }) => listTasks(params, signal),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery({
    queryKey: taskKeys.summary(view === 'mine'),
    queryFn: () => taskSummary(view === 'mine'),
  });
  const opened = useQuery({
    queryKey: taskKeys.one(openId ?? ''),
    queryFn: () => getTask(openId ?? ''),
    enabled: Boolean(openId),
  });

  const refresh = (task: Task) => {
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    if (task.customerId) {
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(task.customerId) });
    }
  };
  const done = useMutation({
    mutationFn: (task: Task) => completeTask(task.id),
    onSuccess: (task) => {
      refresh(task);
      toast.success('המשימה סומנה כבוצעה');
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const snooze = useMutation({
    mutationFn: ({ task, minutes }: { task: Task; minutes: SnoozeMinutes }) =>
      snoozeTask(task.id, minutes),
    onSuccess: (task, { minutes }) => {
      refresh(task);
      toast.success(`המשימה נדחתה ב-${minutes} דקות`);
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  const userNames = useMemo(
    () => new Map((users.data ?? []).map((u) => [u.id, u.name])),
    [users.data],
  );

  const columns = useMemo<DataTableColumn<Task>[]>(
    () => [
      {
        id: 'title',
        header: 'משימה',
        text: (t) => t.title,
        cell: (t) => (
          <Link to={`/tasks/${t.id}`} className="table-link">
            {t.title}
          </Link>
        ),
        hideable: false,
      },
      {
        id: 'customer',
        header: 'לקוח',
        text: (t) => t.customerName ?? '',
        cell: (t) =>
          t.customerId ? <Link to={`/customers/${t.customerId}`}>{t.customerName}</Link> : '—',
      },
      {
        id: 'dueAt',
        header: 'מועד',
        text: (t) => formatDateTime(t.dueAt),
        cell: (t) =>
          t.dueAt ? (
            <span className="task-due-cell">
              <time dateTime={t.dueAt} title={formatDateTime(t.dueAt)}>
                {formatRelative(t.dueAt)}
              </time>
              {isOverdue(t) ? <Badge tone="danger">באיחור</Badge> : null}
            </span>
          ) : (
            'ללא מועד'
          ),
      },
      { id: 'channel', header: 'ערוץ', text: (t) => CHANNEL_LABELS[t.channel] },
      {
        id: 'priority',
        header: 'עדיפות',
        text: (t) => PRIORITY_LABELS[t.priority],
        cell: (t) => <Badge tone={PRIORITY_TONES[t.priority]}>{PRIORITY_LABELS[t.priority]}</Badge>,
      },
      {
        id: 'assignee',
        header: 'אחראי',
        text: (t) => (t.assigneeId ? (userNames.get(t.assigneeId) ?? '') : ''),
      },
      {
        id: 'status',
        header: 'סטטוס',
        text: (t) => TASK_STATUS_LABELS[t.status],
        cell: (t) => (
          <Badge tone={TASK_STATUS_TONES[t.status]}>{TASK_STATUS_LABELS[t.status]}</Badge>
        ),
      },
      ...(canWrite
        ? [
            {
              id: 'actions',
              header: 'פעולות',
              text: () => '',
              hideable: false,
              exportable: false,
              cell: (t: Task) =>
                t.status === 'done' ? null : (
                  // The row opens the task; its own controls (the snooze select too) do not.
                  <span className="row-actions" onClick={(e) => e.stopPropagation()}>
                    <Button
                      size="sm"
                      variant="ghost"
                      icon="✓"
                      aria-label={`בוצע: ${t.title}`}
                      disabled={done.isPending}
                      onClick={() => done.mutate(t)}
                    >
                      בוצע
                    </Button>
                    <select
                      className="input select row-actions__select"
                      aria-label={`דחיית המשימה ${t.title}`}
                      value=""
                      onChange={(e) => {
                        const minutes = Number(e.target.value) as SnoozeMinutes;
                        if (SNOOZE_MINUTES.includes(minutes)) snooze.mutate({ task: t, minutes });
                      }}
                    >
                      <option value="">דחייה…</option>
                      {SNOOZE_MINUTES.map((m) => (
                        <option key={m} value={m}>
                          {`${m} דקות`}
                        </option>
                      ))}
                    </select>
                  </span>
                ),
            },
          ]
        : []),
    ],
    [userNames, canWrite, done, snooze],
  );

  const filtered = Boolean(status || range || assigneeId || customerId);
  const s = summary.data;

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">משימות</h1>
          <p className="page__subtitle">מה צריך לעשות, למי ועד מתי</p>
        </div>
        {canWrite ? (
          <div className="page__actions">
            <Button variant="primary" icon="+" onClick={() => setCreating(true)}>
              משימה חדשה
            </Button>
          </div>
        ) : null}
      </header>

      <dl
        className="stat-strip"
        aria-label={view === 'mine' ? 'סיכום המשימות שלי' : 'סיכום המשימות'}
      >
        {(
          [
            ['פתוחות', s?.open],
            ['באיחור', s?.overdue],
            ['להיום', s?.today],
            ['השבוע', s?.thisWeek],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="stat-strip__item">
            <dt>{label}</dt>
            <dd>{value === undefined ? '…' : value.toLocaleString('he-IL')}</dd>
          </div>
        ))}
      </dl>

      <Tabs
        label="תצוגת משימות"
        tabs={VIEWS}
        selected={view}
        onSelect={(next) => {
          setView(next as View);
          resetPage();
        }}
      >
        <QueryErrorAlert query={list} />
        <DataTable<Task>
          id="tasks"
          caption="טבלת המשימות"
          exportFileName="משימות"
          columns={columns}
          data={list.data?.items ?? []}
          getRowId={(t) => t.id}
          loading={list.isPending}
          onRowClick={(t) => void navigate(`/tasks/${t.id}`)}
          server={table.server(list.data?.total ?? 0)}
          toolbar={
            view === 'overdue' ? undefined : (
              <div className="filters" role="search">
                <Select
                  label="סטטוס"
                  hideLabel
                  placeholder="כל הסטטוסים"
                  options={options(TASK_STATUS_LABELS)}
                  value={status}
                  onChange={(e) => {
                    setStatus(e.target.value);
                    resetPage();
                  }}
                />
                <Select
                  label="טווח"
                  hideLabel
                  placeholder="כל המועדים"
                  options={options(RANGE_LABELS)}
                  value={range}
                  onChange={(e) => {
                    setRange(e.target.value);
                    resetPage();
                  }}
                />
                {view === 'all' ? (
                  <Select
                    label="אחראי"
                    hideLabel
                    placeholder="כל הנציגים"
                    options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                    value={assigneeId}
                    onChange={(e) => {
                      setAssigneeId(e.target.value);
                      resetPage();
                    }}
                  />
                ) : null}
                {filtered ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => {
                      setStatus('');
                      setRange('');
                      setAssigneeId('');
                      if (customerId) setSearch({}, { replace: true });
                      resetPage();
                    }}
                  >
                    ניקוי סינון
                  </Button>
                ) : null}
              </div>
            )
          }
          empty={
            view === 'overdue' ? (
              <EmptyState icon="🎉" title="אין משימות באיחור" description="כל הכבוד, הכול בזמן." />
            ) : filtered ? (
              <EmptyState icon="🔍" title="לא נמצאו משימות" description="נסו לשנות את הסינון." />
            ) : (
              <EmptyState
                icon="📝"
                title="אין משימות"
                description="משימה חדשה תקפוץ על המסך בדיוק בזמן שנקבע לה."
                action={
                  canWrite ? (
                    <Button variant="primary" onClick={() => setCreating(true)}>
                      משימה חדשה
                    </Button>
                  ) : undefined
                }
              />
            )
          }
        />
      </Tabs>

      {creating ? <TaskDialog onClose={() => setCreating(false)} /> : null}
      {openId && opened.data && canWrite ? (
        <TaskDialog
          key={opened.data.id}
          task={opened.data}
          onClose={() => void navigate('/tasks')}
        />
      ) : null}
      {openId && opened.isError ? (
        <div className="alert alert--danger" role="alert">
          {errorMessage(opened.error)}
        </div>
      ) : null}
    </section>
  );
}
