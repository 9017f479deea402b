import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Input, Select, TextArea } from '../../components/Field';
import { useCloseGuard } from '../../components/useCloseGuard';
import { useToast } from '../../components/toast';
import { useUsers } from '../../hooks/useUsers';
import { ApiError, errorMessage } from '../../lib/api';
import { options } from '../../lib/options';
import { timelineKeys } from '../timeline/api';
import {
  createTask,
  taskKeys,
  updateTask,
  type CreateTaskInput,
  type Task,
  type TaskChannel,
  type TaskPriority,
  type TaskStatus,
} from './api';
import { CHANNEL_LABELS, PRIORITY_LABELS, TASK_STATUS_LABELS } from './labels';

/** `datetime-local` wants local time without a zone, to the minute. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An hour from now. */
function defaultDue(now = new Date()): string {
  const d = new Date(now.getTime() + 60 * 60_000);
  d.setSeconds(0, 0);
  return localInput(d);
}

export interface TaskDialogProps {
  customerId?: string;
  customerName?: string;
  /** Edit this task instead of creating one. */
  task?: Task;
  onClose: () => void;
  onCreated?: (task: Task) => void;
}

export function TaskDialog({
  customerId,
  customerName,
  task,
  onClose,
  onCreated,
}: TaskDialogProps) {
  // What the form opened with, to tell whether closing it would throw anything away.
  const [opened] = useState(() => ({
    title: task?.title ?? (customerName ? `לחזור ל${customerName}` : ''),
    due: task ? (task.dueAt ? localInput(new Date(task.dueAt)) : '') : defaultDue(),
    channel: task?.channel ?? 'call',
    priority: task?.priority ?? 'medium',
    status: task?.status ?? 'open',
    assigneeId: task?.assigneeId ?? '',
    notes: task?.notes ?? '',
  }));
  const [title, setTitle] = useState(opened.title);
  const [due, setDue] = useState(opened.due);
  const [channel, setChannel] = useState<TaskChannel>(opened.channel);
  const [priority, setPriority] = useState<TaskPriority>(opened.priority);
  const [status, setStatus] = useState<TaskStatus>(opened.status);
  const [assigneeId, setAssigneeId] = useState(opened.assigneeId);
  const [notes, setNotes] = useState(opened.notes);
  const edited =
    title !== opened.title ||
    due !== opened.due ||
    channel !== opened.channel ||
    priority !== opened.priority ||
    status !== opened.status ||
    assigneeId !== opened.assigneeId ||
    notes !== opened.notes;
  const { requestClose, question } = useCloseGuard(edited, onClose);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const users = useUsers();
  const toast = useToast();
  const queryClient = useQueryClient();

  const forCustomer = task?.customerId ?? customerId;
  const create = useMutation({
    mutationFn: (input: CreateTaskInput) =>
      task ? updateTask(task.id, { ...input, status }) : createTask(input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      if (forCustomer)
        void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(forCustomer) });
      toast.success(task ? 'המשימה עודכנה' : 'המשימה נוצרה');
      onCreated?.(saved);
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
      // Editing: an empty text clears the notes; creating: no notes at all.
      ...(notes.trim() || task ? { notes: notes.trim() } : {}),
      ...(customerId ? { customerId } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      ...(due ? { dueAt: new Date(due).toISOString() } : {}),
      channel,
      priority,
    });
  };

  return (
    <>
      {question}
      <Dialog
        open
        title={task ? 'עריכת משימה' : customerName ? `משימה חדשה · ${customerName}` : 'משימה חדשה'}
        onClose={requestClose}
        footer={
          <>
            <Button onClick={requestClose}>ביטול</Button>
            <Button variant="primary" type="submit" form="task-form" loading={create.isPending}>
              {task ? 'שמירה' : 'יצירת משימה'}
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
          {task ? (
            <Select
              label="סטטוס"
              options={options(TASK_STATUS_LABELS)}
              value={status}
              onChange={(e) => setStatus(e.target.value as TaskStatus)}
            />
          ) : null}
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
    </>
  );
}
