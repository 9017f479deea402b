import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import { useParams } from 'react-router';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Input } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { Totals } from '../../components/Totals';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { formatShekels } from '../../lib/money';
import { decline, getSigning, LINK_PROBLEMS, sign, signingKeys, type SigningView } from './api';
import { hasInk, strokesToSvg, svgDataUrl, typedSignaturePng, type Stroke } from './signature';
import { SignaturePad } from './SignaturePad';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import './signing.css';

/**
 * The public signing page (`/sign/:token`, billing-service's `signing-path`): no login, no app
 * shell, made for a phone first. Shows the document, takes a drawn signature and the signer's
 * name, and says plainly when the link cannot be used.
 */
export function SignPage() {
  const { token = '' } = useParams();
  const view = useQuery({
    queryKey: signingKeys.link(token),
    queryFn: () => getSigning(token),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  useDocumentTitle(view.data ? `חתימה על ${view.data.document.title}` : 'חתימה על מסמך');
  const [outcome, setOutcome] = useState<{ kind: 'signed' | 'declined'; at: string } | null>(null);

  let body;
  if (outcome) {
    body = (
      <div className="sign-page__done" role="status">
        <span className="sign-page__done-icon" aria-hidden="true">
          {outcome.kind === 'signed' ? '✅' : '👋'}
        </span>
        <h1 className="sign-page__title">
          {outcome.kind === 'signed' ? 'המסמך נחתם בהצלחה' : 'סירבת לחתום על המסמך'}
        </h1>
        <p>
          {outcome.kind === 'signed'
            ? `החתימה נקלטה ב-${formatDateTime(outcome.at)}. העסק קיבל עותק חתום של המסמך, ואפשר לסגור את הדף.`
            : 'העסק יקבל הודעה על כך. אפשר לסגור את הדף.'}
        </p>
      </div>
    );
  } else if (view.isPending) {
    body = <Skeleton lines={8} />;
  } else if (view.isError) {
    const code = view.error instanceof ApiError ? view.error.code : '';
    const problem = LINK_PROBLEMS[code];
    body = (
      <EmptyState
        icon={problem?.icon ?? '⚠️'}
        title={problem?.title ?? 'לא הצלחנו לפתוח את המסמך'}
        description={problem?.description ?? errorMessage(view.error)}
        action={problem ? undefined : <Button onClick={() => void view.refetch()}>נסו שוב</Button>}
      />
    );
  } else {
    body = (
      <SigningForm
        token={token}
        view={view.data}
        onDone={(kind) => setOutcome({ kind, at: new Date().toISOString() })}
      />
    );
  }

  return (
    <main className="sign-page" id="main">
      <div className="sign-page__inner">{body}</div>
    </main>
  );
}

function SigningForm({
  token,
  view,
  onDone,
}: {
  token: string;
  view: SigningView;
  onDone: (kind: 'signed' | 'declined') => void;
}) {
  const doc = view.document;
  const [name, setName] = useState(doc.customerName);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmDecline, setConfirmDecline] = useState(false);
  // Typing the name instead of drawing: the keyboard's way to sign.
  const [typed, setTyped] = useState(false);
  const padId = useId();

  const submit = useMutation({
    mutationFn: () => {
      const signature = typed
        ? typedSignaturePng(name)
        : svgDataUrl(strokesToSvg(strokes, size.width, size.height));
      if (!signature) throw new Error('no canvas');
      return sign(token, {
        signature,
        signerName: name.trim(),
        documentSha256: view.documentSha256,
      });
    },
    onSuccess: () => onDone('signed'),
    onError: (error) => {
      setErrors({
        form: errorMessage(error),
        ...(error instanceof ApiError ? error.fieldErrors : {}),
      });
    },
  });
  const refuse = useMutation({
    mutationFn: () => decline(token),
    onSuccess: () => onDone('declined'),
    onError: (error) => {
      setConfirmDecline(false);
      setErrors({ form: errorMessage(error) });
    },
  });

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.signerName = 'יש להזין את שמך המלא';
    if (!typed && !hasInk(strokes)) next.signature = 'יש לחתום במשטח החתימה';
    if (!agreed) next.agreed = 'יש לאשר שקראת את המסמך';
    setErrors(next);
    if (Object.keys(next).length === 0) submit.mutate();
  };

  return (
    <>
      <header className="sign-page__header">
        <p className="sign-page__business">
          {doc.businessName ?? 'מסמך לחתימה'}
          {doc.businessId ? <span className="muted"> · ע.מ. {doc.businessId}</span> : null}
        </p>
        <h1 className="sign-page__title">{doc.title}</h1>
        <p className="muted">
          עבור {doc.customerName} · הקישור בתוקף עד {formatDateTime(view.expiresAt)}
        </p>
      </header>

      <section className="card sign-page__document" aria-label="המסמך">
        <table className="doc-lines">
          <caption className="visually-hidden">שורות המסמך</caption>
          <thead>
            <tr>
              <th scope="col">תיאור</th>
              <th scope="col">כמות</th>
              <th scope="col">מחיר</th>
              <th scope="col">סה״כ</th>
            </tr>
          </thead>
          <tbody>
            {doc.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.description}</td>
                <td>{line.quantity.toLocaleString('he-IL')}</td>
                <td>{formatShekels(line.unitPriceAgorot)}</td>
                <td>{formatShekels(line.totalAgorot)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Totals
          subtotalAgorot={doc.subtotalAgorot}
          vatAgorot={doc.vatAgorot}
          totalAgorot={doc.totalAgorot}
          vatRateBasisPoints={doc.vatRateBasisPoints}
        />
        {doc.terms ? (
          <>
            <h2 className="card__subtitle">תנאים</h2>
            <p className="notes">{doc.terms}</p>
          </>
        ) : null}
      </section>

      <form
        className="card sign-page__form"
        onSubmit={onSubmit}
        noValidate
        aria-label="חתימה על המסמך"
      >
        <Input
          label="שם מלא"
          autoComplete="name"
          value={name}
          maxLength={200}
          error={errors.signerName}
          onChange={(e) => setName(e.target.value)}
        />
        <div className={`field${errors.signature ? ' field--invalid' : ''}`}>
          <p className="field__label" id={padId}>
            חתימה
          </p>
          {typed ? (
            <p className="signature-typed" aria-labelledby={padId}>
              {name.trim() || 'השם שלך'}
            </p>
          ) : (
            <>
              <p className="field__hint">ציירו את החתימה באצבע, בעט או בעכבר.</p>
              <SignaturePad
                strokes={strokes}
                onChange={setStrokes}
                onResize={setSize}
                disabled={submit.isPending}
              />
            </>
          )}
          {errors.signature ? (
            <p className="field__error" role="alert">
              {errors.signature}
            </p>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={typed}
            onClick={() => {
              setTyped(!typed);
              setErrors({});
            }}
          >
            {typed ? 'חזרה לציור חתימה' : 'הקלדת השם במקום ציור'}
          </Button>
        </div>
        <label className="checkbox sign-page__agree">
          <input
            type="checkbox"
            checked={agreed}
            aria-invalid={errors.agreed ? true : undefined}
            onChange={(e) => setAgreed(e.target.checked)}
          />
          <span>קראתי את המסמך ואני מאשר/ת אותו בחתימתי</span>
        </label>
        {errors.agreed ? (
          <p className="field__error" role="alert">
            {errors.agreed}
          </p>
        ) : null}
        {errors.form ? (
          <div className="alert alert--danger" role="alert">
            {errors.form}
          </div>
        ) : null}
        <Button
          type="submit"
          variant="primary"
          size="lg"
          loading={submit.isPending}
          className="sign-page__submit"
        >
          חתימה ואישור
        </Button>
        <Button variant="ghost" onClick={() => setConfirmDecline(true)} disabled={submit.isPending}>
          אינני מעוניין/ת לחתום
        </Button>
      </form>

      {confirmDecline ? (
        <Dialog
          open
          title="לסרב לחתום על המסמך?"
          onClose={() => setConfirmDecline(false)}
          footer={
            <>
              <Button onClick={() => setConfirmDecline(false)} data-autofocus>
                חזרה למסמך
              </Button>
              <Button variant="danger" loading={refuse.isPending} onClick={() => refuse.mutate()}>
                סירוב לחתימה
              </Button>
            </>
          }
        >
          <p>לאחר הסירוב הקישור לא יפעל עוד, והעסק יקבל הודעה.</p>
        </Dialog>
      ) : null}
    </>
  );
}
