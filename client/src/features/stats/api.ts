import { api, query } from '../../lib/api';

/** timeline-service's statistics (SPEC C9, ADR 0005): money is integer agorot with VAT, in ILS. */
export interface StatsRange {
  /** Local dates, inclusive: YYYY-MM-DD. */
  from: string;
  to: string;
}

export interface StatsSummary extends StatsRange {
  calls: { answeredByAi: number; answeredByAgent: number; missed: number; outbound: number };
  leads: { total: number; bySource: Record<string, number> };
  /** `open` and `overdue` are as of now, whatever the range. */
  tasks: { created: number; completed: number; open: number; overdue: number };
  contracts: { signed: number; signedAgorot: number };
  invoices: {
    issued: number;
    issuedAgorot: number;
    issuedVatAgorot: number;
    paid: number;
    paidAgorot: number;
    paidVatAgorot: number;
  };
  currency: string;
}

export interface CallsDay {
  date: string;
  answeredByAi: number;
  answeredByAgent: number;
  missed: number;
  outbound: number;
}

export interface CallsPerDay extends StatsRange {
  days: CallsDay[];
}

export interface LeadsBySource extends StatsRange {
  total: number;
  sources: { source: string; count: number }[];
}

export interface InvoicesDay {
  date: string;
  issued: number;
  issuedAgorot: number;
  issuedVatAgorot: number;
  paid: number;
  paidAgorot: number;
  paidVatAgorot: number;
}

export interface InvoicesPerDay extends StatsRange {
  currency: string;
  days: InvoicesDay[];
}

export interface TasksDay {
  date: string;
  created: number;
  completed: number;
}

export interface TasksPerDay extends StatsRange {
  open: number;
  overdue: number;
  days: TasksDay[];
}

export const statsKeys = {
  all: ['stats'] as const,
  one: (name: string, range: StatsRange) => ['stats', name, range.from, range.to] as const,
};

const get = <T>(name: string, range: StatsRange) =>
  api<T>(`/api/stats/${name}${query({ from: range.from, to: range.to })}`);

export const getSummary = (range: StatsRange) => get<StatsSummary>('summary', range);
export const getCallsPerDay = (range: StatsRange) => get<CallsPerDay>('calls-per-day', range);
export const getLeadsBySource = (range: StatsRange) => get<LeadsBySource>('leads-by-source', range);
export const getInvoicesPerDay = (range: StatsRange) => get<InvoicesPerDay>('invoices', range);
export const getTasksPerDay = (range: StatsRange) => get<TasksPerDay>('tasks', range);
