import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useFeatures } from '../../hooks/useFeatures';
import { notificationKeys } from '../notifications/api';
import { taskKeys } from '../tasks/api';
import { subscribeToPush } from './push';
import {
  onAlertFromServiceWorker,
  registerServiceWorker,
  shareTokenWithServiceWorker,
} from './serviceWorker';
import { SnoozeFromNotification } from './SnoozeFromNotification';
import { socket } from './socket';
import { TaskDueModal } from './TaskDueModal';
import { useTaskDue } from './useTaskDue';

/**
 * Real time for the signed-in user: one socket, the due-task modal (mounted once, app-wide),
 * alerts handed over by the service worker, and this browser's push subscription.
 */
function RealtimeAlerts({ userId }: { userId: string }) {
  const { isOn } = useFeatures();
  const queryClient = useQueryClient();
  const alerts = useTaskDue(true);

  useEffect(() => {
    // Registered on sign-in rather than on every page load: the login and signing pages do not
    // need the worker (or this feature's code), and a registration outlives the session anyway.
    void registerServiceWorker();
    socket.start();
    const stopSharing = shareTokenWithServiceWorker();
    void subscribeToPush();
    const offDue = socket.onTaskDue(() => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    });
    const offWorker = onAlertFromServiceWorker((alert) => socket.deliver(alert));
    return () => {
      offDue();
      stopSharing();
      offWorker();
      void socket.stop();
    };
  }, [userId, queryClient]);

  return <TaskDueModal alerts={alerts} isOn={isOn} />;
}

/** Everything the due-alert flow shows while someone is signed in; one instance, app-wide. */
export function DueAlerts({ userId }: { userId: string }) {
  return (
    <>
      <RealtimeAlerts key={userId} userId={userId} />
      <SnoozeFromNotification />
    </>
  );
}
