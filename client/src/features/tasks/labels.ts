import type { BadgeTone } from '../../components/Badge';
import type { TaskChannel, TaskPriority, TaskStatus } from './api';

export const CHANNEL_LABELS: Record<TaskChannel, string> = {
  call: 'שיחה',
  whatsapp: 'WhatsApp',
  meeting: 'פגישה',
  email: 'אימייל',
  other: 'אחר',
};

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: 'נמוכה',
  medium: 'בינונית',
  high: 'גבוהה',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'פתוחה',
  in_progress: 'בטיפול',
  done: 'בוצעה',
};

export const PRIORITY_TONES: Record<TaskPriority, BadgeTone> = {
  low: 'neutral',
  medium: 'info',
  high: 'danger',
};

export const TASK_STATUS_TONES: Record<TaskStatus, BadgeTone> = {
  open: 'primary',
  in_progress: 'warning',
  done: 'success',
};
