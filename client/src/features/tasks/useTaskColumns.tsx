import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { Badge } from '../../components/Badge';
import type { DataTableColumn } from '../../components/DataTable';
import { useUsers } from '../../hooks/useUsers';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { Task } from './api';
import {
  CHANNEL_LABELS,
  PRIORITY_LABELS,
  PRIORITY_TONES,
  TASK_STATUS_LABELS,
  TASK_STATUS_TONES,
} from './labels';
import { isOverdue } from './overdue';
import { TaskRowActions } from './TaskRowActions';
import type { useTaskActions } from './useTaskActions';
import './tasks.css';

/** The task list's columns; the row actions only for those who may write. */
/** The tasks chosen for a bulk action. */
export interface TaskSelection {
  has: (id: string) => boolean;
  toggle: (task: Task) => void;
}

export function useTaskColumns(
  canWrite: boolean,
  { done, snooze }: Pick<ReturnType<typeof useTaskActions>, 'done' | 'snooze'>,
  selection?: TaskSelection,
): DataTableColumn<Task>[] {
  const users = useUsers();
  // Opening a task keeps the list's filters and page in the address.
  const { search } = useLocation();
  const userNames = useMemo(
    () => new Map((users.data ?? []).map((u) => [u.id, u.name])),
    [users.data],
  );

  return useMemo<DataTableColumn<Task>[]>(
    () => [
      ...(canWrite && selection
        ? [
            {
              id: 'select',
              header: 'בחירה',
              text: () => '',
              hideable: false,
              exportable: false,
              cell: (t: Task) =>
                t.status === 'done' ? null : (
                  <input
                    type="checkbox"
                    className="task-select"
                    aria-label={`בחירת ${t.title}`}
                    checked={selection.has(t.id)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => selection.toggle(t)}
                  />
                ),
            },
          ]
        : []),
      {
        id: 'title',
        header: 'משימה',
        text: (t) => t.title,
        cell: (t) => (
          <Link to={`/tasks/${t.id}${search}`} className="table-link">
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
              cell: (t: Task) => (
                <TaskRowActions
                  task={t}
                  busy={done.isPending}
                  onDone={(task) => done.mutate(task)}
                  onSnooze={(task, minutes) => snooze.mutate({ task, minutes })}
                />
              ),
            },
          ]
        : []),
    ],
    [userNames, canWrite, done, snooze, search, selection],
  );
}
