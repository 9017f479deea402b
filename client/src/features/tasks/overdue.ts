import type { Task } from './api';

/** A task not done whose due time has passed: "באיחור" wherever it is shown. */
export function isOverdue(t: Pick<Task, 'status' | 'dueAt'>, now: number = Date.now()): boolean {
  return t.status !== 'done' && t.dueAt !== null && Date.parse(t.dueAt) < now;
}
