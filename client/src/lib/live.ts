/**
 * The app's live messages from notification-service (`/user/queue/live`, ADR 0028): the bell's
 * new notifications and read marks, and "changed" hints that tell a screen to refetch instead of
 * polling. The socket (due-alerts) feeds this bus; screens listen to it. Lives in lib so that any
 * feature may listen without depending on the socket's feature.
 */
export type LiveMessage =
  | { type: 'notification:new'; unreadCount: number; notification: unknown }
  | { type: 'notification:read'; unreadCount: number; id: string | null; all: boolean }
  | { type: 'timeline:changed'; customerId: string | null }
  | { type: 'whatsapp:changed'; customerId: string | null }
  | { type: 'calls:changed'; customerId: string | null };

type Listener = (message: LiveMessage) => void;
type ConnectedListener = (connected: boolean) => void;

const KNOWN = new Set([
  'notification:new',
  'notification:read',
  'timeline:changed',
  'whatsapp:changed',
  'calls:changed',
]);

export function parseLive(body: string): LiveMessage | null {
  try {
    const value = JSON.parse(body) as { type?: unknown };
    return typeof value.type === 'string' && KNOWN.has(value.type) ? (value as LiveMessage) : null;
  } catch {
    return null;
  }
}

class LiveBus {
  private readonly listeners = new Set<Listener>();
  private readonly connectedListeners = new Set<ConnectedListener>();
  private isConnected = false;

  get connected(): boolean {
    return this.isConnected;
  }

  emit(message: LiveMessage): void {
    this.listeners.forEach((l) => l(message));
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The socket is (re)connected or lost; on a reconnect listeners refetch what they may have missed. */
  setConnected(connected: boolean): void {
    if (connected === this.isConnected) return;
    this.isConnected = connected;
    this.connectedListeners.forEach((l) => l(connected));
  }

  onConnected(listener: ConnectedListener): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }
}

export const live = new LiveBus();
