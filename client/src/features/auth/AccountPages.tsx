import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { Input } from '../../components/Field';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../../hooks/useSession';
import { ApiError, errorMessage } from '../../lib/api';
import { AccountCard, ErrorAlert, SuccessAlert } from './AccountCard';
import { ResendVerification } from './ResendVerification';
import {
  acceptInvitation,
  confirmEmail,
  forgotPassword,
  resetPassword,
  signup,
  verifyEmail,
} from './accountApi';

const PASSWORD_HINT = '8 עד 128 תווים. סיסמאות נפוצות אינן מתקבלות.';

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}

/** Errors of a form: the field errors go under their fields, anything else on top. */
function topMessage(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) return null;
  return errorMessage(error);
}

export function SignupPage() {
  useDocumentTitle('הרשמה');
  const session = useSession();
  const [form, setForm] = useState({ businessName: '', name: '', email: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (session) return <Navigate to="/customers" replace />;

  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await signup({ ...form, email: form.email.trim() });
      setSentTo(form.email.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <AccountCard heading="כמעט סיימנו">
        <SuccessAlert>
          שלחנו קישור לאישור הכתובת אל <bdi dir="ltr">{sentTo}</bdi>. פתחו אותו כדי להשלים את
          ההרשמה, ואז היכנסו לחשבון.
        </SuccessAlert>
        <ResendVerification email={sentTo} />
        <Link to="/login">למסך הכניסה</Link>
      </AccountCard>
    );
  }

  return (
    <AccountCard heading="פתיחת חשבון למשרד" onSubmit={() => void submit()}>
      <ErrorAlert message={topMessage(error)} />
      <Input
        label="שם העסק"
        required
        autoFocus
        autoComplete="organization"
        value={form.businessName}
        onChange={set('businessName')}
        error={fieldError(error, 'businessName')}
      />
      <Input
        label="השם שלך"
        required
        autoComplete="name"
        value={form.name}
        onChange={set('name')}
        error={fieldError(error, 'name')}
      />
      <Input
        label="אימייל"
        type="email"
        dir="ltr"
        required
        autoComplete="email"
        value={form.email}
        onChange={set('email')}
        error={fieldError(error, 'email')}
      />
      <Input
        label="סיסמה"
        type="password"
        dir="ltr"
        required
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={form.password}
        onChange={set('password')}
        error={fieldError(error, 'password')}
      />
      <Button type="submit" variant="primary" size="lg" loading={busy}>
        הרשמה
      </Button>
      <p>
        כבר יש לך חשבון? <Link to="/login">כניסה</Link>
      </p>
    </AccountCard>
  );
}

/**
 * Uses a link's token once on opening the page (a ref guards against React running the effect
 * twice), then shows what happened.
 */
function useLinkAction(action: (token: string) => Promise<void>) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'busy' | 'done' | 'failed'>(token ? 'busy' : 'failed');
  const [error, setError] = useState<string | null>(
    token ? null : 'הקישור אינו תקין. בקשו קישור חדש.',
  );
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    action(token).then(
      () => setState('done'),
      (e: unknown) => {
        setError(errorMessage(e));
        setState('failed');
      },
    );
  }, [action, token]);
  return { state, error };
}

export function VerifyEmailPage() {
  useDocumentTitle('אישור כתובת האימייל');
  const { state, error } = useLinkAction(verifyEmail);
  return (
    <AccountCard heading="אישור כתובת האימייל">
      {state === 'busy' ? <p role="status">מאשרים את הכתובת…</p> : null}
      {state === 'done' ? (
        <>
          <SuccessAlert>כתובת האימייל אושרה. אפשר להיכנס לחשבון.</SuccessAlert>
          <Link className="btn btn--primary btn--md" to="/login">
            כניסה
          </Link>
        </>
      ) : null}
      {state === 'failed' ? (
        <>
          <ErrorAlert message={error} />
          <Link to="/login">למסך הכניסה</Link>
        </>
      ) : null}
    </AccountCard>
  );
}

export function ConfirmEmailPage() {
  useDocumentTitle('אישור הכתובת החדשה');
  const { state, error } = useLinkAction(confirmEmail);
  return (
    <AccountCard heading="אישור כתובת האימייל החדשה">
      {state === 'busy' ? <p role="status">מאשרים את הכתובת…</p> : null}
      {state === 'done' ? (
        <SuccessAlert>הכתובת החדשה אושרה. מעכשיו נכנסים איתה.</SuccessAlert>
      ) : null}
      {state === 'failed' ? <ErrorAlert message={error} /> : null}
      <Link to="/login">למסך הכניסה</Link>
    </AccountCard>
  );
}

export function ForgotPasswordPage() {
  useDocumentTitle('שכחתי סיסמה');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await forgotPassword(email.trim());
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountCard heading="איפוס סיסמה" onSubmit={sent ? undefined : () => void submit()}>
      {sent ? (
        <SuccessAlert>
          אם הכתובת <bdi dir="ltr">{email.trim()}</bdi> רשומה אצלנו, שלחנו אליה קישור לבחירת סיסמה
          חדשה. הקישור בתוקף לשעה אחת.
        </SuccessAlert>
      ) : (
        <>
          <ErrorAlert message={topMessage(error)} />
          <Input
            label="אימייל"
            type="email"
            dir="ltr"
            required
            autoFocus
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError(error, 'email')}
          />
          <Button type="submit" variant="primary" size="lg" loading={busy}>
            שליחת קישור לאיפוס
          </Button>
        </>
      )}
      <Link to="/login">חזרה למסך הכניסה</Link>
    </AccountCard>
  );
}

/** A new password from a mailed link: a reset, or an invitation. */
function NewPasswordForm({
  heading,
  submitLabel,
  onSave,
  done,
}: {
  heading: string;
  submitLabel: string;
  onSave: (token: string, password: string) => Promise<void>;
  done: React.ReactNode;
}) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async () => {
    setError(null);
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    setBusy(true);
    try {
      await onSave(token, password);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (saved) return <AccountCard heading={heading}>{done}</AccountCard>;

  return (
    <AccountCard heading={heading} onSubmit={() => void submit()}>
      <ErrorAlert message={token ? topMessage(error) : 'הקישור אינו תקין. בקשו קישור חדש.'} />
      <Input
        label="סיסמה חדשה"
        type="password"
        dir="ltr"
        required
        autoFocus
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError(error, 'password')}
      />
      <Input
        label="הסיסמה שוב"
        type="password"
        dir="ltr"
        required
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={mismatch ? 'הסיסמאות אינן זהות' : undefined}
      />
      <Button type="submit" variant="primary" size="lg" loading={busy} disabled={!token}>
        {submitLabel}
      </Button>
    </AccountCard>
  );
}

export function ResetPasswordPage() {
  useDocumentTitle('בחירת סיסמה חדשה');
  return (
    <NewPasswordForm
      heading="בחירת סיסמה חדשה"
      submitLabel="שמירת הסיסמה"
      onSave={resetPassword}
      done={
        <>
          <SuccessAlert>הסיסמה נשמרה, ונותקתם מכל המכשירים. היכנסו עם הסיסמה החדשה.</SuccessAlert>
          <Link to="/login">כניסה</Link>
        </>
      }
    />
  );
}

export function AcceptInvitationPage() {
  useDocumentTitle('הצטרפות לצוות');
  const navigate = useNavigate();
  return (
    <NewPasswordForm
      heading="הצטרפות לצוות"
      submitLabel="הצטרפות"
      onSave={async (token, password) => {
        await acceptInvitation(token, password);
        void navigate('/customers', { replace: true });
      }}
      done={<SuccessAlert>ברוכים הבאים!</SuccessAlert>}
    />
  );
}
