import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useServerTable } from '../../components/DataTable';
import { ListPage, ListTable } from '../../components/ListPage';
import { Tabs } from '../../components/Tabs';
import { useRememberedState } from '../../hooks/useRememberedState';
import { useCanWrite } from '../../hooks/useSession';
import { listTasks, taskKeys, taskSummary, type SnoozeMinutes, type Task } from './api';
import { TaskBulkBar } from './TaskBulkBar';
import { OpenedTask } from './OpenedTask';
import { TaskDialog } from './TaskDialog';
import { TaskFilters, type TaskFilterValues } from './TaskFilters';
import { TaskSummary } from './TaskSummary';
import { useTaskActions } from './useTaskActions';
import { useTaskColumns } from './useTaskColumns';

type View = 'mine' | 'all' | 'overdue';
const VIEWS: { id: View; label: string }[] = [
  { id: 'mine', label: 'שלי' },
  { id: 'all', label: 'כל המשימות' },
  { id: 'overdue', label: 'באיחור' },
];
const NO_FILTERS: TaskFilterValues = {
  status: '',
  range: '',
  assigneeId: '',
  channel: '',
  priority: '',
};

/** SPEC C5's task list: mine / everyone's / overdue, with done and snooze on every row. */
export function TasksPage() {
  const { id: openId } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [view, setView] = useRememberedState<View>('tasks:view', 'mine');
  const table = useServerTable('tasks', { sortable: false });
  const { page, pageSize, resetPage, filter, setFilters } = table;
  const customerId = filter('customerId');
  const filters: TaskFilterValues = {
    status: filter('status'),
    range: filter('range'),
    assigneeId: filter('assigneeId'),
    channel: filter('channel'),
    priority: filter('priority'),
  };
  const [creating, setCreating] = useState(false);
  const canWrite = useCanWrite();
  const actions = useTaskActions();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const selection = useMemo(
    () => ({
      has: (id: string) => chosen.has(id),
      toggle: (t: Task) =>
        setChosen((previous) => {
          const next = new Set(previous);
          if (!next.delete(t.id)) next.add(t.id);
          return next;
        }),
    }),
    [chosen, setChosen],
  );
  const columns = useTaskColumns(canWrite, actions, selection);

  const { status, range, assigneeId, channel, priority } = filters;
  const params = {
    page,
    limit: pageSize,
    mine: view === 'mine' ? true : undefined,
    range: view === 'overdue' ? 'overdue' : range,
    status: view === 'overdue' ? '' : status,
    assigneeId: view === 'all' ? assigneeId : '',
    customerId,
    channel: view === 'overdue' ? '' : channel,
    priority: view === 'overdue' ? '' : priority,
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

  const overdue = view === 'overdue';
  // Only what is on screen and still open can be acted on.
  const selected = (list.data?.items ?? []).filter((t) => chosen.has(t.id) && t.status !== 'done');
  const bulk = (minutes?: SnoozeMinutes) =>
    actions.bulk.mutate(
      { tasks: selected, ...(minutes ? { minutes } : {}) },
      { onSuccess: () => setChosen(new Set()) },
    );
  const filtered = Boolean(status || range || assigneeId || customerId || channel || priority);
  const newTask = { label: 'משימה חדשה', onClick: () => setCreating(true) };

  return (
    <ListPage title="משימות" subtitle="מה צריך לעשות, למי ועד מתי" newItem={newTask}>
      <TaskSummary summary={summary.data} mine={view === 'mine'} />

      <Tabs
        label="תצוגת משימות"
        tabs={VIEWS}
        selected={view}
        onSelect={(next) => {
          setView(next as View);
          resetPage();
        }}
      >
        {canWrite && selected.length > 0 ? (
          <TaskBulkBar
            count={selected.length}
            busy={actions.bulk.isPending}
            onDone={() => bulk()}
            onSnooze={(minutes) => bulk(minutes)}
            onClear={() => setChosen(new Set())}
          />
        ) : null}
        <ListTable<Task>
          id="tasks"
          caption="טבלת המשימות"
          exportFileName="משימות"
          columns={columns}
          list={list}
          table={table}
          getRowId={(t) => t.id}
          // The list's filters and page stay in the address under the opened task.
          onRowClick={(t) => void navigate(`/tasks/${t.id}${search}`)}
          // Overdue is a filter of its own: the others do not apply to it.
          filters={
            overdue ? undefined : (
              <TaskFilters
                values={filters}
                byAssignee={view === 'all'}
                onChange={(change) => setFilters({ ...change })}
              />
            )
          }
          filtered={!overdue && filtered}
          onClearFilters={() => setFilters({ ...NO_FILTERS, customerId: null })}
          empty={
            overdue
              ? { icon: '🎉', title: 'אין משימות באיחור', description: 'כל הכבוד, הכול בזמן.' }
              : {
                  icon: '📝',
                  title: 'אין משימות',
                  description: 'משימה חדשה תקפוץ על המסך בדיוק בזמן שנקבע לה.',
                }
          }
          filteredEmpty={{ title: 'לא נמצאו משימות', description: 'נסו לשנות את הסינון.' }}
          newItem={overdue ? undefined : newTask}
        />
      </Tabs>

      {creating ? <TaskDialog onClose={() => setCreating(false)} /> : null}
      {openId ? <OpenedTask id={openId} canWrite={canWrite} /> : null}
    </ListPage>
  );
}
