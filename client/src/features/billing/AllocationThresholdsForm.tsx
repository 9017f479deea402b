import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { DateField, Input } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { ApiError, api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { agorotToInput, formatShekels, parseShekels } from '../../lib/money';
import './billing.css';

interface Threshold {
  /** ISO day from which it applies (the Israeli issue date decides). */
  effectiveFrom: string;
  thresholdAgorot: number;
}

interface ThresholdSchedule {
  customized: boolean;
  thresholds: Threshold[];
  legalDefault: Threshold[];
}

const PATH = '/api/invoices/settings/allocation-thresholds';
const key = ['billing', 'allocation-thresholds'] as const;

const getThresholds = () => api<ThresholdSchedule>(PATH);
const saveThresholds = (thresholds: Threshold[]) =>
  api<ThresholdSchedule>(PATH, { method: 'PUT', json: { thresholds } });
const resetThresholds = () => api<undefined>(PATH, { method: 'DELETE' });

interface Row {
  key: string;
  effectiveFrom: string;
  amount: string;
}

let counter = 0;
const row = (t?: Threshold): Row => {
  counter += 1;
  return {
    key: `t${counter}`,
    effectiveFrom: t?.effectiveFrom ?? '',
    amount: t ? agorotToInput(t.thresholdAgorot) : '',
  };
};

/**
 * The owner's dated Israel Invoices threshold: a B2B tax invoice whose amount before VAT is above
 * the threshold in force on its issue date needs an allocation number (exactly the threshold does
 * not). The law's schedule is the default and is shown beside the tenant's own.
 */
export function AllocationThresholdsForm() {
  const schedule = useQuery({ queryKey: key, queryFn: getThresholds });
  if (schedule.isPending) return <Skeleton lines={3} />;
  if (schedule.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את ספי מספרי ההקצאה"
        description={errorMessage(schedule.error)}
      />
    );
  }
  return <ThresholdsEditor key={JSON.stringify(schedule.data)} schedule={schedule.data} />;
}

function ThresholdsEditor({ schedule }: { schedule: ThresholdSchedule }) {
  const [rows, setRows] = useState<Row[]>(() => schedule.thresholds.map((t) => row(t)));
  const [errors, setErrors] = useState<Record<string, { date?: string; amount?: string }>>({});
  const queryClient = useQueryClient();
  const toast = useToast();

  const save = useMutation({
    mutationFn: saveThresholds,
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      toast.success('ספי מספרי ההקצאה נשמרו');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const reset = useMutation({
    mutationFn: resetThresholds,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      toast.success('חזרה ללוח הספים שבחוק');
    },
    onError: (error) =>
      toast.error(error instanceof ApiError ? error.message : errorMessage(error)),
  });

  const update = (k: string, patch: Partial<Row>) =>
    setRows(rows.map((r) => (r.key === k ? { ...r, ...patch } : r)));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Record<string, { date?: string; amount?: string }> = {};
    const seen = new Set<string>();
    const thresholds: Threshold[] = [];
    for (const r of rows) {
      const e: { date?: string; amount?: string } = {};
      const amount = parseShekels(r.amount);
      if (!r.effectiveFrom) e.date = 'יש להזין תאריך תחולה';
      else if (seen.has(r.effectiveFrom)) e.date = 'כבר יש סף מתאריך זה';
      if (amount === null) e.amount = 'יש להזין סכום בשקלים, לדוגמה 5000';
      seen.add(r.effectiveFrom);
      if (e.date || e.amount) found[r.key] = e;
      thresholds.push({ effectiveFrom: r.effectiveFrom, thresholdAgorot: amount ?? 0 });
    }
    setErrors(found);
    if (Object.keys(found).length) {
      toast.error('יש לתקן את השורות המסומנות');
      return;
    }
    if (thresholds.length === 0) {
      reset.mutate();
      return;
    }
    save.mutate(thresholds);
  };

  return (
    <form className="thresholds" onSubmit={submit} noValidate aria-label="ספי מספרי הקצאה">
      <h2 className="card__subtitle">ספי מספרי הקצאה (חשבוניות ישראל)</h2>
      <p>
        חשבונית מס לעוסק, שסכומה לפני מע״מ גבוה מהסף שבתוקף ביום הפקתה, צריכה מספר הקצאה מרשות
        המסים. חשבונית בסכום השווה לסף, או ללקוח פרטי ללא מספר עוסק, אינה צריכה.
        {schedule.customized ? ' העסק משתמש בלוח ספים משלו.' : ' העסק משתמש בלוח שבחוק.'}
      </p>
      <ol className="thresholds__list" aria-label="הספים של העסק">
        {rows.map((r, index) => (
          <li key={r.key} className="thresholds__row">
            <DateField
              label={`בתוקף מתאריך (שורה ${index + 1})`}
              value={r.effectiveFrom}
              error={errors[r.key]?.date}
              onChange={(value) => update(r.key, { effectiveFrom: value })}
            />
            <Input
              label={`סף לפני מע״מ (₪) (שורה ${index + 1})`}
              inputMode="decimal"
              dir="ltr"
              value={r.amount}
              error={errors[r.key]?.amount}
              onChange={(e) => update(r.key, { amount: e.target.value })}
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={`הסרת שורה ${index + 1}`}
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              ✕
            </Button>
          </li>
        ))}
      </ol>
      <div className="settings-actions">
        <Button
          size="sm"
          icon="+"
          disabled={rows.length >= 50}
          onClick={() => setRows([...rows, row()])}
        >
          הוספת סף
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending}>
          שמירת הספים
        </Button>
        <Button loading={reset.isPending} onClick={() => reset.mutate()}>
          חזרה ללוח שבחוק
        </Button>
      </div>
      <details>
        <summary>הלוח שבחוק</summary>
        <ul>
          {schedule.legalDefault.map((t) => (
            <li key={t.effectiveFrom}>
              מ-{formatDate(t.effectiveFrom)}: {formatShekels(t.thresholdAgorot)}
            </li>
          ))}
        </ul>
      </details>
    </form>
  );
}
