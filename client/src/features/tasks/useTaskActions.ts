import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
import { formatCountOf } from '../../lib/format';
import { timelineKeys } from '../timeline/api';
import { completeTask, snoozeTask, taskKeys, type SnoozeMinutes, type Task } from './api';

/** Done and snooze from the task list, each confirmed by a toast; the lists and timeline follow. */
export function useTaskActions() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const refresh = (task: Task) => {
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    if (task.customerId) {
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(task.customerId) });
    }
  };
  const done = useMutation({
    mutationFn: (task: Task) => completeTask(task.id),
    onSuccess: (task) => {
      refresh(task);
      toast.success('המשימה סומנה כבוצעה');
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const snooze = useMutation({
    mutationFn: ({ task, minutes }: { task: Task; minutes: SnoozeMinutes }) =>
      snoozeTask(task.id, minutes),
    onSuccess: (task, { minutes }) => {
      refresh(task);
      toast.success(`המשימה נדחתה ב-${minutes} דקות`);
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  // Each task on its own request; the toast counts what succeeded and says if any did not.
  const bulk = useMutation({
    mutationFn: async ({ tasks, minutes }: { tasks: Task[]; minutes?: SnoozeMinutes }) => {
      const results = await Promise.allSettled(
        tasks.map((t) => (minutes ? snoozeTask(t.id, minutes) : completeTask(t.id))),
      );
      const failed = results.filter((r) => r.status === 'rejected');
      return { ok: results.length - failed.length, failed: failed.length };
    },
    onSuccess: ({ ok, failed }, { tasks, minutes }) => {
      tasks.forEach(refresh);
      if (ok > 0) {
        const counted = formatCountOf(ok, { one: 'משימה אחת', many: 'משימות' });
        toast.success(
          minutes
            ? `${counted} ${ok === 1 ? 'נדחתה' : 'נדחו'} ב-${minutes} דקות`
            : `${counted} ${ok === 1 ? 'סומנה כבוצעה' : 'סומנו כבוצעות'}`,
        );
      }
      if (failed > 0) {
        toast.error(
          `${formatCountOf(failed, { one: 'משימה אחת', many: 'משימות' })} לא ${failed === 1 ? 'עודכנה' : 'עודכנו'}. נסו שוב.`,
        );
      }
    },
  });
  return { done, snooze, bulk };
}
