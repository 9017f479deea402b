import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { CustomerPage } from './features/customers/CustomerPage';
import { CustomersPage } from './features/customers/CustomersPage';
import { inboxKey } from './features/notifications/keys';
import { ComingSoonPage, NotFoundPage } from './features/placeholders/ComingSoonPage';
import { AppShell } from './features/shell/AppShell';
import { SnoozeFromNotification } from './features/tasks/SnoozeFromNotification';
import { TaskDueModal } from './features/tasks/TaskDueModal';
import { useFeatures } from './hooks/useFeatures';
import { useSession } from './hooks/useSession';
import { useTaskDue } from './hooks/useTaskDue';
import { shareTokenWithServiceWorker, subscribeToPush } from './lib/push';
import { parseTaskDue, socket } from './lib/socket';

function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/**
 * Real time for the signed-in user: one socket, the due-task modal (mounted once, app-wide),
 * alerts handed over by the service worker, and this browser's push subscription.
 */
function RealtimeAlerts({ userId }: { userId: string }) {
  const { isOn } = useFeatures();
  const queryClient = useQueryClient();
  const alerts = useTaskDue(true);

  useEffect(() => {
    socket.start();
    const stopSharing = shareTokenWithServiceWorker();
    void subscribeToPush();
    const offDue = socket.onTaskDue(() => {
      void queryClient.invalidateQueries({ queryKey: inboxKey });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    });
    const onWorkerMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: string; alert?: unknown } | null;
      if (data?.type === 'task:due' && data.alert) {
        const alert = parseTaskDue(JSON.stringify(data.alert));
        if (alert) socket.deliver(alert);
      }
    };
    if ('serviceWorker' in navigator)
      navigator.serviceWorker.addEventListener('message', onWorkerMessage);
    return () => {
      offDue();
      stopSharing();
      if ('serviceWorker' in navigator) {
        navigator.serviceWorker.removeEventListener('message', onWorkerMessage);
      }
      void socket.stop();
    };
  }, [userId, queryClient]);

  return <TaskDueModal alerts={alerts} isOn={isOn} />;
}

const BILLING_SOON = 'המסך הזה ייפתח בחלק הבא של המערכת; הקישורים אליו כבר מוכנים.';

export function App() {
  const session = useSession();
  return (
    <>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppShell />}>
            <Route index element={<Navigate to="/customers" replace />} />
            <Route path="customers" element={<CustomersPage />} />
            <Route path="customers/:id" element={<CustomerPage />} />
            <Route
              path="tasks/*"
              element={<ComingSoonPage title="משימות" icon="📝" description={BILLING_SOON} />}
            />
            <Route
              path="contracts/*"
              element={
                <ComingSoonPage title="הצעות מחיר וחוזים" icon="📄" description={BILLING_SOON} />
              }
            />
            <Route
              path="invoices/*"
              element={<ComingSoonPage title="חשבוניות" icon="🧾" description={BILLING_SOON} />}
            />
            <Route
              path="stats"
              element={<ComingSoonPage title="סטטיסטיקה" icon="📊" description={BILLING_SOON} />}
            />
            <Route
              path="settings"
              element={<ComingSoonPage title="הגדרות" icon="⚙️" description={BILLING_SOON} />}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
      {session ? (
        <>
          <RealtimeAlerts key={session.user.id} userId={session.user.id} />
          <SnoozeFromNotification />
        </>
      ) : null}
    </>
  );
}
