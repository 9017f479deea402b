import { formatShekels, formatVatRate } from '../lib/money';
import './Totals.css';

export interface TotalsProps {
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  vatRateBasisPoints: number;
  /** The list's accessible name, where no heading names it. */
  label?: string;
}

/** A priced document's totals: before VAT, the VAT at its rate, and what there is to pay. */
export function Totals({
  subtotalAgorot,
  vatAgorot,
  totalAgorot,
  vatRateBasisPoints,
  label,
}: TotalsProps) {
  return (
    <dl className="totals" aria-label={label}>
      <div className="totals__row">
        <dt>סכום לפני מע״מ</dt>
        <dd data-total="subtotal">{formatShekels(subtotalAgorot)}</dd>
      </div>
      <div className="totals__row">
        <dt>מע״מ ({formatVatRate(vatRateBasisPoints)})</dt>
        <dd data-total="vat">{formatShekels(vatAgorot)}</dd>
      </div>
      <div className="totals__row totals__row--grand">
        <dt>סה״כ לתשלום</dt>
        <dd data-total="total">{formatShekels(totalAgorot)}</dd>
      </div>
    </dl>
  );
}
