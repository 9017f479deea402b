/**
 * Money as the billing API keeps it: integer agorot. Each line is rounded half-up once
 * (quantity × unit price), the VAT once on the subtotal (billing-service's `Money`), so what the
 * editor shows while typing is what the server will store.
 */

const shekels = new Intl.NumberFormat('he-IL', {
  style: 'currency',
  currency: 'ILS',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** `1,234.56 ₪` in he-IL, agorot included (documents need them; format.ts rounds to shekels). */
export function formatShekels(agorot: number): string {
  return shekels.format(agorot / 100);
}

/** A price typed in shekels ("1,234.5", "₪ 99") → agorot, or null when it is not a price. */
export function parseShekels(text: string): number | null {
  const clean = text.replace(/[₪\s,]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(clean)) return null;
  const [whole = '0', fraction = ''] = clean.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A quantity with up to three decimals ("2.5") → thousandths, or null. */
export function parseQuantity(text: string): number | null {
  const clean = text.trim();
  if (!/^\d+(\.\d{0,3})?$/.test(clean)) return null;
  const [whole = '0', fraction = ''] = clean.split('.');
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return milli > 0 ? milli : null;
}

/** Agorot → the text of a price field ("1234.50"; whole shekels without decimals). */
export function agorotToInput(agorot: number): string {
  const whole = Math.trunc(agorot / 100);
  const rest = agorot % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** Half-up division of non-negative big integers. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** quantity (in thousandths) × unit price, rounded half-up to the agora. */
export function lineTotal(quantityMilli: number, unitPriceAgorot: number): number {
  return Number(divideHalfUp(BigInt(quantityMilli) * BigInt(unitPriceAgorot), 1000n));
}

export function vatOf(subtotalAgorot: number, vatRateBasisPoints: number): number {
  return Number(divideHalfUp(BigInt(subtotalAgorot) * BigInt(vatRateBasisPoints), 10_000n));
}

export interface Totals {
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
}

export function totals(lineTotals: number[], vatRateBasisPoints: number): Totals {
  const subtotalAgorot = lineTotals.reduce((sum, t) => sum + t, 0);
  const vatAgorot = vatOf(subtotalAgorot, vatRateBasisPoints);
  return { subtotalAgorot, vatAgorot, totalAgorot: subtotalAgorot + vatAgorot };
}

/** 1800 → "18%", 1750 → "17.5%". */
export function formatVatRate(basisPoints: number): string {
  return `${String(basisPoints / 100)}%`;
}
