import { useState, type SyntheticEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Button } from '../../components/Button';
import { Input } from '../../components/Field';
import { useSession } from '../../hooks/useSession';
import { ApiError, errorMessage } from '../../lib/api';
import { login } from '../../lib/auth';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { ResendVerification } from './ResendVerification';
import './auth.css';

export function LoginPage() {
  const session = useSession();
  const location = useLocation();
  useDocumentTitle('כניסה');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [unverified, setUnverified] = useState(false);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/customers';

  if (session) return <Navigate to={from} replace />;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setUnverified(false);
    setBusy(true);
    try {
      await login(email.trim(), password);
    } catch (e) {
      setError(errorMessage(e));
      setUnverified(e instanceof ApiError && e.code === 'email_not_verified');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)}>
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true">
            AL
          </span>
          <div>
            <h1 className="login__title">AgentLocator</h1>
            <p className="muted">ה-CRM של המשרד, עם מזכירה חכמה בטלפון</p>
          </div>
        </div>
        <h2 className="login__heading">כניסה לחשבון</h2>
        {error ? (
          <div className="alert alert--danger" role="alert">
            {error}
          </div>
        ) : null}
        {unverified ? <ResendVerification email={email.trim()} /> : null}
        <Input
          label="אימייל"
          type="email"
          dir="ltr"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Input
          label="סיסמה"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="primary" size="lg" loading={busy}>
          כניסה
        </Button>
        <p>
          <Link to="/forgot-password">שכחתי סיסמה</Link>
        </p>
        <p>
          משרד חדש? <Link to="/signup">פתיחת חשבון</Link>
        </p>
      </form>
    </main>
  );
}
