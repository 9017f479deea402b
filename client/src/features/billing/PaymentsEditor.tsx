import { Button } from '../../components/Button';
import { DateField, Input, Select } from '../../components/Field';
import { formatShekels, parseShekels } from '../../lib/money';
import { options } from '../../lib/options';
import {
  CARD_COMPANY_LABELS,
  PAYMENT_METHOD_LABELS,
  emptyPayment,
  type CardCompany,
  type DraftPayment,
  type PaymentErrors,
  type PaymentMethod,
} from './payments';
import './billing.css';

export interface PaymentsEditorProps {
  payments: DraftPayment[];
  onChange: (payments: DraftPayment[]) => void;
  /** What is still owed (a receipt) or the document's total (a tax invoice-receipt). */
  dueAgorot: number;
  /** The day a new payment line is dated. */
  today: string;
  errors?: PaymentErrors;
}

/** What a cheque is identified by, in the order it is printed on it. */
const CHEQUE_NUMBERS = [
  { field: 'bankNumber', label: 'מספר בנק', maxLength: 3 },
  { field: 'branchNumber', label: 'מספר סניף', maxLength: 4 },
  { field: 'accountNumber', label: 'מספר חשבון', maxLength: 15 },
  { field: 'chequeNumber', label: 'מספר המחאה', maxLength: 10 },
] as const;

/**
 * The payments of a receipt or tax invoice-receipt: each with its method and what that method needs
 * (a cheque's bank, branch, account, number and due date; a card's last four digits, company and
 * installments; a transfer's, Bit's or other's reference), and the sum against what is due.
 */
export function PaymentsEditor({
  payments,
  onChange,
  dueAgorot,
  today,
  errors = {},
}: PaymentsEditorProps) {
  const update = (key: string, patch: Partial<DraftPayment>) =>
    onChange(payments.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const entered = payments.reduce((sum, p) => sum + (parseShekels(p.amount) ?? 0), 0);
  const left = dueAgorot - entered;

  return (
    <div className="payments">
      <ol className="payments__list" aria-label="אמצעי התשלום">
        {payments.map((p, index) => {
          const e = errors[p.key] ?? {};
          const n = index + 1;
          return (
            <li key={p.key} className="payments__row" data-payment={n}>
              <Select
                label={`אמצעי תשלום ${n}`}
                options={options(PAYMENT_METHOD_LABELS)}
                value={p.method}
                onChange={(ev) => update(p.key, { method: ev.target.value as PaymentMethod })}
              />
              <Input
                label={`סכום תשלום ${n} (₪)`}
                inputMode="decimal"
                dir="ltr"
                placeholder="0.00"
                value={p.amount}
                error={e.amount}
                onChange={(ev) => update(p.key, { amount: ev.target.value })}
              />
              <DateField
                label={`תאריך תשלום ${n}`}
                value={p.date}
                error={e.date}
                onChange={(value) => update(p.key, { date: value })}
              />
              {p.method === 'cheque' ? (
                <>
                  {CHEQUE_NUMBERS.map(({ field, label, maxLength }) => (
                    <Input
                      key={field}
                      label={label}
                      inputMode="numeric"
                      dir="ltr"
                      maxLength={maxLength}
                      value={p[field]}
                      error={e[field]}
                      onChange={(ev) => update(p.key, { [field]: ev.target.value })}
                    />
                  ))}
                  <DateField
                    label="תאריך פירעון"
                    value={p.chequeDueDate}
                    error={e.chequeDueDate}
                    onChange={(value) => update(p.key, { chequeDueDate: value })}
                  />
                </>
              ) : null}
              {p.method === 'credit_card' ? (
                <>
                  <Input
                    label="4 ספרות אחרונות"
                    inputMode="numeric"
                    dir="ltr"
                    maxLength={4}
                    value={p.cardLast4}
                    error={e.cardLast4}
                    onChange={(ev) => update(p.key, { cardLast4: ev.target.value })}
                  />
                  <Select
                    label="חברת אשראי"
                    placeholder="לא צוין"
                    options={options(CARD_COMPANY_LABELS)}
                    value={p.cardCompany}
                    onChange={(ev) =>
                      update(p.key, { cardCompany: ev.target.value as CardCompany })
                    }
                  />
                  <Input
                    label="מספר תשלומים"
                    inputMode="numeric"
                    dir="ltr"
                    value={p.installments}
                    error={e.installments}
                    onChange={(ev) => update(p.key, { installments: ev.target.value })}
                  />
                </>
              ) : null}
              {p.method !== 'cheque' && p.method !== 'credit_card' && p.method !== 'cash' ? (
                <Input
                  label="אסמכתה"
                  dir="ltr"
                  maxLength={50}
                  value={p.reference}
                  error={e.reference}
                  onChange={(ev) => update(p.key, { reference: ev.target.value })}
                />
              ) : null}
              <Button
                size="sm"
                variant="ghost"
                className="payments__remove"
                aria-label={`הסרת תשלום ${n}`}
                disabled={payments.length === 1}
                onClick={() => onChange(payments.filter((x) => x.key !== p.key))}
              >
                ✕
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        size="sm"
        icon="+"
        disabled={payments.length >= 20}
        onClick={() => onChange([...payments, emptyPayment(Math.max(left, 0), today)])}
      >
        הוספת אמצעי תשלום
      </Button>
      <p className="payments__sum" role="status">
        סה״כ תשלומים: <strong>{formatShekels(entered)}</strong> מתוך {formatShekels(dueAgorot)}
        {left > 0 ? ` · נותרו ${formatShekels(left)}` : ''}
        {left < 0 ? ` · חריגה של ${formatShekels(-left)}` : ''}
      </p>
    </div>
  );
}
