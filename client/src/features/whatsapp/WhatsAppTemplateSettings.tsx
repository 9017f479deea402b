import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, type BadgeTone } from '../../components/Badge';
import { Select } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { api, errorMessage } from '../../lib/api';
import { getPurposes, whatsappKeys, type Purpose, type PurposeTemplate } from './api';

/** A template of the Twilio account, with WhatsApp's approval (Twilio Content API). */
interface Template {
  sid: string;
  friendlyName: string;
  language: string | null;
  body: string;
  whatsappStatus: string;
  rejectionReason: string | null;
}

const PURPOSES: { purpose: Purpose; label: string }[] = [
  { purpose: 'opening', label: 'פתיחת שיחה' },
  { purpose: 'task_follow_up', label: 'מעקב אחרי משימה' },
  { purpose: 'signing_link', label: 'שליחת קישור לחתימה' },
  { purpose: 'invoice', label: 'שליחת חשבונית' },
];

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  approved: { label: 'מאושרת', tone: 'success' },
  pending: { label: 'ממתינה לאישור', tone: 'warning' },
  received: { label: 'ממתינה לאישור', tone: 'warning' },
  rejected: { label: 'נדחתה', tone: 'danger' },
  paused: { label: 'מושהית', tone: 'warning' },
  disabled: { label: 'מושבתת', tone: 'danger' },
  unsubmitted: { label: 'לא הוגשה לאישור', tone: 'neutral' },
};

/**
 * The owner picks which approved WhatsApp template serves each purpose (ADR 0029): outside the
 * 24-hour window only these go out.
 */
export function WhatsAppTemplateSettings() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const templates = useQuery({
    queryKey: whatsappKeys.templates,
    queryFn: ({ signal }) => api<Template[]>('/api/whatsapp/templates', { signal }),
  });
  const purposes = useQuery({
    queryKey: whatsappKeys.purposes,
    queryFn: ({ signal }) => getPurposes(signal),
  });
  const choose = useMutation({
    mutationFn: ({ purpose, contentSid }: { purpose: Purpose; contentSid: string }) =>
      api<PurposeTemplate>(`/api/whatsapp/templates/purposes/${purpose}`, {
        method: 'PUT',
        json: { contentSid },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: whatsappKeys.purposes });
      toast.success('התבנית נשמרה');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (templates.isPending || purposes.isPending) return <Skeleton lines={4} />;
  if (templates.isError) {
    return (
      <div className="alert alert--danger" role="alert">
        {errorMessage(templates.error)}
      </div>
    );
  }
  const approved = templates.data.filter((t) => t.whatsappStatus === 'approved');
  const chosen = new Map((purposes.data ?? []).map((p) => [p.purpose, p.contentSid]));
  return (
    <div className="settings__section">
      <p className="muted">
        מחוץ לחלון של 24 שעות מאז שהלקוח כתב, WhatsApp מקבל רק תבנית מאושרת. בחרו איזו תבנית משמשת
        לכל מטרה; {'{{1}}'} הוא שם הלקוח.
      </p>
      {PURPOSES.map(({ purpose, label }) => (
        <Select
          key={purpose}
          label={label}
          placeholder="לא נבחרה תבנית"
          value={chosen.get(purpose) ?? ''}
          options={approved.map((t) => ({ value: t.sid, label: `${t.friendlyName}: ${t.body}` }))}
          onChange={(e) => {
            if (e.target.value) choose.mutate({ purpose, contentSid: e.target.value });
          }}
        />
      ))}
      <h3>התבניות בחשבון</h3>
      <ul className="plain-list" aria-label="תבניות WhatsApp">
        {templates.data.map((t) => {
          const status = STATUS[t.whatsappStatus] ?? {
            label: t.whatsappStatus,
            tone: 'neutral' as const,
          };
          return (
            <li key={t.sid}>
              <strong>{t.friendlyName}</strong> <Badge tone={status.tone}>{status.label}</Badge>
              <p className="muted">{t.body}</p>
              {t.rejectionReason ? <p className="muted">סיבת הדחייה: {t.rejectionReason}</p> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
