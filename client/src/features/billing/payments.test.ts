import { describe, expect, it } from 'vitest';
import { emptyPayment, israeliToday, validatePayments } from './payments';

describe('validatePayments', () => {
  it('asks a cheque for its bank, branch, account, number and due date, a card for its last four digits', () => {
    const cheque = { ...emptyPayment(1000, '2026-11-26'), method: 'cheque' as const };
    const card = {
      ...emptyPayment(500, '2026-11-26'),
      method: 'credit_card' as const,
      cardLast4: '42',
    };
    const checked = validatePayments([cheque, card], 1500, 'at_most');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors[cheque.key] ?? {})).toEqual([
      'bankNumber',
      'branchNumber',
      'accountNumber',
      'chequeNumber',
      'chequeDueDate',
    ]);
    expect(checked.errors[card.key]?.cardLast4).toBe('יש להזין את 4 הספרות האחרונות של הכרטיס');
  });

  it('holds a receipt to the balance and a tax invoice-receipt to its total exactly', () => {
    const cash = emptyPayment(11800, '2026-11-26');
    expect(validatePayments([cash], 10000, 'at_most')).toMatchObject({
      ok: false,
      message: 'סכום התשלומים גבוה מהיתרה לתשלום',
    });
    expect(validatePayments([cash], 11801, 'exact')).toMatchObject({ ok: false });
    expect(validatePayments([cash], 11800, 'exact')).toEqual({
      ok: true,
      totalAgorot: 11800,
      payments: [{ method: 'cash', amountAgorot: 11800, date: '2026-11-26' }],
    });
    expect(validatePayments([{ ...cash, amount: '0' }], 11800, 'at_most')).toMatchObject({
      ok: false,
    });
  });

  it('dates a payment by the Israeli day', () => {
    expect(israeliToday(new Date('2026-11-25T22:30:00Z'))).toBe('2026-11-26');
    expect(israeliToday(new Date('2026-11-25T21:30:00Z'))).toBe('2026-11-25');
  });
});
