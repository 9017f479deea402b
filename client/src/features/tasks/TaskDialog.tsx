import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Input, Select, TextArea } from '../../components/Field';
import { useToast } from '../../components/toast';
import { useUsers } from '../../hooks/useUsers';
import { ApiError, errorMessage } from '../../lib/api';
import { options } from '../customers/labels';
import { createTask, taskKeys, type Task, type TaskChannel, type TaskPriority } from './api';
import { CHANNEL_LABELS, PRIORITY_LABELS } from './labels';

/** `datetime-local` wants local time without a zone: an hour from now, to the minute. */
function defaultDue(now = new Date()): string {
  const d = new Date(now.getTime() + 60 * 60_000);
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface TaskDialogProps {
  customerId?: string;
  customerName?: string;
  onClose: () => void;
  onCreated?: (task: Task) => void;
}

export function TaskDialog({ customerId, customerName, onClose, onCreated }: TaskDialogProps) {
  const [title, setTitle] = useState(customerName ? `לחזור ל${customerName}` : '');
  const [due, setDue] = useState(defaultDue);
  const [channel, setChannel] = useState<TaskChannel>('call');
  const [priority, setPriority] = useState<TaskPriority>('medium');
  const [assigneeId, setAssigneeId] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const users = useUsers();
  const toast = useToast();
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: createTask,
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      if (customerId) void queryClient.invalidateQueries({ queryKey: ['timeline', customerId] });
      toast.success('המשימה נוצרה');
      onCreated?.(task);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: 'יש להזין כותרת למשימה' });
      return;
    }
    create.mutate({
      title: title.trim(),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(customerId ? { customerId } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      ...(due ? { dueAt: new Date(due).toISOString() } : {}),
      channel,
      priority,
    });
  };

  return (
    <Dialog
      open
      title={customerName ? `משימה חדשה · ${customerName}` : 'משימה חדשה'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>ביטול</Button>
          <Button variant="primary" type="submit" form="task-form" loading={create.isPending}>
            יצירת משימה
          </Button>
        </>
      }
    >
      <form id="task-form" className="form-grid" onSubmit={submit} noValidate>
        <div className="form-grid__wide">
          <Input
            label="כותרת"
            required
            data-autofocus
            value={title}
            error={errors.title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <Input
          label="מועד"
          type="datetime-local"
          value={due}
          error={errors.dueAt}
          onChange={(e) => setDue(e.target.value)}
        />
        <Select
          label="ערוץ"
          options={options(CHANNEL_LABELS)}
          value={channel}
          onChange={(e) => setChannel(e.target.value as TaskChannel)}
        />
        <Select
          label="עדיפות"
          options={options(PRIORITY_LABELS)}
          value={priority}
          onChange={(e) => setPriority(e.target.value as TaskPriority)}
        />
        <Select
          label="אחראי"
          placeholder="אני"
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
        />
        <div className="form-grid__wide">
          <TextArea
            label="הערות"
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
      </form>
    </Dialog>
  );
}
