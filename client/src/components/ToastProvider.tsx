import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastApi, type ToastItem, type ToastTone } from './toast';
import './Button.css';
import './ToastProvider.css';

const DURATION_MS = 5000;
const ICONS: Record<ToastTone, string> = { success: '✓', error: '⚠', info: 'ℹ' };

/** The custom property through which dialogs and pages keep their buttons clear of the toasts. */
const STACK_HEIGHT = '--toast-stack-height';

/**
 * Toasts at the bottom of the screen; errors are announced assertively, others politely. A
 * success takes away the errors on screen: what the person just did worked, so an error about an
 * earlier attempt is no longer true. The toasts' height is published as `--toast-stack-height`,
 * so a dialog ends above them and never has its buttons covered.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const stack = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = stack.current;
    const root = document.documentElement;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const box = node.getBoundingClientRect();
      // From the top of the highest toast to the bottom of the screen.
      if (box.height > 0) root.style.setProperty(STACK_HEIGHT, `${window.innerHeight - box.top}px`);
      else root.style.removeProperty(STACK_HEIGHT);
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      root.style.removeProperty(STACK_HEIGHT);
    };
  }, []);

  const dismiss = useCallback((id: number) => {
    setItems((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (message: string, tone: ToastTone = 'info') => {
      const id = next.current++;
      setItems((list) => [
        ...(tone === 'success' ? list.filter((t) => t.tone !== 'error') : list).slice(-3),
        { id, tone, message },
      ]);
      setTimeout(() => dismiss(id), tone === 'error' ? DURATION_MS * 2 : DURATION_MS);
    },
    [dismiss],
  );

  const api = useMemo<ToastApi>(
    () => ({
      show,
      success: (m) => show(m, 'success'),
      error: (m) => show(m, 'error'),
      info: (m) => show(m, 'info'),
    }),
    [show],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" ref={stack}>
        <div aria-live="polite" className="toasts__region">
          {items
            .filter((t) => t.tone !== 'error')
            .map((t) => (
              <Toast key={t.id} item={t} onDismiss={dismiss} />
            ))}
        </div>
        <div aria-live="assertive" className="toasts__region">
          {items
            .filter((t) => t.tone === 'error')
            .map((t) => (
              <Toast key={t.id} item={t} onDismiss={dismiss} />
            ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  return (
    <div className={`toast toast--${item.tone}`} role={item.tone === 'error' ? 'alert' : 'status'}>
      <span aria-hidden="true">{ICONS[item.tone]}</span>
      <span className="toast__message">{item.message}</span>
      <button
        type="button"
        className="icon-button"
        onClick={() => onDismiss(item.id)}
        aria-label="סגירת ההודעה"
      >
        ✕
      </button>
    </div>
  );
}
