import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { listTasks, taskKeys } from './api';
import { CHANNEL_LABELS, TASK_STATUS_LABELS } from './labels';
import { isOverdue } from './overdue';
import './tasks.css';

/** The customer page's card of that customer's latest tasks. */
export function CustomerTasks({ customerId }: { customerId: string }) {
  const tasks = useQuery({
    queryKey: taskKeys.forCustomer(customerId),
    queryFn: () => listTasks({ customerId, limit: 10 }),
  });
  return (
    <div className="card">
      <h2 className="card__title">משימות</h2>
      {tasks.isPending ? (
        <Skeleton lines={2} />
      ) : tasks.isError ? (
        <p role="alert">{errorMessage(tasks.error)}</p>
      ) : tasks.data.items.length === 0 ? (
        <EmptyState icon="📝" title="אין משימות ללקוח" description="הוסיפו משימה מסרגל הפעולות." />
      ) : (
        <ul className="plain-list task-list">
          {tasks.data.items.map((t) => (
            <li key={t.id} className={`task-list__item task-list__item--${t.status}`}>
              <span className="task-list__title">{t.title}</span>
              <span className="muted">
                {CHANNEL_LABELS[t.channel]} · {t.dueAt ? formatDateTime(t.dueAt) : 'ללא מועד'}
              </span>
              {isOverdue(t) ? (
                <Badge tone="danger">באיחור</Badge>
              ) : (
                <Badge tone={t.status === 'done' ? 'success' : 'neutral'}>
                  {TASK_STATUS_LABELS[t.status]}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
