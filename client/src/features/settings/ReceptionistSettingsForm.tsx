import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input, TextArea } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { callKeys, getCallSettings, saveCallSettings, type CallSettings } from '../calls/api';
import './settings.css';

const PROVIDERS: Record<string, string> = {
  twilio: 'Twilio (שיחות)',
  whatsapp: 'WhatsApp',
  openai: 'OpenAI (תמלול ותשובה)',
  googleTts: 'Google (הקראה)',
};

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
    save.mutate({ greeting: greeting.trim(), prompt: prompt.trim(), forwardTo: forwardTo.trim() });
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
