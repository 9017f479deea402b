import { useCallback, useEffect, useState } from 'react';
import { socket as appSocket, type RealtimeSocket, type TaskDueMessage } from './socket';

export interface TaskDueQueue {
  /** The alert on screen, the oldest not yet handled. */
  current: TaskDueMessage | null;
  /** Every alert waiting, current first. */
  queue: TaskDueMessage[];
  /** Removes a task's alert (after snooze, done or dismiss). */
  dismiss: (taskId: string) => void;
}

/**
 * The `task:due` alerts of the signed-in user, queued: several tasks falling due together are
 * shown one after another. A task that falls due again (e.g. after a snooze) replaces its old
 * alert rather than queueing twice.
 */
export function useTaskDue(
  enabled: boolean,
  socket: Pick<RealtimeSocket, 'onTaskDue'> = appSocket,
): TaskDueQueue {
  const [queue, setQueue] = useState<TaskDueMessage[]>([]);

  useEffect(() => {
    if (!enabled) return;
    return socket.onTaskDue((message) => {
      setQueue((q) => {
        const index = q.findIndex((m) => m.taskId === message.taskId);
        if (index === -1) return [...q, message];
        const copy = q.slice();
        copy[index] = message;
        return copy;
      });
    });
  }, [enabled, socket]);

  const dismiss = useCallback((taskId: string) => {
    setQueue((q) => q.filter((m) => m.taskId !== taskId));
  }, []);

  const shown = enabled ? queue : [];
  return { current: shown[0] ?? null, queue: shown, dismiss };
}
