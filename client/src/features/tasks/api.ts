import { api, query, type Page } from '../../lib/api';

export type TaskChannel = 'call' | 'whatsapp' | 'meeting' | 'email' | 'other';
export type TaskPriority = 'low' | 'medium' | 'high';
export type TaskStatus = 'open' | 'in_progress' | 'done';

export interface Task {
  id: string;
  title: string;
  notes: string | null;
  customerId: string | null;
  customerName: string | null;
  customerPhone: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  channel: TaskChannel;
  priority: TaskPriority;
  status: TaskStatus;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The call this task calls back, when a call made it (ADR 0027). */
  callId?: string | null;
}

export interface CreateTaskInput {
  title: string;
  notes?: string;
  customerId?: string;
  assigneeId?: string;
  dueAt?: string;
  channel?: TaskChannel;
  priority?: TaskPriority;
}

export const SNOOZE_MINUTES = [5, 15, 60] as const;
export type SnoozeMinutes = (typeof SNOOZE_MINUTES)[number];

export interface UpdateTaskInput extends Partial<CreateTaskInput> {
  status?: TaskStatus;
}

export interface TaskSummary {
  open: number;
  overdue: number;
  today: number;
  thisWeek: number;
}

export type TaskListParams = Record<string, string | number | boolean | undefined>;

export const taskKeys = {
  all: ['tasks'] as const,
  forCustomer: (customerId: string) => ['tasks', 'customer', customerId] as const,
  list: (params: TaskListParams) => ['tasks', 'list', params] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
  summary: (mine: boolean) => ['tasks', 'summary', mine] as const,
};

export function listTasks(params: TaskListParams, signal?: AbortSignal) {
  return api<Page<Task>>(`/api/tasks${query(params)}`, signal ? { signal } : {});
}

export function getTask(id: string) {
  return api<Task>(`/api/tasks/${encodeURIComponent(id)}`);
}

export function taskSummary(mine: boolean) {
  return api<TaskSummary>(`/api/tasks/summary${query({ mine: mine || undefined })}`);
}

export function updateTask(id: string, input: UpdateTaskInput) {
  return api<Task>(`/api/tasks/${encodeURIComponent(id)}`, { method: 'PATCH', json: input });
}

export function createTask(input: CreateTaskInput) {
  return api<Task>('/api/tasks', { method: 'POST', json: input });
}

export function snoozeTask(id: string, minutes: SnoozeMinutes) {
  return api<Task>(`/api/tasks/${encodeURIComponent(id)}/snooze`, {
    method: 'POST',
    json: { minutes },
  });
}

export function completeTask(id: string) {
  return api<Task>(`/api/tasks/${encodeURIComponent(id)}/done`, { method: 'POST' });
}
