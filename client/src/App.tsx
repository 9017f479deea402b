import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Skeleton } from './components/Skeleton';
import { useSession } from './hooks/useSession';

/**
 * Every page is its own chunk (route-based code splitting): the login and the public signing page
 * load only their own code, and a signed-in agent fetches a section's code when first opening it.
 */
function page<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('./features/auth/LoginPage'), 'LoginPage');
const SignupPage = page(() => import('./features/auth/AccountPages'), 'SignupPage');
const VerifyEmailPage = page(() => import('./features/auth/AccountPages'), 'VerifyEmailPage');
const ConfirmEmailPage = page(() => import('./features/auth/AccountPages'), 'ConfirmEmailPage');
const ForgotPasswordPage = page(() => import('./features/auth/AccountPages'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./features/auth/AccountPages'), 'ResetPasswordPage');
const AcceptInvitationPage = page(
  () => import('./features/auth/AccountPages'),
  'AcceptInvitationPage',
);
const ProfilePage = page(() => import('./features/auth/ProfilePage'), 'ProfilePage');
const SignPage = page(() => import('./features/signing/SignPage'), 'SignPage');
const AppShell = page(() => import('./features/shell/AppShell'), 'AppShell');
const NotFoundPage = page(() => import('./features/shell/NotFoundPage'), 'NotFoundPage');
const CustomersPage = page(() => import('./features/customers/CustomersPage'), 'CustomersPage');
const CustomerPage = page(() => import('./features/customer-page/CustomerPage'), 'CustomerPage');
const TasksPage = page(() => import('./features/tasks/TasksPage'), 'TasksPage');
const CallsPage = page(() => import('./features/calls/CallsPage'), 'CallsPage');
const InboxPage = page(() => import('./features/whatsapp/InboxPage'), 'InboxPage');
const ContractsPage = page(() => import('./features/billing/ContractsPage'), 'ContractsPage');
const ContractEditorPage = page(
  () => import('./features/billing/ContractEditorPage'),
  'ContractEditorPage',
);
const InvoicesPage = page(() => import('./features/billing/InvoicesPage'), 'InvoicesPage');
const InvoiceEditorPage = page(
  () => import('./features/billing/InvoiceEditorPage'),
  'InvoiceEditorPage',
);
const StatsPage = page(() => import('./features/stats/StatsPage'), 'StatsPage');
const SettingsPage = page(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const NotificationPreferencesPage = page(
  () => import('./features/notifications/NotificationPreferencesPage'),
  'NotificationPreferencesPage',
);
const DueAlerts = page(() => import('./features/due-alerts'), 'DueAlerts');

/** A boundary per route element, so that opening a section keeps the shell around it on screen. */
function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton lines={3} />}>{children}</Suspense>;
}

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
        <Route
          path="/login"
          element={
            <Loading>
              <LoginPage />
            </Loading>
          }
        />
        {/* Self-service accounts and the links mailed for them (ADR 0031): public. */}
        <Route
          path="/signup"
          element={
            <Loading>
              <SignupPage />
            </Loading>
          }
        />
        <Route
          path="/verify-email"
          element={
            <Loading>
              <VerifyEmailPage />
            </Loading>
          }
        />
        <Route
          path="/confirm-email"
          element={
            <Loading>
              <ConfirmEmailPage />
            </Loading>
          }
        />
        <Route
          path="/forgot-password"
          element={
            <Loading>
              <ForgotPasswordPage />
            </Loading>
          }
        />
        <Route
          path="/reset-password"
          element={
            <Loading>
              <ResetPasswordPage />
            </Loading>
          }
        />
        <Route
          path="/accept-invitation"
          element={
            <Loading>
              <AcceptInvitationPage />
            </Loading>
          }
        />
        {/* billing-service's signing-path: public, no login, outside the app shell. */}
        <Route
          path="/sign/:token"
          element={
            <Loading>
              <SignPage />
            </Loading>
          }
        />
        <Route element={<RequireAuth />}>
          <Route
            element={
              <Loading>
                <AppShell />
              </Loading>
            }
          >
            <Route index element={<Navigate to="/customers" replace />} />
            <Route
              path="profile"
              element={
                <Loading>
                  <ProfilePage />
                </Loading>
              }
            />
            <Route
              path="customers"
              element={
                <Loading>
                  <CustomersPage />
                </Loading>
              }
            />
            <Route
              path="customers/:id"
              element={
                <Loading>
                  <CustomerPage />
                </Loading>
              }
            />
            <Route
              path="tasks"
              element={
                <Loading>
                  <TasksPage />
                </Loading>
              }
            />
            <Route
              path="tasks/:id"
              element={
                <Loading>
                  <TasksPage />
                </Loading>
              }
            />
            <Route
              path="calls"
              element={
                <Loading>
                  <CallsPage />
                </Loading>
              }
            />
            <Route
              path="calls/:id"
              element={
                <Loading>
                  <CallsPage />
                </Loading>
              }
            />
            <Route
              path="whatsapp"
              element={
                <Loading>
                  <InboxPage />
                </Loading>
              }
            />
            <Route
              path="contracts"
              element={
                <Loading>
                  <ContractsPage />
                </Loading>
              }
            />
            <Route
              path="contracts/:id"
              element={
                <Loading>
                  <ContractEditorPage />
                </Loading>
              }
            />
            <Route
              path="invoices"
              element={
                <Loading>
                  <InvoicesPage />
                </Loading>
              }
            />
            <Route
              path="invoices/:id"
              element={
                <Loading>
                  <InvoiceEditorPage />
                </Loading>
              }
            />
            <Route
              path="stats"
              element={
                <Loading>
                  <StatsPage />
                </Loading>
              }
            />
            <Route
              path="settings"
              element={
                <Loading>
                  <SettingsPage />
                </Loading>
              }
            />
            <Route
              path="notifications/preferences"
              element={
                <Loading>
                  <NotificationPreferencesPage />
                </Loading>
              }
            />
            <Route
              path="*"
              element={
                <Loading>
                  <NotFoundPage />
                </Loading>
              }
            />
          </Route>
        </Route>
      </Routes>
      {session ? (
        <Suspense fallback={null}>
          <DueAlerts userId={session.user.id} />
        </Suspense>
      ) : null}
    </>
  );
}
