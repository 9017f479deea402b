import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { useFeatures, type Feature } from '../../hooks/useFeatures';
import { useSession } from '../../hooks/useSession';
import { logout } from '../../lib/auth';
import { ConnectionStatus, PushBanner, unsubscribeFromPush } from '../due-alerts';
import { NotificationBell } from '../notifications/NotificationBell';
import { FeatureGuard } from './FeatureGuard';
import './shell.css';

interface NavItem {
  to: string;
  label: string;
  icon: string;
  feature: Feature;
}

const NAV: NavItem[] = [
  { to: '/customers', label: 'לקוחות', icon: '👥', feature: 'crm' },
  { to: '/tasks', label: 'משימות', icon: '📝', feature: 'tasks' },
  { to: '/contracts', label: 'הצעות וחוזים', icon: '📄', feature: 'contracts' },
  { to: '/invoices', label: 'חשבוניות', icon: '🧾', feature: 'invoices' },
  { to: '/stats', label: 'סטטיסטיקה', icon: '📊', feature: 'stats' },
];

const ROLE_LABELS: Record<string, string> = {
  owner: 'בעלים',
  agent: 'סוכן',
  viewer: 'צפייה בלבד',
  admin: 'מנהל מערכת',
};

export function AppShell() {
  const session = useSession();
  const { isOn } = useFeatures();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    await unsubscribeFromPush();
    await logout();
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        דילוג לתוכן
      </a>
      <aside className="sidebar">
        <div className="sidebar__brand">
          <span className="brand-mark" aria-hidden="true">
            AL
          </span>
          <span className="sidebar__name">AgentLocator</span>
        </div>
        <nav aria-label="ניווט ראשי">
          <ul className="nav">
            {NAV.filter((item) => isOn(item.feature)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="nav__link">
                  <span aria-hidden="true">{item.icon}</span> {item.label}
                </NavLink>
              </li>
            ))}
            {session?.user.role === 'owner' || session?.user.role === 'admin' ? (
              <li>
                <NavLink to="/settings" className="nav__link">
                  <span aria-hidden="true">⚙️</span> הגדרות
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </aside>
      <div className="shell__main">
        <header className="topbar">
          <ConnectionStatus />
          <div className="topbar__end">
            <NotificationBell />
            <div className="user">
              <span className="user__name">{session?.user.name}</span>
              <span className="user__role muted">
                {ROLE_LABELS[session?.user.role ?? ''] ?? ''}
              </span>
            </div>
            <Button variant="ghost" size="sm" onClick={() => void signOut()}>
              יציאה
            </Button>
          </div>
        </header>
        <PushBanner />
        <main id="main" className="content" tabIndex={-1}>
          <FeatureGuard>
            <Outlet />
          </FeatureGuard>
        </main>
      </div>
    </div>
  );
}
