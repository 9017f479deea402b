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
  /** The label in the phone's bottom tab bar, where six sections share the width. */
  short?: string;
  icon: string;
  feature: Feature;
}

const NAV: NavItem[] = [
  { to: '/customers', label: 'לקוחות', icon: '👥', feature: 'crm' },
  { to: '/calls', label: 'שיחות', icon: '📞', feature: 'calls' },
  { to: '/tasks', label: 'משימות', icon: '📝', feature: 'tasks' },
  { to: '/whatsapp', label: 'WhatsApp', icon: '💬', feature: 'whatsapp' },
  { to: '/contracts', label: 'הצעות וחוזים', short: 'הצעות', icon: '📄', feature: 'contracts' },
  { to: '/invoices', label: 'חשבוניות', icon: '🧾', feature: 'invoices' },
  { to: '/stats', label: 'סטטיסטיקה', icon: '📊', feature: 'stats' },
];

/** The label of a section: in full, or shortened in the bottom tab bar (only one is displayed). */
function NavLabel({ item }: { item: Pick<NavItem, 'label' | 'short' | 'icon'> }) {
  return (
    <>
      <span className="nav__icon" aria-hidden="true">
        {item.icon}
      </span>
      {item.short ? (
        <>
          <span className="nav__label nav__label--full">{item.label}</span>
          <span className="nav__label nav__label--short">{item.short}</span>
        </>
      ) : (
        <span className="nav__label">{item.label}</span>
      )}
    </>
  );
}

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
                  <NavLabel item={item} />
                </NavLink>
              </li>
            ))}
            {session?.user.role === 'owner' || session?.user.role === 'admin' ? (
              <li>
                <NavLink to="/settings" className="nav__link">
                  <NavLabel item={{ label: 'הגדרות', icon: '⚙️' }} />
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </aside>
      <div className="shell__main">
        <header className="topbar">
          <span className="topbar__brand" aria-hidden="true">
            <span className="brand-mark">AL</span>
          </span>
          <ConnectionStatus />
          <div className="topbar__end">
            <NotificationBell />
            <div className="user">
              <NavLink to="/profile" className="user__name">
                {session?.user.name}
                <span className="visually-hidden"> (הפרופיל שלי)</span>
              </NavLink>
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
