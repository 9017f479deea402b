import type { TimelineKind } from './api';

export const KIND_META: Record<TimelineKind, { label: string; icon: string }> = {
  call: { label: 'שיחות', icon: '📞' },
  whatsapp: { label: 'WhatsApp', icon: '💬' },
  task: { label: 'משימות', icon: '📝' },
  contract: { label: 'הצעות וחוזים', icon: '📄' },
  signature: { label: 'חתימות', icon: '✍️' },
  invoice: { label: 'חשבוניות', icon: '🧾' },
  customer: { label: 'כרטיס לקוח', icon: '👤' },
};

export const KIND_ORDER: TimelineKind[] = [
  'call',
  'whatsapp',
  'task',
  'contract',
  'signature',
  'invoice',
  'customer',
];
