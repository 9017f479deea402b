import { useSocketStatus } from './useSocketStatus';
import './due-alerts.css';

const LABELS = {
  connected: 'מחובר לעדכונים חיים',
  connecting: 'מתחבר לעדכונים חיים…',
  disconnected: 'אין חיבור לעדכונים חיים, מנסה שוב',
  idle: 'עדכונים חיים כבויים',
} as const;

/** The top bar's dot: whether due alerts can reach this tab right now. */
export function ConnectionStatus() {
  const status = useSocketStatus();
  return (
    <span
      className={`live-dot live-dot--${status}`}
      data-socket-status={status}
      role="status"
      title={LABELS[status]}
    >
      <span className="visually-hidden">{LABELS[status]}</span>
    </span>
  );
}
