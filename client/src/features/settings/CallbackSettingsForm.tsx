import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input, Select } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { useUsers } from '../../hooks/useUsers';
import { ApiError, errorMessage } from '../../lib/api';
import {
  callbackKeys,
  DAYS,
  getCallbackSettings,
  saveCallbackSettings,
  type CallbackSettings,
  type Day,
} from './api';
import './settings.css';

interface DayDraft {
  open: boolean;
  from: string;
  to: string;
}

interface Draft {
  responseMinutes: string;
  onDutyUserId: string;
  days: Record<Day, DayDraft>;
}

function toDraft(s: CallbackSettings): Draft {
  const days = {} as Record<Day, DayDraft>;
  for (const { id } of DAYS) {
    const hours = s.businessHours[id];
    days[id] = hours
      ? { open: true, from: hours.open, to: hours.close }
      : { open: false, from: '09:00', to: '18:00' };
  }
  return {
    responseMinutes: String(s.responseMinutes),
    onDutyUserId: s.onDutyUserId ?? '',
    days,
  };
}

/**
 * The owner's call-back rule (ADR 0027): how soon a promised or missed call is called back, in
 * business hours, and who is on duty when the customer has no owner.
 */
export function CallbackSettingsForm() {
  const settings = useQuery({ queryKey: callbackKeys.settings, queryFn: getCallbackSettings });
  if (settings.isPending) return <Skeleton lines={4} />;
  if (settings.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את הגדרות החזרה ללקוחות"
        description={errorMessage(settings.error)}
      />
    );
  }
  return <CallbackForm initial={settings.data} />;
}

function CallbackForm({ initial }: { initial: CallbackSettings }) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const users = useUsers();
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: saveCallbackSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(callbackKeys.settings, saved);
      setDraft(toDraft(saved));
      setErrors({});
      toast.success('הגדרות החזרה ללקוחות נשמרו');
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const minutes = Number(draft.responseMinutes);
    const found: Record<string, string> = {};
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      found.responseMinutes = 'זמן התגובה הוא בין דקה אחת ל־1440 דקות';
    }
    for (const { id, label } of DAYS) {
      const day = draft.days[id];
      if (day.open && !(day.from < day.to)) {
        found[`businessHours.${id}`] = `ביום ${label} שעת הסגירה חייבת להיות אחרי שעת הפתיחה`;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const businessHours: CallbackSettings['businessHours'] = {};
    for (const { id } of DAYS) {
      const day = draft.days[id];
      businessHours[id] = day.open ? { open: day.from, close: day.to } : null;
    }
    save.mutate({
      responseMinutes: minutes,
      onDutyUserId: draft.onDutyUserId || null,
      businessHours,
    });
  };

  const setDay = (id: Day, change: Partial<DayDraft>) =>
    setDraft({ ...draft, days: { ...draft.days, [id]: { ...draft.days[id], ...change } } });

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="חזרה ללקוחות">
      <p className="form-grid__wide muted">
        שיחה שבה הובטח שנציג יחזור, ושיחה שלא נענתה, יוצרות משימת חזרה לנציג של הלקוח, ואם אין כזה
        לנציג התורן. זמן התגובה נספר רק בשעות הפעילות.
      </p>
      <Input
        label="זמן תגובה (דקות)"
        inputMode="numeric"
        dir="ltr"
        required
        error={errors.responseMinutes}
        value={draft.responseMinutes}
        onChange={(e) => setDraft({ ...draft, responseMinutes: e.target.value })}
      />
      <Select
        label="נציג תורן"
        placeholder="ללא (בעלי החשבון)"
        options={(users.data ?? [])
          .filter((u) => u.active)
          .map((u) => ({ value: u.id, label: u.name }))}
        error={errors.onDutyUserId}
        value={draft.onDutyUserId}
        onChange={(e) => setDraft({ ...draft, onDutyUserId: e.target.value })}
      />
      <fieldset className="form-grid__wide business-hours">
        <legend>שעות פעילות</legend>
        {DAYS.map(({ id, label }) => {
          const day = draft.days[id];
          return (
            <div key={id} className="business-hours__day">
              <label className="business-hours__toggle">
                <input
                  type="checkbox"
                  checked={day.open}
                  onChange={(e) => setDay(id, { open: e.target.checked })}
                />
                {label}
              </label>
              <Input
                label={`פתיחה ביום ${label}`}
                hideLabel
                type="time"
                dir="ltr"
                disabled={!day.open}
                value={day.from}
                onChange={(e) => setDay(id, { from: e.target.value })}
              />
              <Input
                label={`סגירה ביום ${label}`}
                hideLabel
                type="time"
                dir="ltr"
                disabled={!day.open}
                error={errors[`businessHours.${id}`]}
                value={day.to}
                onChange={(e) => setDay(id, { to: e.target.value })}
              />
            </div>
          );
        })}
      </fieldset>
      <div className="form-grid__wide settings-actions">
        <Button type="submit" variant="primary" loading={save.isPending}>
          שמירת הגדרות החזרה
        </Button>
      </div>
    </form>
  );
}
