import { Button } from '../../components/Button';
import { formatCountOf } from '../../lib/format';
import { SNOOZE_MINUTES, type SnoozeMinutes } from './api';
import '../../components/Field.css';
import './tasks.css';

export interface TaskBulkBarProps {
  count: number;
  busy: boolean;
  onDone: () => void;
  onSnooze: (minutes: SnoozeMinutes) => void;
  onClear: () => void;
}

/** What can be done to the tasks chosen on the page at once: done, snooze, or unchoose them. */
export function TaskBulkBar({ count, busy, onDone, onSnooze, onClear }: TaskBulkBarProps) {
  return (
    <div className="bulk-bar" role="group" aria-label="פעולות על המשימות שנבחרו">
      <span className="bulk-bar__count" aria-live="polite">
        {count === 1 ? 'נבחרה ' : 'נבחרו '}
        {formatCountOf(count, { one: 'משימה אחת', many: 'משימות' })}
      </span>
      <Button size="sm" variant="primary" icon="✓" loading={busy} onClick={onDone}>
        סימון כבוצעו
      </Button>
      <select
        className="input select row-actions__select"
        aria-label="דחיית המשימות שנבחרו"
        value=""
        disabled={busy}
        onChange={(e) => {
          const minutes = Number(e.target.value) as SnoozeMinutes;
          if (SNOOZE_MINUTES.includes(minutes)) onSnooze(minutes);
        }}
      >
        <option value="">דחייה…</option>
        {SNOOZE_MINUTES.map((m) => (
          <option key={m} value={m}>
            {`${m} דקות`}
          </option>
        ))}
      </select>
      <Button size="sm" variant="ghost" onClick={onClear}>
        ביטול הבחירה
      </Button>
    </div>
  );
}
