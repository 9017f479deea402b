import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn, type FetchCall } from '../../../test/render';
import type { Invoice } from './api';
import { InvoiceEditorPage } from './InvoiceEditorPage';

const customer = {
  id: 'c1',
  name: 'אבי גולן',
  phone: '+972501234567',
  email: null,
  vatId: null,
  status: 'new',
  source: 'manual',
  tags: [],
  notes: null,
  ownerId: null,
  area: null,
  rooms: null,
  budgetAgorot: null,
  dealType: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    id: 'i1',
    customerId: 'c1',
    customerName: 'אבי גולן',
    customerVatId: null,
    type: 'tax_invoice',
    status: 'draft',
    number: null,
    lines: [{ description: 'ייעוץ', quantity: 2.5, unitPriceAgorot: 40000, totalAgorot: 100000 }],
    vatRateBasisPoints: 1800,
    subtotalAgorot: 100000,
    vatAgorot: 18000,
    totalAgorot: 118000,
    currency: 'ILS',
    creditOf: null,
    creditedBy: null,
    allocationStatus: 'not_required',
    allocationNumber: null,
    allocationSandbox: null,
    allocationRejectionReason: null,
    issuedAt: null,
    paidAt: null,
    cancelledAt: null,
    createdAt: '2026-11-25T10:00:00Z',
    updatedAt: '2026-11-25T10:00:00Z',
    ...over,
  };
}

function renderAt(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/invoices/:id" element={<InvoiceEditorPage />} />
    </Routes>,
    { route },
  );
}

function base({ url }: FetchCall) {
  if (url === '/api/invoices/settings') return json({ vatRateBasisPoints: 1700 });
  if (url.startsWith('/api/crm/customers/c1')) return json(customer);
  if (url.startsWith('/api/crm/customers'))
    return json({ items: [customer], page: 1, limit: 20, total: 1, pages: 1 });
  return null;
}

describe('InvoiceEditorPage', () => {
  beforeEach(() => signIn('owner'));

  it('drafts an invoice for the customer from the URL, priced with the tenant VAT', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(
      (call) => base(call) ?? json(invoice({ vatRateBasisPoints: 1700 }), 201),
    );
    renderAt('/invoices/new?customerId=c1');
    await waitFor(() =>
      expect(screen.getByLabelText('לקוח', { selector: 'select' })).toHaveValue('c1'),
    );
    expect(await screen.findByText('מע״מ (17%)')).toBeInTheDocument();
    await user.type(screen.getByLabelText('תיאור שורה 1'), 'ייעוץ');
    await user.clear(screen.getByLabelText('כמות'));
    await user.type(screen.getByLabelText('כמות'), '2.5');
    await user.type(screen.getByLabelText('מחיר ליחידה (₪)'), '400');
    await user.click(screen.getByRole('button', { name: 'יצירת טיוטה' }));
    expect(await screen.findByText('הטיוטה נוצרה')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/invoices',
      body: {
        customerId: 'c1',
        type: 'tax_invoice',
        lines: [{ description: 'ייעוץ', quantity: 2.5, unitPriceAgorot: 40000 }],
      },
    });
  });

  it('issues a draft after asking, then offers paid and credit note instead of editing', async () => {
    const user = userEvent.setup();
    let current = invoice();
    const calls = mockFetch((call) => {
      const known = base(call);
      if (known) return known;
      if (call.url === '/api/invoices/i1/issue') {
        current = invoice({ status: 'issued', number: 7, issuedAt: '2026-11-25T11:00:00Z' });
      }
      return json(current);
    });
    renderAt('/invoices/i1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'חשבונית מס (טיוטה)' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'הפקה' }));
    const confirm = screen.getByRole('dialog', { name: 'להפיק את המסמך?' });
    await user.click(within(confirm).getByRole('button', { name: 'הפקה' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'חשבונית מס 7' }),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/invoices/i1/issue' && c.method === 'POST')).toBe(true);
    expect(screen.getByRole('button', { name: /רישום תשלום/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'חשבונית זיכוי' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'שמירת טיוטה' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('תיאור שורה 1')).toHaveAttribute('readonly');
  });

  it('shows the server message when the action is refused', async () => {
    const user = userEvent.setup();
    mockFetch((call) => {
      const known = base(call);
      if (known) return known;
      if (call.url === '/api/invoices/i1/credit') {
        return json(
          { error: 'invalid_transition', message: 'אפשר לזכות רק מסמך שהופק ולא בוטל' },
          409,
        );
      }
      return json(invoice({ status: 'issued', number: 3, balanceAgorot: 118000 }));
    });
    renderAt('/invoices/i1');
    await user.click(await screen.findByRole('button', { name: 'חשבונית זיכוי' }));
    const confirm = screen.getByRole('dialog', { name: 'להפיק חשבונית זיכוי?' });
    await user.click(within(confirm).getByRole('button', { name: 'הפקת זיכוי' }));
    expect(await screen.findByText('אפשר לזכות רק מסמך שהופק ולא בוטל')).toBeInTheDocument();
  });

  describe('payments', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T22:30:00Z') });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('pays an issued invoice with a cheque: its details are required, then a receipt is issued', async () => {
      const user = userEvent.setup();
      let current = invoice({ status: 'issued', number: 7, balanceAgorot: 118000, paidAgorot: 0 });
      const calls = mockFetch((call) => {
        const known = base(call);
        if (known) return known;
        if (call.url === '/api/invoices/receipts') {
          current = invoice({
            status: 'issued',
            number: 7,
            paidAgorot: 100000,
            balanceAgorot: 18000,
          });
          return json(invoice({ id: 'r1', type: 'receipt', status: 'issued', number: 4 }), 201);
        }
        return json(current);
      });
      renderAt('/invoices/i1');
      await user.click(await screen.findByRole('button', { name: /רישום תשלום/ }));
      const dialog = screen.getByRole('dialog', { name: 'רישום תשלום והפקת קבלה' });
      // The balance is offered, dated today in Israel (already the 26th there).
      expect(within(dialog).getByLabelText('סכום תשלום 1 (₪)')).toHaveValue('1180');
      expect(within(dialog).getByLabelText('תאריך תשלום 1')).toHaveValue('26/11/2026');
      await user.selectOptions(within(dialog).getByLabelText('אמצעי תשלום 1'), 'cheque');
      await user.clear(within(dialog).getByLabelText('סכום תשלום 1 (₪)'));
      await user.click(within(dialog).getByLabelText('סכום תשלום 1 (₪)'));
      await user.paste('1000');
      await user.click(within(dialog).getByRole('button', { name: 'הפקת קבלה' }));
      expect(await within(dialog).findByText('מספר בנק: עד 3 ספרות')).toBeInTheDocument();
      expect(within(dialog).getByText('יש להזין תאריך פירעון')).toBeInTheDocument();
      expect(calls.some((c) => c.url === '/api/invoices/receipts')).toBe(false);

      await user.click(within(dialog).getByLabelText('מספר בנק'));
      await user.paste('12');
      await user.click(within(dialog).getByLabelText('מספר סניף'));
      await user.paste('345');
      await user.click(within(dialog).getByLabelText('מספר חשבון'));
      await user.paste('678901');
      await user.click(within(dialog).getByLabelText('מספר המחאה'));
      await user.paste('1001');
      await user.click(within(dialog).getByLabelText('תאריך פירעון'));
      await user.paste('16/12/2026');
      await user.click(within(dialog).getByRole('button', { name: 'הפקת קבלה' }));
      expect(await screen.findByText(/^קבלה 4 הופקה · יתרה לתשלום .*180\.00/)).toBeInTheDocument();
      expect(calls.find((c) => c.url === '/api/invoices/receipts')).toMatchObject({
        method: 'POST',
        body: {
          invoiceIds: ['i1'],
          payments: [
            {
              method: 'cheque',
              amountAgorot: 100000,
              date: '2026-11-26',
              bankNumber: '12',
              branchNumber: '345',
              accountNumber: '678901',
              chequeNumber: '1001',
              chequeDueDate: '2026-12-16',
            },
          ],
        },
      });
    });

    it('issues a tax invoice-receipt only with payments that add up to its total', async () => {
      const user = userEvent.setup();
      let current = invoice({ type: 'tax_invoice_receipt' });
      const calls = mockFetch((call) => {
        const known = base(call);
        if (known) return known;
        if (call.url === '/api/invoices/i1/issue') {
          current = invoice({ type: 'tax_invoice_receipt', status: 'paid', number: 2 });
        }
        return json(current);
      });
      renderAt('/invoices/i1');
      await user.click(await screen.findByRole('button', { name: 'הפקה' }));
      const dialog = screen.getByRole('dialog', { name: 'הפקת חשבונית מס קבלה' });
      await user.clear(within(dialog).getByLabelText('סכום תשלום 1 (₪)'));
      await user.click(within(dialog).getByLabelText('סכום תשלום 1 (₪)'));
      await user.paste('1000');
      await user.click(within(dialog).getByRole('button', { name: 'הפקה' }));
      expect(
        await screen.findByText('בחשבונית מס קבלה סכום התשלומים צריך להיות שווה לסה״כ לתשלום'),
      ).toBeInTheDocument();
      await user.click(within(dialog).getByRole('button', { name: 'הוספת אמצעי תשלום' }));
      await user.selectOptions(within(dialog).getByLabelText('אמצעי תשלום 2'), 'credit_card');
      expect(within(dialog).getByLabelText('סכום תשלום 2 (₪)')).toHaveValue('180');
      await user.click(within(dialog).getByLabelText('4 ספרות אחרונות'));
      await user.paste('4242');
      await user.click(within(dialog).getByRole('button', { name: 'הפקה' }));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'חשבונית מס קבלה 2' }),
      ).toBeInTheDocument();
      expect(calls.find((c) => c.url === '/api/invoices/i1/issue')).toMatchObject({
        body: {
          payments: [
            { method: 'cash', amountAgorot: 100000, date: '2026-11-26' },
            { method: 'credit_card', amountAgorot: 18000, cardLast4: '4242', installments: 1 },
          ],
        },
      });
    });
  });
});
