import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import {
  buyNumber,
  connectAccount,
  connectNumber,
  disconnectAccount,
  disconnectNumber,
  getAccountNumbers,
  getAvailableNumbers,
  getNumberHealth,
  getNumberSetup,
  numberKeys,
  placeTestCall,
  type NumberSetup,
  type NumberView,
} from './api';
import './numbers.css';

/**
 * Settings → Numbers: the office connects its own phone number — through its own Twilio account or
 * by buying one on the platform's — and sees whether Twilio really reaches the receptionist.
 */
export function NumbersSettings() {
  const setup = useQuery({ queryKey: numberKeys.setup, queryFn: getNumberSetup });
  if (setup.isPending) return <Skeleton lines={5} />;
  if (setup.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את הגדרות המספרים"
        description={errorMessage(setup.error)}
      />
    );
  }
  const data = setup.data;
  return (
    <div className="stack numbers-settings">
      {data.sandbox ? (
        <p className="numbers-settings__sandbox" role="status">
          <Badge tone="warning">מצב ארגז חול</Badge> אין חשבון Twilio מחובר: שיחות והודעות נשמרות
          במערכת אבל לא נשלחות באמת. חברו חשבון Twilio משלכם כדי לקבל שיחות למספר של המשרד.
        </p>
      ) : null}
      <ConnectedNumbers numbers={data.numbers} />
      <OwnAccount setup={data} />
      {data.platformAvailable ? <BuyNumber /> : null}
    </div>
  );
}

function ConnectedNumbers({ numbers }: { numbers: NumberView[] }) {
  return (
    <section className="stack" aria-labelledby="numbers-connected">
      <h2 id="numbers-connected" className="numbers-settings__title">
        המספרים של המשרד
      </h2>
      {numbers.length === 0 ? (
        <p className="muted">עדיין לא חובר מספר. בחרו מספר מהחשבון שלכם או רכשו מספר חדש.</p>
      ) : (
        <ul className="numbers-list">
          {numbers.map((n) => (
            <ConnectedNumber key={n.phone} number={n} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ConnectedNumber({ number }: { number: NumberView }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [showHealth, setShowHealth] = useState(false);
  const health = useQuery({
    queryKey: numberKeys.health(number.phone),
    queryFn: () => getNumberHealth(number.phone),
    enabled: showHealth,
  });
  const disconnect = useMutation({
    mutationFn: () => disconnectNumber(number.phone),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: numberKeys.setup });
      toast.success('המספר נותק וההגדרות הקודמות שלו הוחזרו');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const test = useMutation({
    mutationFn: () => placeTestCall(number.phone),
    onSuccess: () => toast.success('שיחת בדיקה יוצאת עכשיו למספר. המזכירה אמורה לענות.'),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const shown = formatPhone(number.phone);
  return (
    <li className="numbers-list__item">
      <div className="numbers-list__head">
        <span dir="ltr" className="numbers-list__phone">
          {shown}
        </span>
        {number.label ? <span>{number.label}</span> : null}
        <Badge tone="info">
          {number.source === 'own' ? 'דרך החשבון שלכם' : 'דרך חשבון המערכת'}
        </Badge>
        {number.connectedAt ? (
          <span className="muted">חובר {formatDateTime(number.connectedAt)}</span>
        ) : null}
      </div>
      <div className="settings-actions">
        <Button size="sm" aria-expanded={showHealth} onClick={() => setShowHealth((v) => !v)}>
          {showHealth ? 'הסתרת מצב המספר' : 'מצב המספר'}
        </Button>
        <Button size="sm" loading={test.isPending} onClick={() => test.mutate()}>
          בדיקת המזכירה
        </Button>
        <Button
          size="sm"
          variant="danger"
          loading={disconnect.isPending}
          aria-label={`ניתוק המספר ${shown}`}
          onClick={() => disconnect.mutate()}
        >
          ניתוק
        </Button>
      </div>
      {showHealth ? (
        <div className="numbers-health" aria-live="polite">
          {health.isPending ? <Skeleton lines={3} /> : null}
          {health.isError ? <p role="alert">{errorMessage(health.error)}</p> : null}
          {health.data ? (
            <dl className="numbers-health__list">
              <dt>הפניות (webhooks)</dt>
              <dd>
                {health.data.webhooksPointHere ? (
                  <Badge tone="success">מכוונות למערכת</Badge>
                ) : (
                  <Badge tone="danger">אינן מכוונות למערכת</Badge>
                )}
              </dd>
              <dt>שיחה אחרונה שהתקבלה</dt>
              <dd>
                {health.data.lastCallAt
                  ? formatDateTime(health.data.lastCallAt)
                  : 'עדיין לא התקבלה'}
              </dd>
              <dt>חתימות שנדחו ביממה האחרונה</dt>
              <dd>
                <Badge tone={health.data.signatureFailuresLastDay > 0 ? 'warning' : 'success'}>
                  {health.data.signatureFailuresLastDay}
                </Badge>
              </dd>
            </dl>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function OwnAccount({ setup }: { setup: NumberSetup }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [accountSid, setAccountSid] = useState('');
  const [authToken, setAuthToken] = useState('');
  const [apiKeySid, setApiKeySid] = useState('');
  const [apiKeySecret, setApiKeySecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: connectAccount,
    onSuccess: () => {
      setAuthToken('');
      setApiKeySecret('');
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: numberKeys.setup });
      toast.success('חשבון Twilio חובר. בחרו מספר מהחשבון.');
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });
  const remove = useMutation({
    mutationFn: disconnectAccount,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: numberKeys.setup });
      toast.success('חשבון Twilio נותק');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate({
      accountSid: accountSid.trim(),
      authToken: authToken.trim(),
      ...(apiKeySid.trim()
        ? { apiKeySid: apiKeySid.trim(), apiKeySecret: apiKeySecret.trim() }
        : {}),
    });
  };

  return (
    <section className="stack" aria-labelledby="numbers-own">
      <h2 id="numbers-own" className="numbers-settings__title">
        חשבון Twilio משלכם
      </h2>
      {setup.account ? (
        <>
          <p>
            מחובר לחשבון <span dir="ltr">{setup.account.accountSid}</span>
            {setup.account.apiKeySid ? (
              <>
                {' '}
                (מפתח API <span dir="ltr">{setup.account.apiKeySid}</span>)
              </>
            ) : null}
          </p>
          <AccountNumbers connected={setup.numbers} />
          <div className="settings-actions">
            <Button variant="ghost" loading={remove.isPending} onClick={() => remove.mutate()}>
              ניתוק החשבון
            </Button>
          </div>
        </>
      ) : null}
      <form className="stack" onSubmit={submit} noValidate aria-label="חיבור חשבון Twilio">
        <p className="muted">
          את הפרטים תמצאו בלוח הבקרה של Twilio. הם נשמרים מוצפנים. ה-Auth Token נדרש תמיד, כי Twilio
          חותמת בו כל פנייה למערכת.
        </p>
        <Input
          label="Account SID"
          dir="ltr"
          autoComplete="off"
          placeholder="AC…"
          maxLength={34}
          required
          error={errors.accountSid}
          value={accountSid}
          onChange={(e) => setAccountSid(e.target.value)}
        />
        <Input
          label="Auth Token"
          type="password"
          dir="ltr"
          autoComplete="off"
          maxLength={64}
          required
          error={errors.authToken}
          value={authToken}
          onChange={(e) => setAuthToken(e.target.value)}
        />
        <Input
          label="API Key SID (רשות)"
          dir="ltr"
          autoComplete="off"
          placeholder="SK…"
          maxLength={34}
          hint="עם מפתח API הפניות ל-Twilio נעשות במפתח במקום ב-Auth Token"
          error={errors.apiKeySid}
          value={apiKeySid}
          onChange={(e) => setApiKeySid(e.target.value)}
        />
        {apiKeySid.trim() ? (
          <Input
            label="הסוד של מפתח ה-API"
            type="password"
            dir="ltr"
            autoComplete="off"
            maxLength={128}
            error={errors.apiKeySecret}
            value={apiKeySecret}
            onChange={(e) => setApiKeySecret(e.target.value)}
          />
        ) : null}
        <div className="settings-actions">
          <Button type="submit" variant="primary" loading={save.isPending}>
            {setup.account ? 'עדכון פרטי החשבון' : 'חיבור החשבון'}
          </Button>
        </div>
      </form>
    </section>
  );
}

function AccountNumbers({ connected }: { connected: NumberView[] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const numbers = useQuery({ queryKey: numberKeys.accountNumbers, queryFn: getAccountNumbers });
  const connect = useMutation({
    mutationFn: connectNumber,
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: numberKeys.setup });
      toast.success(`המספר ${formatPhone(n.phone)} חובר. שיחות אליו יגיעו למזכירה.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  if (numbers.isPending) return <Skeleton lines={2} />;
  if (numbers.isError) return <p role="alert">{errorMessage(numbers.error)}</p>;
  if (numbers.data.length === 0) return <p className="muted">אין מספרים בחשבון Twilio הזה.</p>;
  const taken = new Set(connected.map((n) => n.phone));
  return (
    <ul className="numbers-list" aria-label="המספרים בחשבון Twilio שלכם">
      {numbers.data.map((n) => (
        <li key={n.sid} className="numbers-list__item numbers-list__head">
          <span dir="ltr" className="numbers-list__phone">
            {formatPhone(n.phoneNumber)}
          </span>
          {taken.has(n.phoneNumber) ? (
            <Badge tone="success">מחובר</Badge>
          ) : (
            <Button
              size="sm"
              loading={connect.isPending && connect.variables === n.sid}
              disabled={connect.isPending}
              aria-label={`חיבור המספר ${formatPhone(n.phoneNumber)}`}
              onClick={() => connect.mutate(n.sid)}
            >
              חיבור
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

function BuyNumber() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [type, setType] = useState<'local' | 'mobile'>('local');
  const [open, setOpen] = useState(false);
  const available = useQuery({
    queryKey: numberKeys.available(type),
    queryFn: () => getAvailableNumbers(type),
    enabled: open,
  });
  const buy = useMutation({
    mutationFn: buyNumber,
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: numberKeys.setup });
      void queryClient.invalidateQueries({ queryKey: numberKeys.available(type) });
      toast.success(`המספר ${formatPhone(n.phone)} נרכש וחובר למזכירה`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <section className="stack" aria-labelledby="numbers-buy">
      <h2 id="numbers-buy" className="numbers-settings__title">
        רכישת מספר ישראלי
      </h2>
      <fieldset className="numbers-type">
        <legend>סוג המספר</legend>
        <label>
          <input
            type="radio"
            name="number-type"
            checked={type === 'local'}
            onChange={() => setType('local')}
          />{' '}
          קווי
        </label>
        <label>
          <input
            type="radio"
            name="number-type"
            checked={type === 'mobile'}
            onChange={() => setType('mobile')}
          />{' '}
          נייד
        </label>
      </fieldset>
      {!open ? (
        <div className="settings-actions">
          <Button onClick={() => setOpen(true)}>הצגת מספרים זמינים</Button>
        </div>
      ) : null}
      {open && available.isPending ? <Skeleton lines={3} /> : null}
      {open && available.isError ? <p role="alert">{errorMessage(available.error)}</p> : null}
      {open && available.data ? (
        available.data.length === 0 ? (
          <p className="muted">אין כרגע מספרים זמינים מהסוג הזה.</p>
        ) : (
          <ul className="numbers-list" aria-label="מספרים זמינים לרכישה">
            {available.data.map((n) => (
              <li key={n.phoneNumber} className="numbers-list__item numbers-list__head">
                <span dir="ltr" className="numbers-list__phone">
                  {formatPhone(n.phoneNumber)}
                </span>
                {n.locality ? <span className="muted">{n.locality}</span> : null}
                <Button
                  size="sm"
                  loading={buy.isPending && buy.variables === n.phoneNumber}
                  disabled={buy.isPending}
                  aria-label={`רכישת המספר ${formatPhone(n.phoneNumber)}`}
                  onClick={() => buy.mutate(n.phoneNumber)}
                >
                  רכישה
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
