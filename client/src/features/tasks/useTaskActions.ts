import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
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
  return { done, snooze };
}
