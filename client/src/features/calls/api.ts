import { api, query, type Page } from '../../lib/api';

export interface CallLog {
  id: string;
  customerId: string | null;
  customerName: string | null;
  callSid: string | null;
  from: string | null;
  to: string | null;
  direction: 'inbound' | 'outbound';
  status: string;
  durationSeconds: number | null;
  answeredBy: string | null;
  outcome: string | null;
  error: string | null;
  /** Never placed: the suite has no Twilio credentials. */
  sandbox: boolean;
  agentPhone: string | null;
  createdAt: string;
  completedAt: string | null;
  /** The receptionist's latest one-paragraph summary of the call. */
  summary?: string | null;
}

export interface CallTurn {
  id: string;
  recordingUrl: string | null;
  recordingSeconds: number | null;
  outcome: string | null;
  transcript: string | null;
  reply: string | null;
  replyAudioUrl: string | null;
  details: Record<string, unknown>;
  error: string | null;
  createdAt: string;
  /** 'streaming' for a ConversationRelay turn; 'record' for record-then-answer. */
  mode?: string;
  /** The tools the model called in a streaming turn, with what was kept. */
  toolCalls?: { name: string; ok: boolean; ms?: number }[];
  /** A streaming turn's timings in ms (promptToFirstTokenMs, totalMs, interrupted…). */
  timings?: Record<string, number | boolean | string> | null;
}

export interface CallDetail {
  call: CallLog;
  statusHistory: { status: string; at: string }[];
  turns: CallTurn[];
  transcript: string | null;
  details: Record<string, unknown>;
}

/**
 * The tenant's telephony settings: the AI receptionist (a field left out keeps its value, "" resets
 * it) and the forwarding number that click-to-call rings first.
 */
export interface CallSettings {
  greeting: string;
  prompt: string;
  forwardTo: string | null;
  customGreeting: boolean;
  customPrompt: boolean;
  updatedAt: string | null;
  sandbox: boolean;
  providers: Record<string, boolean>;
  /** Which receptionist answers: the streaming conversation, or record-then-answer (the fallback). */
  mode: ReceptionistMode;
  /** The voice Twilio speaks with in the streaming mode. */
  voice: string;
  /** Who a streaming call is handed to when the caller asks for a person (else forwardTo). */
  handoffNumber: string | null;
}

export type ReceptionistMode = 'record' | 'streaming';

/** The calls screen's filters: answered or missed, and days (ISO, both included). */
export interface CallListParams {
  page: number;
  limit: number;
  outcome: string;
  from: string;
  to: string;
}

export const callKeys = {
  list: (customerId: string, page: number) => ['calls', 'customer', customerId, page] as const,
  all: (params: CallListParams) => ['calls', 'all', params] as const,
  one: (id: string) => ['calls', 'one', id] as const,
  settings: ['calls', 'settings'] as const,
};

export function listCalls(customerId: string, page: number, signal?: AbortSignal) {
  return api<Page<CallLog>>(
    `/api/calls${query({ customerId, page, limit: 20, sort: '-createdAt' })}`,
    signal ? { signal } : {},
  );
}

/** Every call of the tenant, newest first, narrowed by the calls screen's filters. */
export function listAllCalls(params: CallListParams, signal?: AbortSignal) {
  return api<Page<CallLog>>(
    `/api/calls${query({ ...params, sort: '-createdAt' })}`,
    signal ? { signal } : {},
  );
}

/** By our id or Twilio's CallSid (the timeline links with the sid). */
export function getCall(idOrSid: string) {
  return api<CallDetail>(`/api/calls/${encodeURIComponent(idOrSid)}`);
}

/** Twilio serves a recording as audio when asked for a format. */
export function playableRecording(url: string): string {
  return /\.(mp3|wav)$/i.test(url) || !url.includes('twilio.com') ? url : `${url}.mp3`;
}

export function getCallSettings() {
  return api<CallSettings>('/api/calls/settings');
}

export function saveCallSettings(settings: {
  greeting: string;
  prompt: string;
  forwardTo: string;
  mode?: ReceptionistMode;
  voice?: string;
  handoffNumber?: string;
}) {
  return api<CallSettings>('/api/calls/settings', { method: 'PUT', json: settings });
}
