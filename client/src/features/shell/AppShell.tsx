import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { useFeatures, type Feature } from '../../hooks/useFeatures';
import { useSession } from '../../hooks/useSession';
import { logout } from '../../lib/auth';
import { ConnectionStatus, PushBanner, unsubscribeFromPush } from '../due-alerts';
import { NotificationBell } from '../notifications/NotificationBell';
import { FeatureGuard } from './FeatureGuard';
import { MainNav, type NavLinkItem } from './MainNav';
import './shell.css';

interface NavItem extends NavLinkItem {
  feature: Feature;
}

/** In the order of use: on a phone the first few are tabs and the rest open from "עוד". */
const NAV: NavItem[] = [
  { to: '/customers', label: 'לקוחות', icon: '👥', feature: 'crm' },
  { to: '/calls', label: 'שיחות', icon: '📞', feature: 'calls' },
  { to: '/tasks', label: 'משימות', icon: '📝', feature: 'tasks' },
  { to: '/whatsapp', label: 'WhatsApp', icon: '💬', feature: 'whatsapp' },
  { to: '/contracts', label: 'הצעות וחוזים', short: 'הצעות', icon: '📄', feature: 'contracts' },
  { to: '/invoices', label: 'חשבוניות', icon: '🧾', feature: 'invoices' },
  { to: '/stats', label: 'סטטיסטיקה', icon: '📊', feature: 'stats' },
];

const SETTINGS = { to: '/settings', label: 'הגדרות', icon: '⚙️' };

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
        <MainNav
          items={[
            ...NAV.filter((item) => isOn(item.feature)),
            ...(session?.user.role === 'owner' || session?.user.role === 'admin' ? [SETTINGS] : []),
          ]}
        />
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
