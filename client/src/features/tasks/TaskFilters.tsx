import { Select } from '../../components/Field';
import { useUsers } from '../../hooks/useUsers';
import { options } from '../../lib/options';
import { CHANNEL_LABELS, PRIORITY_LABELS, TASK_STATUS_LABELS } from './labels';

export interface TaskFilterValues {
  status: string;
  range: string;
  assigneeId: string;
  channel: string;
  priority: string;
}

const RANGE_LABELS = { today: 'היום', week: 'השבוע' };

export interface TaskFiltersProps {
  values: TaskFilterValues;
  /** Everyone's tasks can be narrowed to one assignee; one's own cannot. */
  byAssignee: boolean;
  onChange: (change: Partial<TaskFilterValues>) => void;
}

export function TaskFilters({ values, byAssignee, onChange }: TaskFiltersProps) {
  const users = useUsers();
  return (
    <>
      <Select
        label="סטטוס"
        hideLabel
        placeholder="כל הסטטוסים"
        options={options(TASK_STATUS_LABELS)}
        value={values.status}
        onChange={(e) => onChange({ status: e.target.value })}
      />
      <Select
        label="טווח"
        hideLabel
        placeholder="כל המועדים"
        options={options(RANGE_LABELS)}
        value={values.range}
        onChange={(e) => onChange({ range: e.target.value })}
      />
      <Select
        label="ערוץ"
        hideLabel
        placeholder="כל הערוצים"
        options={options(CHANNEL_LABELS)}
        value={values.channel}
        onChange={(e) => onChange({ channel: e.target.value })}
      />
      <Select
        label="עדיפות"
        hideLabel
        placeholder="כל העדיפויות"
        options={options(PRIORITY_LABELS)}
        value={values.priority}
        onChange={(e) => onChange({ priority: e.target.value })}
      />
      {byAssignee ? (
        <Select
          label="אחראי"
          hideLabel
          placeholder="כל הנציגים"
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={values.assigneeId}
          onChange={(e) => onChange({ assigneeId: e.target.value })}
        />
      ) : null}
    </>
  );
}
