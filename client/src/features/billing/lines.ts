import {
  agorotToInput,
  lineTotal,
  parseQuantity,
  parseShekels,
  totals,
  type Totals,
} from '../../lib/money';
import type { LineInput, LineItem } from './api';

/** A line as typed in the editor: text until it is sent. */
export interface DraftLine {
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
}

let nextKey = 1;

export function emptyLine(): DraftLine {
  return { key: `line-${nextKey++}`, description: '', quantity: '1', unitPrice: '' };
}

export function draftsFrom(items: LineItem[]): DraftLine[] {
  if (items.length === 0) return [emptyLine()];
  return items.map((item) => ({
    key: `line-${nextKey++}`,
    description: item.description,
    quantity: String(item.quantity),
    unitPrice: agorotToInput(item.unitPriceAgorot),
  }));
}

/** The line's total in agorot, or null while its quantity or price is not a number yet. */
export function draftLineTotal(line: DraftLine): number | null {
  const quantity = parseQuantity(line.quantity);
  const price = parseShekels(line.unitPrice);
  return quantity === null || price === null ? null : lineTotal(quantity, price);
}

/** Live totals of what is typed; lines not filled in yet count as nothing. */
export function draftTotals(lines: DraftLine[], vatRateBasisPoints: number): Totals {
  return totals(
    lines.map((l) => draftLineTotal(l) ?? 0),
    vatRateBasisPoints,
  );
}

export type LineErrors = Record<
  string,
  Partial<Record<'description' | 'quantity' | 'unitPrice', string>>
>;

/** The lines to send, or the Hebrew error of each bad field (keyed by line key). */
export function validateLines(
  lines: DraftLine[],
): { ok: true; lines: LineInput[] } | { ok: false; errors: LineErrors; message: string } {
  const errors: LineErrors = {};
  const out: LineInput[] = [];
  for (const line of lines) {
    const e: LineErrors[string] = {};
    const quantity = parseQuantity(line.quantity);
    const price = parseShekels(line.unitPrice);
    if (!line.description.trim()) e.description = 'יש להזין תיאור';
    if (quantity === null) e.quantity = 'כמות גדולה מאפס, עד 3 ספרות אחרי הנקודה';
    if (price === null) e.unitPrice = 'מחיר בשקלים, עד 2 ספרות אחרי הנקודה';
    if (Object.keys(e).length) errors[line.key] = e;
    else if (quantity !== null && price !== null) {
      out.push({
        description: line.description.trim(),
        quantity: quantity / 1000,
        unitPriceAgorot: price,
      });
    }
  }
  if (lines.length === 0) return { ok: false, errors, message: 'יש להוסיף לפחות שורה אחת' };
  if (Object.keys(errors).length)
    return { ok: false, errors, message: 'יש לתקן את השורות המסומנות' };
  return { ok: true, lines: out };
}
