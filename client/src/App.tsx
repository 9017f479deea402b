import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { ContractEditorPage } from './features/billing/ContractEditorPage';
import { ContractsPage } from './features/billing/ContractsPage';
import { InvoiceEditorPage } from './features/billing/InvoiceEditorPage';
import { InvoicesPage } from './features/billing/InvoicesPage';
import { CustomerPage } from './features/customer-page/CustomerPage';
import { CustomersPage } from './features/customers/CustomersPage';
import { DueAlerts } from './features/due-alerts';
import { SettingsPage } from './features/settings/SettingsPage';
import { AppShell } from './features/shell/AppShell';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { StatsPage } from './features/stats/StatsPage';
import { SignPage } from './features/signing/SignPage';
import { TasksPage } from './features/tasks/TasksPage';
import { InboxPage } from './features/whatsapp/InboxPage';
import { useSession } from './hooks/useSession';

function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
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
            <Route path="whatsapp" element={<InboxPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
      {session ? <DueAlerts userId={session.user.id} /> : null}
    </>
  );
}
