import { Button } from '../../components/Button';
import { Input } from '../../components/Field';
import { Totals } from '../../components/Totals';
import { formatShekels } from '../../lib/money';
import { draftLineTotal, draftTotals, emptyLine, type DraftLine, type LineErrors } from './lines';
import './billing.css';

export interface LineItemsEditorProps {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  vatRateBasisPoints: number;
  errors?: LineErrors;
  readOnly?: boolean;
}

/**
 * The line items of a quote or invoice with totals that follow every keystroke: each line rounded
 * to the agora, VAT once on the subtotal, exactly as billing-service prices it.
 */
export function LineItemsEditor({
  lines,
  onChange,
  vatRateBasisPoints,
  errors = {},
  readOnly = false,
}: LineItemsEditorProps) {
  const sum = draftTotals(lines, vatRateBasisPoints);
  const update = (key: string, patch: Partial<DraftLine>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <div className="line-items">
      <ol className="line-items__list" aria-label="שורות המסמך">
        {lines.map((line, index) => {
          const total = draftLineTotal(line);
          const e = errors[line.key] ?? {};
          return (
            <li key={line.key} className="line-items__row" data-line={index + 1}>
              <div className="line-items__description">
                <Input
                  label={`תיאור שורה ${index + 1}`}
                  value={line.description}
                  readOnly={readOnly}
                  maxLength={300}
                  error={e.description}
                  onChange={(ev) => update(line.key, { description: ev.target.value })}
                />
              </div>
              <Input
                label="כמות"
                inputMode="decimal"
                dir="ltr"
                value={line.quantity}
                readOnly={readOnly}
                error={e.quantity}
                onChange={(ev) => update(line.key, { quantity: ev.target.value })}
              />
              <Input
                label="מחיר ליחידה (₪)"
                inputMode="decimal"
                dir="ltr"
                placeholder="0.00"
                value={line.unitPrice}
                readOnly={readOnly}
                error={e.unitPrice}
                onChange={(ev) => update(line.key, { unitPrice: ev.target.value })}
              />
              <p className="line-items__total">
                <span className="line-items__total-label">סה״כ שורה</span>
                <output aria-label={`סה״כ שורה ${index + 1}`}>
                  {total === null ? '—' : formatShekels(total)}
                </output>
              </p>
              {!readOnly ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="line-items__remove"
                  aria-label={`הסרת שורה ${index + 1}`}
                  disabled={lines.length === 1}
                  onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
                >
                  ✕
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {!readOnly ? (
        <Button
          size="sm"
          icon="+"
          onClick={() => onChange([...lines, emptyLine()])}
          disabled={lines.length >= 100}
        >
          הוספת שורה
        </Button>
      ) : null}
      <Totals
        label="סיכום"
        subtotalAgorot={sum.subtotalAgorot}
        vatAgorot={sum.vatAgorot}
        totalAgorot={sum.totalAgorot}
        vatRateBasisPoints={vatRateBasisPoints}
      />
    </div>
  );
}
