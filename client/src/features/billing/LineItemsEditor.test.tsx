import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { LineItemsEditor } from './LineItemsEditor';
import { draftsFrom, validateLines, type DraftLine } from './lines';

function Harness({ vat = 1800 }: { vat?: number }) {
  const [lines, setLines] = useState<DraftLine[]>(() => draftsFrom([]));
  return <LineItemsEditor lines={lines} onChange={setLines} vatRateBasisPoints={vat} />;
}

const total = (which: string) =>
  (document.querySelector(`[data-total="${which}"]`)?.textContent ?? '').replace(
    /[\u200e\u200f\u00a0]/g,
    ' ',
  );

describe('LineItemsEditor', () => {
  it('keeps the totals in step with every keystroke', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(total('total')).toContain('0.00');
    await user.type(screen.getByLabelText('תיאור שורה 1'), 'דמי תיווך');
    await user.clear(screen.getByLabelText('כמות'));
    await user.type(screen.getByLabelText('כמות'), '2');
    await user.type(screen.getByLabelText('מחיר ליחידה (₪)'), '1,234.50');
    expect(screen.getByLabelText('סה״כ שורה 1').textContent).toContain('2,469.00');
    expect(total('subtotal')).toContain('2,469.00');
    expect(total('vat')).toContain('444.42');
    expect(total('total')).toContain('2,913.42');

    await user.click(screen.getByRole('button', { name: 'הוספת שורה' }));
    await user.type(screen.getByLabelText('תיאור שורה 2'), 'צילום');
    await user.type(screen.getAllByLabelText('מחיר ליחידה (₪)')[1] as HTMLElement, '100');
    expect(total('subtotal')).toContain('2,569.00');
    expect(total('total')).toContain('3,031.42');

    await user.click(screen.getByRole('button', { name: 'הסרת שורה 1' }));
    expect(screen.queryByLabelText('תיאור שורה 2')).not.toBeInTheDocument();
    expect(total('total')).toContain('118.00');
  });

  it('shows the VAT rate it prices with', () => {
    render(<Harness vat={1700} />);
    expect(screen.getByText('מע״מ (17%)')).toBeInTheDocument();
  });

  it('refuses lines without a description, a positive quantity or a price', () => {
    const [line] = draftsFrom([]);
    const bad = { ...(line as DraftLine), description: ' ', quantity: '0', unitPrice: 'abc' };
    const result = validateLines([bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors[bad.key] ?? {})).toEqual([
        'description',
        'quantity',
        'unitPrice',
      ]);
    }
    const good = validateLines([
      { ...(line as DraftLine), description: 'ייעוץ', quantity: '2.5', unitPrice: '400' },
    ]);
    expect(good).toEqual({
      ok: true,
      lines: [{ description: 'ייעוץ', quantity: 2.5, unitPriceAgorot: 40000 }],
    });
  });
});
