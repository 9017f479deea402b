import type { TaskSummary as Summary } from './api';
import './tasks.css';

/** The counts above the task list (open, overdue, today, this week); "…" while they load. */
export function TaskSummary({ summary, mine }: { summary: Summary | undefined; mine: boolean }) {
  return (
    <dl className="stat-strip" aria-label={mine ? 'סיכום המשימות שלי' : 'סיכום המשימות'}>
      {(
        [
          ['פתוחות', summary?.open],
          ['באיחור', summary?.overdue],
          ['להיום', summary?.today],
          ['השבוע', summary?.thisWeek],
        ] as const
      ).map(([label, value]) => (
        <div key={label} className="stat-strip__item">
          <dt>{label}</dt>
          <dd>{value === undefined ? '…' : value.toLocaleString('he-IL')}</dd>
        </div>
      ))}
    </dl>
  );
}
