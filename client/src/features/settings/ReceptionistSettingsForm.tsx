import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input, Select, TextArea } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import {
  callKeys,
  getCallSettings,
  saveCallSettings,
  type CallSettings,
  type ReceptionistMode,
} from '../calls/api';
import './settings.css';

const PROVIDERS: Record<string, string> = {
  twilio: 'Twilio (שיחות)',
  whatsapp: 'WhatsApp',
  openai: 'OpenAI (תמלול ותשובה)',
  googleTts: 'Google (הקראה)',
};

const MODES = [
  { value: 'streaming', label: 'שיחה זורמת: המזכירה עונה תוך פחות משנייה ואפשר לקטוע אותה' },
  { value: 'record', label: 'הקלטה ותשובה: המתקשר מדבר, מקיש כוכבית ומחכה לתשובה' },
];

/** Google he-IL voices ConversationRelay speaks with. */
const VOICES = [
  { value: 'he-IL-Wavenet-A', label: 'קול נשי א׳' },
  { value: 'he-IL-Wavenet-C', label: 'קול נשי ב׳' },
  { value: 'he-IL-Wavenet-B', label: 'קול גברי א׳' },
  { value: 'he-IL-Wavenet-D', label: 'קול גברי ב׳' },
];

export function ReceptionistSettingsForm() {
  const settings = useQuery({ queryKey: callKeys.settings, queryFn: getCallSettings });
  if (settings.isPending) return <Skeleton lines={5} />;
  if (settings.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את הגדרות המזכירה"
        description={errorMessage(settings.error)}
      />
    );
  }
  return <ReceptionistForm key={settings.data.updatedAt ?? 'default'} initial={settings.data} />;
}

function ReceptionistForm({ initial }: { initial: CallSettings }) {
  const [greeting, setGreeting] = useState(initial.greeting);
  const [prompt, setPrompt] = useState(initial.prompt);
  const [forwardTo, setForwardTo] = useState(formatPhone(initial.forwardTo));
  const [mode, setMode] = useState<ReceptionistMode>(initial.mode);
  const [voice, setVoice] = useState(initial.voice);
  const [handoffNumber, setHandoffNumber] = useState(formatPhone(initial.handoffNumber));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: saveCallSettings,
    onSuccess: (saved, sent) => {
      queryClient.setQueryData(callKeys.settings, saved);
      setGreeting(saved.greeting);
      setPrompt(saved.prompt);
      setForwardTo(formatPhone(saved.forwardTo));
      setMode(saved.mode);
      setVoice(saved.voice);
      setHandoffNumber(formatPhone(saved.handoffNumber));
      setErrors({});
      toast.success(
        sent.greeting === '' && sent.prompt === ''
          ? 'הפתיח וההנחיות הוחזרו לברירת המחדל'
          : 'הגדרות המזכירה נשמרו',
      );
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate({
      greeting: greeting.trim(),
      prompt: prompt.trim(),
      forwardTo: forwardTo.trim(),
      mode,
      voice,
      handoffNumber: handoffNumber.trim(),
    });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="הגדרות המזכירה הדיגיטלית">
      <div className="settings-providers">
        {initial.sandbox ? (
          <Badge tone="warning">מצב ארגז חול: חלק מהספקים אינם מחוברים</Badge>
        ) : (
          <Badge tone="success">כל הספקים מחוברים</Badge>
        )}
        <ul className="settings-providers__list">
          {Object.entries(initial.providers).map(([key, live]) => (
            <li key={key}>
              <Badge tone={live ? 'success' : 'neutral'}>
                {PROVIDERS[key] ?? key}: {live ? 'מחובר' : 'ארגז חול'}
              </Badge>
            </li>
          ))}
        </ul>
      </div>
      <Select
        label="אופן המענה"
        hint="אם השיחה הזורמת נכשלת, השיחה ממשיכה בהקלטה ותשובה"
        options={MODES}
        error={errors.mode}
        value={mode}
        onChange={(e) => setMode(e.target.value as ReceptionistMode)}
      />
      {mode === 'streaming' ? (
        <>
          <Select
            label="קול המזכירה"
            options={VOICES}
            error={errors.voice}
            value={voice}
            onChange={(e) => setVoice(e.target.value)}
          />
          <Input
            label="מספר להעברה לנציג"
            type="tel"
            dir="ltr"
            placeholder="050-1234567"
            hint="כשמתקשר מבקש לדבר עם אדם, השיחה מועברת לכאן והנציג שומע סיכום קצר (ריק: המספר להעברת שיחות)"
            maxLength={32}
            error={errors.handoffNumber}
            value={handoffNumber}
            onChange={(e) => setHandoffNumber(e.target.value)}
          />
        </>
      ) : null}
      <TextArea
        label="פתיח"
        hint={`מה שהמתקשרים שומעים כשהמזכירה עונה (עד 600 תווים)${initial.customGreeting ? '' : ' · ברירת מחדל'}`}
        rows={3}
        maxLength={600}
        error={errors.greeting}
        value={greeting}
        onChange={(e) => setGreeting(e.target.value)}
      />
      <TextArea
        label="הנחיות למזכירה"
        hint={`איך לענות ומה לשאול (עד 4000 תווים)${initial.customPrompt ? '' : ' · ברירת מחדל'}`}
        rows={7}
        maxLength={4000}
        error={errors.prompt}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
      />
      <Input
        label="מספר להעברת שיחות"
        type="tel"
        dir="ltr"
        placeholder="050-1234567"
        hint="לחיוג מהמערכת: הטלפון הזה מצלצל קודם ואז מחובר הלקוח"
        maxLength={32}
        error={errors.forwardTo}
        value={forwardTo}
        onChange={(e) => setForwardTo(e.target.value)}
      />
      <div className="settings-actions">
        <Button type="submit" variant="primary" loading={save.isPending}>
          שמירת הגדרות המזכירה
        </Button>
        <Button
          disabled={save.isPending || (!initial.customGreeting && !initial.customPrompt)}
          onClick={() => save.mutate({ greeting: '', prompt: '', forwardTo: forwardTo.trim() })}
        >
          חזרה לברירת המחדל
        </Button>
        {initial.updatedAt ? (
          <span className="muted">עודכן {formatDateTime(initial.updatedAt)}</span>
        ) : null}
      </div>
    </form>
  );
}
