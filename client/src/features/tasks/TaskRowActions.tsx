import { Button } from '../../components/Button';
import { SNOOZE_MINUTES, type SnoozeMinutes, type Task } from './api';
import '../../components/Field.css';
import './tasks.css';

export interface TaskRowActionsProps {
  task: Task;
  busy: boolean;
  onDone: (task: Task) => void;
  onSnooze: (task: Task, minutes: SnoozeMinutes) => void;
}

/** Done and snooze on a row of the task list; a done task offers neither. */
export function TaskRowActions({ task, busy, onDone, onSnooze }: TaskRowActionsProps) {
  if (task.status === 'done') return null;
  return (
    // The row opens the task; its own controls (the snooze select too) do not.
    <span className="row-actions" onClick={(e) => e.stopPropagation()}>
      <Button
        size="sm"
        variant="ghost"
        icon="✓"
        aria-label={`בוצע: ${task.title}`}
        disabled={busy}
        onClick={() => onDone(task)}
      >
        בוצע
      </Button>
      <select
        className="input select row-actions__select"
        aria-label={`דחיית המשימה ${task.title}`}
        value=""
        onChange={(e) => {
          const minutes = Number(e.target.value) as SnoozeMinutes;
          if (SNOOZE_MINUTES.includes(minutes)) onSnooze(task, minutes);
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
  );
}
