import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { useBeforeUnload } from '../hooks/useBeforeUnload';

/** "לצאת בלי לשמור?", above any dialog; staying is the default answer. */
export function LeaveQuestion({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <Dialog
      open
      layer="top"
      title="לצאת בלי לשמור?"
      onClose={onStay}
      footer={
        <>
          <Button variant="primary" data-autofocus onClick={onStay}>
            להישאר בטופס
          </Button>
          <Button variant="danger" onClick={onLeave}>
            לצאת בלי לשמור
          </Button>
        </>
      }
    >
      <p>יש בטופס שינויים שעוד לא נשמרו. אם תצאו עכשיו, הם יאבדו.</p>
    </Dialog>
  );
}

/**
 * Asks before unsaved work is left behind while `when` holds: a link within the app (the
 * navigation, a breadcrumb) first asks "לצאת בלי לשמור?", and reloading or closing the tab gets
 * the browser's own question. Only links are held: the form's own buttons (save, cancel) know
 * what they do. The router here is a plain `BrowserRouter`, which has no blocker for the
 * browser's Back button.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);
  useBeforeUnload(when);

  useEffect(() => {
    if (!when) return;
    // In the capture phase, before the router's own click handler on the link.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return;
      if (link.target && link.target !== '_self') return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      const to = `${url.pathname}${url.search}${url.hash}`;
      if (to === `${window.location.pathname}${window.location.search}${window.location.hash}`) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      setPending(to);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [when]);

  if (pending === null) return null;
  return (
    <LeaveQuestion
      onStay={() => setPending(null)}
      onLeave={() => {
        const to = pending;
        setPending(null);
        void navigate(to);
      }}
    />
  );
}
