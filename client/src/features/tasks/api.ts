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

export const taskKeys = {
  all: ['tasks'] as const,
  forCustomer: (customerId: string) => ['tasks', 'customer', customerId] as const,
};

export function listTasks(params: Record<string, string | number | undefined>) {
  return api<Page<Task>>(`/api/tasks${query(params)}`);
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
