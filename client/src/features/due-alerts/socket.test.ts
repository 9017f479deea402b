import type { Client, StompConfig } from '@stomp/stompjs';
import { ReconnectionTimeMode } from '@stomp/stompjs';
import { describe, expect, it, vi } from 'vitest';
import {
  LIVE_DESTINATION,
  parseTaskDue,
  RealtimeSocket,
  socketUrl,
  TASK_DUE_DESTINATION,
  type TaskDueMessage,
} from './socket';
import { live, type LiveMessage } from '../../lib/live';

type Config = StompConfig;

/** A stand-in for the STOMP client that records what the socket configured. */
function fakeClient() {
  const state: {
    config: Config | null;
    subscribed: string[];
    deliver: ((body: string) => void) | null;
    deliverLive: ((body: string) => void) | null;
    activated: number;
    deactivated: number;
  } = {
    config: null,
    subscribed: [],
    deliver: null,
    deliverLive: null,
    activated: 0,
    deactivated: 0,
  };
  const client = {
    active: true,
    connectHeaders: {} as Record<string, string>,
    activate: () => {
      state.activated++;
    },
    deactivate: () => {
      state.deactivated++;
      return Promise.resolve();
    },
    subscribe: (destination: string, callback: (m: { body: string }) => void) => {
      state.subscribed.push(destination);
      if (destination === TASK_DUE_DESTINATION) state.deliver = (body) => callback({ body });
      else state.deliverLive = (body) => callback({ body });
      return { id: 'sub-0', unsubscribe: () => undefined };
    },
  };
  const create = (config: Config) => {
    state.config = config;
    return client as unknown as Client;
  };
  return { state, client, create };
}

const message: TaskDueMessage = {
  type: 'task:due',
  notificationId: 'n1',
  taskId: 't1',
  title: 'לחזור לאבי',
  customerId: 'c1',
  customerName: 'אבי לוי',
  customerPhone: '+972501234567',
  dueAt: '2026-11-25T10:00:00Z',
};

describe('RealtimeSocket', () => {
  it('sends a fresh token in CONNECT and backs off exponentially when it reconnects', async () => {
    const fake = fakeClient();
    const getToken = vi.fn().mockResolvedValueOnce('token-1').mockResolvedValueOnce('token-2');
    const socket = new RealtimeSocket({
      url: 'ws://x/ws',
      getToken,
      createClient: fake.create,
      initialDelayMs: 500,
      maxDelayMs: 8000,
    });
    socket.start();
    const config = fake.state.config as Config;
    expect(config.brokerURL).toBe('ws://x/ws');
    expect(config.reconnectTimeMode).toBe(ReconnectionTimeMode.EXPONENTIAL);
    expect(config.reconnectDelay).toBe(500);
    expect(config.maxReconnectDelay).toBe(8000);
    expect(fake.state.activated).toBe(1);

    await config.beforeConnect?.(fake.client as unknown as Client);
    expect(fake.client.connectHeaders).toEqual({ Authorization: 'Bearer token-1' });
    expect(socket.status).toBe('connecting');
    await config.beforeConnect?.(fake.client as unknown as Client);
    expect(fake.client.connectHeaders).toEqual({ Authorization: 'Bearer token-2' });
  });

  it('subscribes to the user queue on connect and hands task:due to listeners', () => {
    const fake = fakeClient();
    const socket = new RealtimeSocket({
      getToken: () => Promise.resolve('t'),
      createClient: fake.create,
      url: 'ws://x/ws',
    });
    const received: TaskDueMessage[] = [];
    const statuses: string[] = [];
    socket.onTaskDue((m) => received.push(m));
    socket.onStatus((s) => statuses.push(s));
    socket.start();
    (fake.state.config as Config).onConnect?.({} as never);
    expect(fake.state.subscribed).toEqual([TASK_DUE_DESTINATION, LIVE_DESTINATION]);
    expect(socket.status).toBe('connected');
    fake.state.deliver?.(JSON.stringify(message));
    fake.state.deliver?.('not json');
    expect(received).toEqual([message]);
    (fake.state.config as Config).onWebSocketClose?.({});
    expect(statuses).toEqual(['connected', 'disconnected']);
  });

  it('hands live messages to the bus and tells it when the socket is up or down', () => {
    const fake = fakeClient();
    const socket = new RealtimeSocket({
      getToken: () => Promise.resolve('t'),
      createClient: fake.create,
      url: 'ws://x/ws',
    });
    const messages: LiveMessage[] = [];
    const connected: boolean[] = [];
    const off = live.on((m) => messages.push(m));
    const offConnected = live.onConnected((c) => connected.push(c));
    socket.start();
    const config = fake.state.config as Config;
    config.onConnect?.({} as never);
    fake.state.deliverLive?.(JSON.stringify({ type: 'timeline:changed', customerId: 'c1' }));
    fake.state.deliverLive?.(JSON.stringify({ type: 'something:else' }));
    fake.state.deliverLive?.('not json');
    config.onWebSocketClose?.({});
    expect(messages).toEqual([{ type: 'timeline:changed', customerId: 'c1' }]);
    expect(connected).toEqual([true, false]);
    off();
    offConnected();
  });

  it('shows an alert the server sends again after a reconnect only once', () => {
    const fake = fakeClient();
    const socket = new RealtimeSocket({
      getToken: () => Promise.resolve('t'),
      createClient: fake.create,
      url: 'ws://x/ws',
    });
    const received: TaskDueMessage[] = [];
    socket.onTaskDue((m) => received.push(m));
    socket.start();
    const config = fake.state.config as Config;
    config.onConnect?.({} as never);
    fake.state.deliver?.(JSON.stringify(message));
    // notification-service restarted: the tab reconnects and gets what still stands
    config.onWebSocketClose?.({});
    config.onConnect?.({} as never);
    fake.state.deliver?.(JSON.stringify(message));
    // the same task falling due again (after a snooze) is a new notification
    const again = { ...message, notificationId: 'n2', dueAt: '2026-11-25T10:10:00Z' };
    fake.state.deliver?.(JSON.stringify(again));

    expect(received).toEqual([message, again]);
  });

  it('gives up without a session instead of connecting anonymously', async () => {
    const fake = fakeClient();
    const socket = new RealtimeSocket({
      getToken: () => Promise.resolve(null),
      createClient: fake.create,
      url: 'ws://x/ws',
    });
    socket.start();
    await (fake.state.config as Config).beforeConnect?.(fake.client as unknown as Client);
    expect(fake.state.deactivated).toBe(1);
    expect(socket.status).toBe('idle');
  });

  it('stops cleanly and can start again', async () => {
    const fake = fakeClient();
    const socket = new RealtimeSocket({
      getToken: () => Promise.resolve('t'),
      createClient: fake.create,
      url: 'ws://x/ws',
    });
    socket.start();
    socket.start();
    expect(fake.state.activated).toBe(1);
    await socket.stop();
    expect(fake.state.deactivated).toBe(1);
    socket.start();
    expect(fake.state.activated).toBe(2);
  });
});

describe('socket helpers', () => {
  it('picks ws or wss from the page', () => {
    expect(socketUrl({ protocol: 'https:', host: 'app.example.com' })).toBe(
      'wss://app.example.com/ws',
    );
    expect(socketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
  });

  it('parses the server message and tolerates missing optional fields', () => {
    expect(parseTaskDue(JSON.stringify({ taskId: 't', title: 'x' }))).toEqual({
      type: 'task:due',
      notificationId: 't',
      taskId: 't',
      title: 'x',
      customerId: null,
      customerName: null,
      customerPhone: null,
      dueAt: null,
    });
    expect(parseTaskDue(JSON.stringify({ title: 'no task' }))).toBeNull();
  });
});
