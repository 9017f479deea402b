import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { useToast } from '../../components/toast';
import type { Feature } from '../../hooks/useFeatures';
import { errorMessage } from '../../lib/api';
import { formatDateTime, whatsappUrl } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { useCustomerContact } from '../customers/useCustomerContact';
import {
  completeTask,
  snoozeTask,
  SNOOZE_MINUTES,
  taskKeys,
  type SnoozeMinutes,
} from '../tasks/api';
import { timelineKeys } from '../timeline/api';
import type { TaskDueMessage } from './socket';
import type { TaskDueQueue } from './useTaskDue';
import './due-alerts.css';

export interface TaskDueModalProps {
  alerts: TaskDueQueue;
  isOn?: (feature: Feature) => boolean;
}

/**
 * The full-screen alert of SPEC C5: shown the moment a task falls due, one task at a time while
 * several wait. Call and WhatsApp go through the server (so they are logged on the timeline)
 * when the task has a customer; otherwise they open the phone's own apps.
 */
export function TaskDueModal({ alerts, isOn = () => true }: TaskDueModalProps) {
  const { current, queue, dismiss } = alerts;
  if (!current) return null;
  return createPortal(
    <TaskDueCard
      key={current.taskId}
      alert={current}
      position={1}
      total={queue.length}
      onHandled={() => dismiss(current.taskId)}
      isOn={isOn}
    />,
    document.body,
  );
}

interface CardProps {
  alert: TaskDueMessage;
  position: number;
  total: number;
  onHandled: () => void;
  isOn: (feature: Feature) => boolean;
}

function TaskDueCard({ alert, position, total, onHandled, isOn }: CardProps) {
  const titleId = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    if (alert.customerId)
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(alert.customerId) });
  };

  const snooze = useMutation({
    mutationFn: (minutes: SnoozeMinutes) => snoozeTask(alert.taskId, minutes),
    onSuccess: (_task, minutes) => {
      toast.success(`המשימה נדחתה ב-${minutes} דקות`);
      refresh();
      onHandled();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const done = useMutation({
    mutationFn: () => completeTask(alert.taskId),
    onSuccess: () => {
      toast.success('המשימה סומנה כבוצעה');
      refresh();
      onHandled();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const contact = useCustomerContact();

  const busy = snooze.isPending || done.isPending;
  const phone = alert.customerPhone;
  const viaServer = (feature: Feature) => Boolean(alert.customerId) && isOn(feature);

  return (
    <div
      className="task-due"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      ref={root}
    >
      <div className="task-due__card">
        <p className="task-due__eyebrow">
          <span aria-hidden="true">⏰</span> הגיע מועד המשימה
          {total > 1 ? (
            <span className="task-due__queue">
              {' '}
              · {position} מתוך {total}
            </span>
          ) : null}
        </p>
        <h2 id={titleId} className="task-due__title">
          {alert.title}
        </h2>
        {alert.customerName ? (
          <p className="task-due__customer">
            {alert.customerId ? (
              <Link to={`/customers/${alert.customerId}`} onClick={onHandled}>
                {alert.customerName}
              </Link>
            ) : (
              alert.customerName
            )}
          </p>
        ) : null}
        {phone ? (
          <p className="task-due__phone" dir="ltr">
            {formatPhone(phone)}
          </p>
        ) : null}
        {alert.dueAt ? (
          <p className="task-due__time">נקבעה ל-{formatDateTime(alert.dueAt)}</p>
        ) : null}

        <div className="task-due__contact">
          {viaServer('calls') ? (
            <Button
              size="lg"
              variant="primary"
              icon="📞"
              loading={contact.calling}
              onClick={() => alert.customerId && contact.call(alert.customerId)}
              data-autofocus
            >
              חייג
            </Button>
          ) : phone ? (
            <a className="btn btn--primary btn--lg" href={`tel:${phone}`} data-autofocus>
              <span aria-hidden="true">📞</span> חייג
            </a>
          ) : null}
          {viaServer('whatsapp') ? (
            <Button
              size="lg"
              variant="whatsapp"
              icon="💬"
              loading={contact.sending}
              onClick={() =>
                alert.customerId &&
                void contact.whatsapp(alert.customerId, undefined, 'task_follow_up')
              }
            >
              פתח WhatsApp
            </Button>
          ) : phone ? (
            <a
              className="btn btn--whatsapp btn--lg"
              href={whatsappUrl(phone)}
              target="_blank"
              rel="noopener noreferrer"
            >
              <span aria-hidden="true">💬</span> פתח WhatsApp
            </a>
          ) : null}
        </div>

        <div className="task-due__snooze" role="group" aria-label="דחייה">
          <span className="task-due__snooze-label">דחייה:</span>
          {SNOOZE_MINUTES.map((m) => (
            <Button key={m} disabled={busy} onClick={() => snooze.mutate(m)}>
              {`${m} דקות`}
            </Button>
          ))}
        </div>

        <div className="task-due__footer">
          <Button
            size="lg"
            variant="primary"
            icon="✓"
            loading={done.isPending}
            disabled={busy}
            onClick={() => done.mutate()}
          >
            בוצע
          </Button>
          <Button variant="ghost" onClick={onHandled}>
            סגירה
          </Button>
        </div>
      </div>
      {contact.dialog}
    </div>
  );
}
