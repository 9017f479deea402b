import type { ReactNode } from 'react';
import './auth.css';

/** The card every public account page (signup, links from the mail) shows, like the login. */
export function AccountCard({
  heading,
  children,
  onSubmit,
}: {
  heading: string;
  children: ReactNode;
  onSubmit?: () => void;
}) {
  const body = (
    <>
      <div className="login__brand">
        <span className="brand-mark" aria-hidden="true">
          AL
        </span>
        <div>
          <p className="login__title">AgentLocator</p>
          <p className="muted">ה-CRM של המשרד, עם מזכירה חכמה בטלפון</p>
        </div>
      </div>
      <h1 className="login__heading">{heading}</h1>
      {children}
    </>
  );
  return (
    <main className="login">
      {onSubmit ? (
        <form
          className="login__card"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        <div className="login__card">{body}</div>
      )}
    </main>
  );
}

export function ErrorAlert({ message }: { message: string | null }) {
  return message ? (
    <div className="alert alert--danger" role="alert">
      {message}
    </div>
  ) : null;
}

export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <div className="alert" role="status">
      {children}
    </div>
  );
}
