import { Client, ReconnectionTimeMode, type IMessage, type StompConfig } from '@stomp/stompjs';
import { getAccessToken } from '../../lib/api';
import { live, parseLive } from '../../lib/live';

/** The `task:due` message on `/user/queue/task-due` (notification-service TaskDueMessage). */
export interface TaskDueMessage {
  type: 'task:due';
  notificationId: string;
  taskId: string;
  title: string;
  customerId: string | null;
  customerName: string | null;
  customerPhone: string | null;
  dueAt: string | null;
}

export type SocketStatus = 'idle' | 'connecting' | 'connected' | 'disconnected';

type TaskDueListener = (message: TaskDueMessage) => void;
type StatusListener = (status: SocketStatus) => void;

export const TASK_DUE_DESTINATION = '/user/queue/task-due';
/** The bell's notifications and the screens' "changed" hints (ADR 0028), handed to `live`. */
export const LIVE_DESTINATION = '/user/queue/live';

/** How many alert ids a tab remembers; far more than can stand at once (a few minutes' worth). */
const REMEMBERED_ALERTS = 500;

export function socketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function parseTaskDue(body: string): TaskDueMessage | null {
  try {
    const value = JSON.parse(body) as Partial<TaskDueMessage>;
    if (typeof value.taskId !== 'string' || typeof value.title !== 'string') return null;
    return {
      type: 'task:due',
      notificationId: value.notificationId ?? value.taskId,
      taskId: value.taskId,
      title: value.title,
      customerId: value.customerId ?? null,
      customerName: value.customerName ?? null,
      customerPhone: value.customerPhone ?? null,
      dueAt: value.dueAt ?? null,
    };
  } catch {
    return null;
  }
}

export interface SocketOptions {
  url?: string;
  getToken?: () => Promise<string | null>;
  /** First reconnect delay; doubles on each failure up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** For tests: builds the STOMP client. */
  createClient?: (config: StompConfig) => Client;
}

/**
 * The app's one STOMP connection to notification-service (`/ws` through the gateway). The JWT
 * goes in the CONNECT frame's Authorization header, fetched fresh before every (re)connect so
 * an expired token is refreshed rather than refused. Reconnects with exponential back-off.
 */
export class RealtimeSocket {
  private client: Client | null = null;
  private readonly taskDue = new Set<TaskDueListener>();
  private readonly statusListeners = new Set<StatusListener>();
  /** Ids of the alerts handed to the listeners, oldest first. */
  private readonly received = new Set<string>();
  private currentStatus: SocketStatus = 'idle';

  constructor(private readonly options: SocketOptions = {}) {}

  get status(): SocketStatus {
    return this.currentStatus;
  }

  start(): void {
    if (this.client) return;
    const getToken = this.options.getToken ?? getAccessToken;
    const config: StompConfig = {
      brokerURL: this.options.url ?? socketUrl(),
      reconnectDelay: this.options.initialDelayMs ?? 1000,
      maxReconnectDelay: this.options.maxDelayMs ?? 30_000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      beforeConnect: async (client: Client) => {
        this.setStatus('connecting');
        const token = await getToken();
        if (!token) {
          await client.deactivate();
          this.setStatus('idle');
          return;
        }
        client.connectHeaders = { Authorization: `Bearer ${token}` };
      },
      onConnect: () => {
        this.setStatus('connected');
        this.client?.subscribe(TASK_DUE_DESTINATION, (message: IMessage) => {
          const due = parseTaskDue(message.body);
          // On every (re)subscribe the server sends the alerts that still stand, so one this tab
          // showed before a reconnect arrives again: the same notification, not shown twice.
          if (due && !this.received.has(due.notificationId)) this.deliver(due);
        });
        this.client?.subscribe(LIVE_DESTINATION, (message: IMessage) => {
          const parsed = parseLive(message.body);
          if (parsed) live.emit(parsed);
        });
        live.setConnected(true);
      },
      onWebSocketClose: () => {
        if (this.client?.active) this.setStatus('disconnected');
      },
      onStompError: () => this.setStatus('disconnected'),
    };
    this.client = this.options.createClient
      ? this.options.createClient(config)
      : new Client(config);
    this.client.activate();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.deactivate();
    this.setStatus('idle');
  }

  /** Hands an alert that arrived another way (a notification click) to the same listeners. */
  deliver(message: TaskDueMessage): void {
    this.remember(message.notificationId);
    this.taskDue.forEach((l) => l(message));
  }

  onTaskDue(listener: TaskDueListener): () => void {
    this.taskDue.add(listener);
    return () => this.taskDue.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private remember(notificationId: string): void {
    this.received.add(notificationId);
    if (this.received.size > REMEMBERED_ALERTS) {
      const oldest = this.received.values().next().value;
      if (oldest !== undefined) this.received.delete(oldest);
    }
  }

  private setStatus(status: SocketStatus): void {
    if (status !== 'connected') live.setConnected(false);
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.statusListeners.forEach((l) => l(status));
  }
}

/** The app-wide connection. */
export const socket = new RealtimeSocket();
