import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Select } from '../../components/Field';
import { useToast } from '../../components/toast';
import { useSession } from '../../hooks/useSession';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { options } from '../../lib/options';
import { CustomerPicker } from '../customers/CustomerPicker';
import { timelineKeys } from '../timeline/api';
import { formatShekels } from '../../lib/money';
import {
  billingKeys,
  createInvoice,
  createReceipt,
  deleteInvoice,
  getInvoice,
  invoiceAction,
  invoicePdfName,
  issueInvoice,
  openPdf,
  updateInvoice,
  type Invoice,
  type InvoiceAction,
  type InvoiceInput,
  type Payment,
} from './api';
import { PaymentDialog } from './PaymentDialog';
import { paymentText, type PaymentInput } from './payments';
import { DocumentLoadState } from './DocumentLoadState';
import {
  DRAFTABLE_TYPES,
  INVOICE_STATUS_LABELS,
  INVOICE_STATUS_TONES,
  INVOICE_TYPE_LABELS,
} from './labels';
import { LineItemsEditor } from './LineItemsEditor';
import { draftsFrom, validateLines, type DraftLine, type LineErrors } from './lines';
import { useDirty } from './useDirty';
import { useVatRate } from './useVatRate';
import { DocumentTitle } from '../../hooks/useDocumentTitle';
import { LeaveGuard } from '../../components/LeaveGuard';
import './billing.css';

/** `/invoices/new?customerId=…` and `/invoices/:id`. */
export function InvoiceEditorPage() {
  const { id } = useParams();
  const existing = id !== undefined && id !== 'new';
  const invoice = useQuery({
    queryKey: billingKeys.invoice(id ?? ''),
    queryFn: () => getInvoice(id ?? ''),
    enabled: existing,
    staleTime: 0,
  });
  if (!existing) return <InvoiceEditor key="new" invoice={null} />;
  if (!invoice.isSuccess) {
    return (
      <DocumentLoadState
        query={invoice}
        missingDescription="ייתכן שהטיוטה נמחקה."
        back={<Link to="/invoices">לכל החשבוניות</Link>}
      />
    );
  }
  return <InvoiceEditor key={`${invoice.data.id}-${invoice.data.status}`} invoice={invoice.data} />;
}

type Confirm = 'issue' | 'credit' | 'delete';

const CONFIRM_TEXT: Record<Confirm, { title: string; body: string; action: string }> = {
  issue: {
    title: 'להפיק את המסמך?',
    body: 'ההפקה נותנת למסמך מספר רץ. אחרי ההפקה אי אפשר לערוך או למחוק אותו, רק לבטל בחשבונית זיכוי.',
    action: 'הפקה',
  },
  credit: {
    title: 'להפיק חשבונית זיכוי?',
    body: 'תופק חשבונית זיכוי על מלוא הסכום, והמסמך המקורי יסומן כמבוטל.',
    action: 'הפקת זיכוי',
  },
  delete: {
    title: 'למחוק את הטיוטה?',
    body: 'הטיוטה תימחק לצמיתות. מסמך שהופק לעולם אינו נמחק.',
    action: 'מחיקה',
  },
};

function InvoiceEditor({ invoice }: { invoice: Invoice | null }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const viewer = useSession()?.user.role === 'viewer';
  const draft = invoice === null || invoice.status === 'draft';
  const readOnly = viewer || !draft;
  const [customerId, setCustomerId] = useState(
    invoice?.customerId ?? search.get('customerId') ?? '',
  );
  const [type, setType] = useState<InvoiceInput['type']>(
    invoice && invoice.type !== 'credit_note' && invoice.type !== 'receipt'
      ? invoice.type
      : 'tax_invoice',
  );
  const [lines, setLines] = useState<DraftLine[]>(() => draftsFrom(invoice?.lines ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const { dirty, edited, setDirty, edit } = useDirty(invoice === null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [paying, setPaying] = useState<'receipt' | 'issue' | null>(null);
  const vat = useVatRate(invoice?.vatRateBasisPoints);

  const refresh = (saved: Invoice) => {
    queryClient.setQueryData(billingKeys.invoice(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
    void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(saved.customerId) });
  };

  const save = useMutation({
    mutationFn: async (): Promise<Invoice | null> => {
      const checked = validateLines(lines);
      const fieldErrors: Record<string, string> = customerId ? {} : { customerId: 'יש לבחור לקוח' };
      setErrors(fieldErrors);
      setLineErrors(checked.ok ? {} : checked.errors);
      if (!checked.ok || !customerId) {
        toast.error(checked.ok ? 'יש לבחור לקוח' : checked.message);
        return null;
      }
      const body: InvoiceInput = { customerId, type, lines: checked.lines };
      return invoice ? updateInvoice(invoice.id, body) : createInvoice(body);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      refresh(saved);
      setDirty(false);
      toast.success(invoice ? 'הטיוטה נשמרה' : 'הטיוטה נוצרה');
      if (!invoice) void navigate(`/invoices/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const act = useMutation({
    mutationFn: async (action: InvoiceAction) => {
      if (!invoice) throw new Error('unsaved');
      if (action === 'issue' && dirty) {
        const saved = await save.mutateAsync().catch(() => null);
        if (!saved) return null;
      }
      return invoiceAction(invoice.id, action);
    },
    onSuccess: (result, action) => {
      setConfirm(null);
      if (!result) return;
      refresh(result);
      const messages: Record<InvoiceAction, string> = {
        issue:
          result.status === 'awaiting_allocation'
            ? 'המסמך ממתין למספר הקצאה מרשות המסים'
            : `${INVOICE_TYPE_LABELS[result.type]} ${result.number ?? ''} הופקה`,
        pay: 'המסמך סומן כשולם',
        credit: `חשבונית זיכוי ${result.number ?? ''} הופקה`,
        allocation:
          result.status === 'awaiting_allocation' ? 'עדיין אין מספר הקצאה' : 'התקבל מספר הקצאה',
      };
      toast.success(messages[action]);
      if (invoice)
        void queryClient.invalidateQueries({ queryKey: billingKeys.invoice(invoice.id) });
      if (action === 'credit') void navigate(`/invoices/${result.id}`);
    },
    onError: (error) => {
      setConfirm(null);
      toast.error(errorMessage(error));
    },
  });

  /** A receipt for an issued tax invoice, or a tax invoice-receipt issued with its payments. */
  const pay = useMutation({
    mutationFn: async (payments: PaymentInput[]) => {
      if (!invoice) throw new Error('unsaved');
      if (paying === 'issue') return { document: await issueInvoice(invoice.id, payments) };
      const receipt = await createReceipt([invoice.id], payments);
      return { document: await getInvoice(invoice.id), receipt };
    },
    onSuccess: ({ document, receipt }) => {
      setPaying(null);
      refresh(document);
      if (receipt) {
        toast.success(
          document.status === 'paid'
            ? `קבלה ${receipt.number ?? ''} הופקה והחשבונית שולמה`
            : `קבלה ${receipt.number ?? ''} הופקה · יתרה לתשלום ${formatShekels(document.balanceAgorot ?? 0)}`,
        );
      } else {
        toast.success(
          document.status === 'awaiting_allocation'
            ? 'המסמך ממתין למספר הקצאה מרשות המסים'
            : `${INVOICE_TYPE_LABELS[document.type]} ${document.number ?? ''} הופקה`,
        );
      }
      if (invoice)
        void queryClient.invalidateQueries({ queryKey: billingKeys.invoice(invoice.id) });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const startIssue = () => {
    if (type === 'tax_invoice_receipt') {
      if (dirty) {
        toast.error('יש לשמור את הטיוטה לפני ההפקה');
        return;
      }
      setPaying('issue');
      return;
    }
    setConfirm('issue');
  };

  const remove = useMutation({
    mutationFn: () => deleteInvoice(invoice?.id ?? ''),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
      toast.success('הטיוטה נמחקה');
      void navigate('/invoices', { replace: true });
    },
    onError: (error) => {
      setConfirm(null);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const heading = invoice
    ? `${INVOICE_TYPE_LABELS[invoice.type]} ${invoice.number ?? '(טיוטה)'}`
    : 'חשבונית חדשה';
  const payable = invoice?.status === 'issued' && invoice.type === 'tax_invoice';
  const isReceipt = invoice?.type === 'receipt';
  const creditable =
    invoice !== null &&
    invoice.type !== 'credit_note' &&
    invoice.type !== 'receipt' &&
    ['issued', 'paid', 'awaiting_allocation'].includes(invoice.status);

  return (
    <section className="page">
      <DocumentTitle title={heading} />
      <LeaveGuard when={edited} />
      <nav aria-label="פירורי לחם" className="breadcrumbs">
        <Link to="/invoices">חשבוניות</Link> <span aria-hidden="true">‹</span>{' '}
        <span>{heading}</span>
      </nav>
      <header className="page__header">
        <div>
          <h1 className="page__title">{heading}</h1>
          {invoice ? (
            <p className="page__subtitle">
              <Badge tone={INVOICE_STATUS_TONES[invoice.status]}>
                {INVOICE_STATUS_LABELS[invoice.status]}
              </Badge>{' '}
              <Link to={`/customers/${invoice.customerId}`}>{invoice.customerName}</Link>
              {invoice.issuedAt ? ` · הופקה ${formatDateTime(invoice.issuedAt)}` : ''}
              {invoice.paidAt ? ` · שולמה ${formatDateTime(invoice.paidAt)}` : ''}
            </p>
          ) : null}
        </div>
        {invoice ? (
          <div className="page__actions">
            <Button
              icon="⬇"
              onClick={() =>
                openPdf(`/api/invoices/${invoice.id}/pdf`, invoicePdfName(invoice)).catch(
                  (e: unknown) => toast.error(errorMessage(e)),
                )
              }
            >
              פתיחת PDF
            </Button>
            {!viewer && draft ? (
              <>
                <Button variant="danger" onClick={() => setConfirm('delete')}>
                  מחיקת טיוטה
                </Button>
                <Button variant="primary" icon="✓" onClick={startIssue}>
                  הפקה
                </Button>
              </>
            ) : null}
            {!viewer && invoice.status === 'awaiting_allocation' ? (
              <Button loading={act.isPending} onClick={() => act.mutate('allocation')}>
                בקשת מספר הקצאה שוב
              </Button>
            ) : null}
            {!viewer && payable ? (
              <Button variant="primary" icon="₪" onClick={() => setPaying('receipt')}>
                רישום תשלום
              </Button>
            ) : null}
            {!viewer && creditable ? (
              <Button onClick={() => setConfirm('credit')}>חשבונית זיכוי</Button>
            ) : null}
          </div>
        ) : null}
      </header>

      {invoice ? <InvoiceNotes invoice={invoice} /> : null}

      {invoice?.payments?.length ? <DocumentPayments payments={invoice.payments} /> : null}
      {invoice?.settlements?.length ? <DocumentSettlements invoice={invoice} /> : null}

      {isReceipt ? null : (
        <form className="card editor" onSubmit={submit} noValidate aria-label="פרטי המסמך">
          <div className="form-grid">
            <div className="form-grid__wide">
              <CustomerPicker
                value={customerId}
                onChange={edit(setCustomerId)}
                error={errors.customerId}
                disabled={readOnly}
              />
            </div>
            {draft ? (
              <Select
                label="סוג מסמך"
                options={options(DRAFTABLE_TYPES)}
                value={type}
                disabled={readOnly}
                onChange={(e) => edit(setType)(e.target.value as InvoiceInput['type'])}
              />
            ) : null}
          </div>
          <h2 className="card__subtitle">שורות</h2>
          <LineItemsEditor
            lines={lines}
            onChange={edit(setLines)}
            vatRateBasisPoints={vat}
            errors={lineErrors}
            readOnly={readOnly}
          />
          {!readOnly ? (
            <div className="editor__footer">
              <Button onClick={() => void navigate(-1)}>ביטול</Button>
              <Button variant="primary" type="submit" loading={save.isPending} disabled={!dirty}>
                {invoice ? 'שמירת טיוטה' : 'יצירת טיוטה'}
              </Button>
            </div>
          ) : null}
        </form>
      )}

      {paying && invoice ? (
        <PaymentDialog
          mode={paying}
          dueAgorot={
            paying === 'issue'
              ? invoice.totalAgorot
              : (invoice.balanceAgorot ?? invoice.totalAgorot)
          }
          busy={pay.isPending}
          onSubmit={(payments) => pay.mutate(payments)}
          onClose={() => setPaying(null)}
        />
      ) : null}

      {confirm ? (
        <Dialog
          open
          title={CONFIRM_TEXT[confirm].title}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <Button onClick={() => setConfirm(null)}>ביטול</Button>
              <Button
                variant={confirm === 'delete' ? 'danger' : 'primary'}
                loading={act.isPending || remove.isPending}
                data-autofocus
                onClick={() => (confirm === 'delete' ? remove.mutate() : act.mutate(confirm))}
              >
                {CONFIRM_TEXT[confirm].action}
              </Button>
            </>
          }
        >
          <p>{CONFIRM_TEXT[confirm].body}</p>
        </Dialog>
      ) : null}
    </section>
  );
}

function InvoiceNotes({ invoice }: { invoice: Invoice }) {
  const notes: string[] = [];
  if (invoice.allocationNumber) {
    notes.push(
      `מספר הקצאה: ${invoice.allocationNumber}${invoice.allocationSandbox ? ' (סביבת ניסוי: הוקצה מקומית, לא מרשות המסים)' : ''}`,
    );
  }
  if (invoice.status === 'awaiting_allocation') {
    notes.push('החשבונית ממתינה למספר הקצאה מרשות המסים ואינה תקפה עד שיתקבל.');
  }
  if (invoice.allocationRejectionReason) {
    notes.push(`בקשת ההקצאה נדחתה: ${invoice.allocationRejectionReason}`);
  }
  if (
    invoice.type === 'tax_invoice' &&
    invoice.status === 'issued' &&
    (invoice.paidAgorot ?? 0) > 0
  ) {
    notes.push(
      `שולם עד כה ${formatShekels(invoice.paidAgorot ?? 0)} · יתרה לתשלום ${formatShekels(invoice.balanceAgorot ?? 0)}`,
    );
  }
  return (
    <>
      {notes.length ? (
        <div
          className={`alert${invoice.allocationRejectionReason ? ' alert--danger' : ''}`}
          role="status"
        >
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}
      {invoice.creditOf ? (
        <p>
          זיכוי של <Link to={`/invoices/${invoice.creditOf}`}>המסמך המקורי</Link>
        </p>
      ) : null}
      {invoice.creditedBy ? (
        <p>
          בוטל בחשבונית <Link to={`/invoices/${invoice.creditedBy}`}>זיכוי</Link>
        </p>
      ) : null}
    </>
  );
}

function DocumentPayments({ payments }: { payments: Payment[] }) {
  return (
    <section className="card" aria-label="תשלומים">
      <h2 className="card__subtitle">תשלומים</h2>
      <ul className="document-payments">
        {payments.map((p) => (
          <li key={p.id}>
            {paymentText(p)} · {formatDate(p.paidOn)} ·{' '}
            <strong>{formatShekels(p.amountAgorot)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DocumentSettlements({ invoice }: { invoice: Invoice }) {
  const settlements = invoice.settlements ?? [];
  const onReceipt = invoice.type === 'receipt';
  return (
    <section
      className="card"
      aria-label={onReceipt ? 'חשבוניות ששולמו בקבלה' : 'קבלות על החשבונית'}
    >
      <h2 className="card__subtitle">{onReceipt ? 'תשלום עבור' : 'קבלות'}</h2>
      <ul className="document-payments">
        {settlements.map((s) => (
          <li key={`${s.receiptId}-${s.invoiceId}`}>
            {onReceipt ? (
              <Link to={`/invoices/${s.invoiceId}`}>
                {INVOICE_TYPE_LABELS[s.invoiceType]} {s.invoiceNumber ?? ''}
              </Link>
            ) : (
              <Link to={`/invoices/${s.receiptId}`}>קבלה</Link>
            )}{' '}
            · <strong>{formatShekels(s.amountAgorot)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
