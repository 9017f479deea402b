import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { ContractEditorPage } from './features/billing/ContractEditorPage';
import { ContractsPage } from './features/billing/ContractsPage';
import { InvoiceEditorPage } from './features/billing/InvoiceEditorPage';
import { InvoicesPage } from './features/billing/InvoicesPage';
import { CustomerPage } from './features/customers/CustomerPage';
import { CustomersPage } from './features/customers/CustomersPage';
import { notificationKeys } from './features/notifications/api';
import { SettingsPage } from './features/settings/SettingsPage';
import { AppShell } from './features/shell/AppShell';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { StatsPage } from './features/stats/StatsPage';
import { SignPage } from './features/signing/SignPage';
import { SnoozeFromNotification } from './features/due-alerts/SnoozeFromNotification';
import { taskKeys } from './features/tasks/api';
import { TaskDueModal } from './features/due-alerts/TaskDueModal';
import { TasksPage } from './features/tasks/TasksPage';
import { useFeatures } from './hooks/useFeatures';
import { useSession } from './hooks/useSession';
import { useTaskDue } from './features/due-alerts/useTaskDue';
import { shareTokenWithServiceWorker, subscribeToPush } from './features/due-alerts/push';
import { parseTaskDue, socket } from './features/due-alerts/socket';

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
      void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
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

export function App() {
  const session = useSession();
  return (
    <>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* billing-service's signing-path: public, no login, outside the app shell. */}
        <Route path="/sign/:token" element={<SignPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppShell />}>
            <Route index element={<Navigate to="/customers" replace />} />
            <Route path="customers" element={<CustomersPage />} />
            <Route path="customers/:id" element={<CustomerPage />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="tasks/:id" element={<TasksPage />} />
            <Route path="contracts" element={<ContractsPage />} />
            <Route path="contracts/:id" element={<ContractEditorPage />} />
            <Route path="invoices" element={<InvoicesPage />} />
            <Route path="invoices/:id" element={<InvoiceEditorPage />} />
            <Route path="stats" element={<StatsPage />} />
            <Route path="settings" element={<SettingsPage />} />
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
