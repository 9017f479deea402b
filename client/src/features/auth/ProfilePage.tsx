import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { Input } from '../../components/Field';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../../hooks/useSession';
import { api, ApiError, errorMessage } from '../../lib/api';
import { setSession } from '../../lib/session';
import { ErrorAlert, SuccessAlert } from './AccountCard';
import { accountKeys } from './accountApi';

interface AccountSession {
  id: string;
  startedAt: string;
  lastUsedAt: string;
  expiresAt: string;
}

const dateTime = new Intl.DateTimeFormat('he-IL', { dateStyle: 'medium', timeStyle: 'short' });

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}

function topMessage(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) return null;
  return errorMessage(error);
}

function PasswordSection() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [saved, setSaved] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      api('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword } }),
    onSuccess: () => {
      setSaved(true);
      setCurrent('');
      setNew('');
    },
  });
  return (
    <section className="card stack" aria-labelledby="profile-password">
      <h2 id="profile-password">שינוי סיסמה</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          change.mutate();
        }}
      >
        <ErrorAlert message={topMessage(change.error)} />
        {saved ? <SuccessAlert>הסיסמה שונתה.</SuccessAlert> : null}
        <Input
          label="הסיסמה הנוכחית"
          type="password"
          dir="ltr"
          required
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={fieldError(change.error, 'currentPassword')}
        />
        <Input
          label="סיסמה חדשה"
          type="password"
          dir="ltr"
          required
          autoComplete="new-password"
          hint="8 עד 128 תווים. סיסמאות נפוצות אינן מתקבלות."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={fieldError(change.error, 'newPassword')}
        />
        <div>
          <Button type="submit" variant="primary" loading={change.isPending}>
            שמירת הסיסמה
          </Button>
        </div>
      </form>
    </section>
  );
}

function EmailSection({ email }: { email: string }) {
  const [currentPassword, setCurrent] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () =>
      api('/api/auth/email', { method: 'POST', json: { currentPassword, newEmail } }),
    onSuccess: () => {
      setSentTo(newEmail.trim());
      setCurrent('');
    },
  });
  return (
    <section className="card stack" aria-labelledby="profile-email">
      <h2 id="profile-email">כתובת האימייל</h2>
      <p>
        הכתובת הנוכחית: <bdi dir="ltr">{email}</bdi>
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setSentTo(null);
          change.mutate();
        }}
      >
        <ErrorAlert message={topMessage(change.error)} />
        {sentTo ? (
          <SuccessAlert>
            שלחנו קישור לאישור אל <bdi dir="ltr">{sentTo}</bdi>. עד שתאשרו, נכנסים עם הכתובת
            הנוכחית.
          </SuccessAlert>
        ) : null}
        <Input
          label="כתובת חדשה"
          type="email"
          dir="ltr"
          required
          autoComplete="email"
          value={newEmail}
          onChange={(e) => setNewEmail(e.target.value)}
          error={fieldError(change.error, 'newEmail')}
        />
        <Input
          label="הסיסמה הנוכחית"
          type="password"
          dir="ltr"
          required
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={fieldError(change.error, 'currentPassword')}
        />
        <div>
          <Button type="submit" variant="primary" loading={change.isPending}>
            שליחת קישור לאישור
          </Button>
        </div>
      </form>
    </section>
  );
}

function SessionsSection() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: accountKeys.sessions,
    queryFn: () => api<{ items: AccountSession[] }>('/api/auth/sessions'),
  });
  const end = useMutation({
    mutationFn: (id: string) => api(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
  const everywhere = useMutation({
    mutationFn: () => api('/api/auth/sessions/sign-out-everywhere', { method: 'POST' }),
    onSuccess: () => {
      setSession(null);
      queryClient.clear();
      void navigate('/login', { replace: true });
    },
  });
  return (
    <section className="card stack" aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">מכשירים מחוברים</h2>
      <ErrorAlert message={topMessage(sessions.error ?? end.error ?? everywhere.error)} />
      {sessions.data ? (
        <ul className="stack">
          {sessions.data.items.map((s) => (
            <li key={s.id} className="row">
              <span>
                התחברות ב-{dateTime.format(new Date(s.startedAt))}, פעילות אחרונה{' '}
                {dateTime.format(new Date(s.lastUsedAt))}
              </span>
              <Button
                variant="ghost"
                size="sm"
                loading={end.isPending && end.variables === s.id}
                onClick={() => end.mutate(s.id)}
              >
                ניתוק
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p role="status">טוען…</p>
      )}
      <div>
        <Button variant="danger" loading={everywhere.isPending} onClick={() => everywhere.mutate()}>
          יציאה מכל המכשירים
        </Button>
      </div>
    </section>
  );
}

export function ProfilePage() {
  useDocumentTitle('הפרופיל שלי');
  const session = useSession();
  return (
    <div className="stack">
      <h1>הפרופיל שלי</h1>
      <PasswordSection />
      <EmailSection email={session?.user.email ?? ''} />
      <SessionsSection />
    </div>
  );
}
