import { useEffect } from 'react';

const APP = 'AgentLocator';

/**
 * The browser tab's title for this screen, "לקוחות · AgentLocator": each page its own, so the
 * tabs, the history and a screen reader tell the screens apart. No title yet (still loading)
 * leaves the app's name alone.
 */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP}` : APP;
  }, [title]);
}

/** `useDocumentTitle` for a screen that knows its title only below its early returns. */
export function DocumentTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}
