import { useState } from 'react';
import { Button } from '../../components/Button';
import { useToast } from '../../components/toast';
import { useRememberedState } from '../../hooks/useRememberedState';
import { askPushPermission, pushSupported } from './push';
import './due-alerts.css';

/**
 * Asks for notification permission from a click, never on load: the browser's prompt appears
 * only when the agent chose to get alerts with the tab closed.
 */
export function PushBanner() {
  const [dismissed, setDismissed] = useRememberedState('push:bannerDismissed', false);
  const [permission, setPermission] = useState(() =>
    pushSupported() ? Notification.permission : 'denied',
  );
  const toast = useToast();
  if (dismissed || permission !== 'default') return null;

  const enable = async () => {
    const ok = await askPushPermission();
    setPermission(Notification.permission);
    if (ok) toast.success('התראות הופעלו: משימות יקפצו גם כשהלשונית סגורה');
    else if (Notification.permission === 'granted')
      toast.error('לא הצלחנו להירשם להתראות, נסו שוב מאוחר יותר');
  };

  return (
    <div className="banner" role="region" aria-label="התראות דחיפה">
      <span aria-hidden="true">🔔</span>
      <p className="banner__text">רוצים לקבל התראה על משימה גם כשהלשונית סגורה?</p>
      <Button size="sm" variant="primary" onClick={() => void enable()}>
        הפעלת התראות
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setDismissed(true)}>
        לא עכשיו
      </Button>
    </div>
  );
}
