import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
import { snoozeTask, SNOOZE_MINUTES, type SnoozeMinutes } from '../tasks/api';

/**
 * The service worker opens `?snoozeTask=<id>&minutes=5` when it could not snooze by itself (no
 * valid token while every tab was closed); the app does it once signed in.
 */
export function SnoozeFromNotification() {
  const [search, setSearch] = useSearchParams();
  const toast = useToast();
  const handled = useRef(false);
  const taskId = search.get('snoozeTask');
  const minutes = Number(search.get('minutes') ?? '5');

  useEffect(() => {
    if (!taskId || handled.current) return;
    handled.current = true;
    const valid = (SNOOZE_MINUTES as readonly number[]).includes(minutes);
    const m = (valid ? minutes : 5) as SnoozeMinutes;
    snoozeTask(taskId, m).then(
      () => toast.success(`המשימה נדחתה ב-${m} דקות`),
      (e: unknown) => toast.error(errorMessage(e)),
    );
    const next = new URLSearchParams(search);
    next.delete('snoozeTask');
    next.delete('minutes');
    setSearch(next, { replace: true });
  }, [taskId, minutes, search, setSearch, toast]);

  return null;
}
