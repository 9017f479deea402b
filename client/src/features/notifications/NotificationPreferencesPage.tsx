import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { errorMessage } from '../../lib/api';
import {
  getPreferences,
  notificationKeys,
  savePreferences,
  type NotificationPreferences,
} from './api';
import './notifications.css';

const DEFAULT_QUIET = { from: '22:00', to: '07:00' };

/** Each user's own choice of what reaches the bell, what also sends Web Push, and quiet hours. */
export function NotificationPreferencesPage() {
  useDocumentTitle('העדפות התראות');
  const query = useQuery({ queryKey: notificationKeys.preferences, queryFn: getPreferences });
  return (
    <section className="page notification-preferences">
      <header className="page__header">
        <h1 className="page__title">העדפות התראות</h1>
      </header>
      <div className="card">
        {query.isPending ? (
          <Skeleton lines={6} />
        ) : query.isError ? (
          <EmptyState
            icon="⚠️"
            title="לא הצלחנו לטעון את ההעדפות"
            description={errorMessage(query.error)}
          />
        ) : (
          <PreferencesForm saved={query.data} />
        )}
      </div>
    </section>
  );
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(saved);
  const [quietOn, setQuietOn] = useState(saved.quietHours !== null);
  const [quiet, setQuiet] = useState(saved.quietHours ?? DEFAULT_QUIET);
  const sameHours = quietOn && quiet.from === quiet.to;
  const save = useMutation({
    mutationFn: () => savePreferences({ kinds: draft.kinds, quietHours: quietOn ? quiet : null }),
    onSuccess: (next) => {
      queryClient.setQueryData(notificationKeys.preferences, next);
      setDraft(next);
      toast.success('ההעדפות נשמרו');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const setKind = (kind: string, change: { bell?: boolean; push?: boolean }) =>
    setDraft((d) => ({
      ...d,
      kinds: d.kinds.map((k) => {
        if (k.kind !== kind) return k;
        const next = { ...k, ...change };
        // Web Push comes on top of the bell: no bell, no push.
        return next.bell ? next : { ...next, push: false };
      }),
    }));

  return (
    <form
      className="notification-preferences__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!sameHours) save.mutate();
      }}
    >
      <table className="notification-preferences__table">
        <caption className="card__subtitle">
          בחרו אילו התראות יופיעו בפעמון, ואילו גם יישלחו כהתראת דחיפה לדפדפן כשהאפליקציה סגורה.
        </caption>
        <thead>
          <tr>
            <th scope="col">סוג ההתראה</th>
            <th scope="col">בפעמון</th>
            <th scope="col">התראת דחיפה</th>
          </tr>
        </thead>
        <tbody>
          {draft.kinds.map((k) => (
            <tr key={k.kind} data-kind={k.kind}>
              <th scope="row">{k.label}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${k.label}: בפעמון`}
                  checked={k.bell}
                  onChange={(e) => setKind(k.kind, { bell: e.target.checked })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${k.label}: התראת דחיפה`}
                  checked={k.push}
                  disabled={!k.bell}
                  onChange={(e) => setKind(k.kind, { push: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <fieldset className="notification-preferences__quiet">
        <legend>שעות שקט</legend>
        <label className="notification-preferences__toggle">
          <input type="checkbox" checked={quietOn} onChange={(e) => setQuietOn(e.target.checked)} />
          בלי התראות דחיפה בשעות השקט (שעון ישראל). הפעמון ממשיך להתעדכן.
        </label>
        {quietOn ? (
          <div className="notification-preferences__hours">
            <Input
              label="מהשעה"
              type="time"
              dir="ltr"
              value={quiet.from}
              onChange={(e) => setQuiet((q) => ({ ...q, from: e.target.value }))}
            />
            <Input
              label="עד השעה"
              type="time"
              dir="ltr"
              value={quiet.to}
              error={sameHours ? 'שעת הסיום חייבת להיות שונה משעת ההתחלה' : undefined}
              onChange={(e) => setQuiet((q) => ({ ...q, to: e.target.value }))}
            />
          </div>
        ) : null}
      </fieldset>

      <div className="notification-preferences__footer">
        <Button type="submit" disabled={save.isPending || sameHours}>
          {save.isPending ? 'שומר…' : 'שמירה'}
        </Button>
      </div>
    </form>
  );
}
