import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Input, TextArea } from '../../components/Field';
import { useToast } from '../../components/toast';
import { useFeatures } from '../../hooks/useFeatures';
import { useSession } from '../../hooks/useSession';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { CustomerPicker } from '../customers/CustomerPicker';
import { timelineKeys } from '../timeline/api';
import {
  billingKeys,
  contractToInvoice,
  createContract,
  getContract,
  openPdf,
  sendContract,
  updateContract,
  type Contract,
  type SigningLink,
} from './api';
import { DocumentLoadState } from './DocumentLoadState';
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUS_TONES } from './labels';
import { LineItemsEditor } from './LineItemsEditor';
import { draftsFrom, validateLines, type DraftLine, type LineErrors } from './lines';
import { SigningLinkDialog } from './SigningLinkDialog';
import { useDirty } from './useDirty';
import { useVatRate } from './useVatRate';
import { DocumentTitle } from '../../hooks/useDocumentTitle';
import { LeaveGuard } from '../../components/LeaveGuard';
import './billing.css';

/** `/contracts/new?customerId=…` and `/contracts/:id`. */
export function ContractEditorPage() {
  const { id } = useParams();
  const editing = id !== undefined && id !== 'new';
  const contract = useQuery({
    queryKey: billingKeys.contract(id ?? ''),
    queryFn: () => getContract(id ?? ''),
    enabled: editing,
    // Signing happens elsewhere (the customer's phone): always show the latest status.
    staleTime: 0,
  });

  if (!editing) return <ContractEditor key="new" contract={null} />;
  if (!contract.isSuccess) {
    return (
      <DocumentLoadState query={contract} back={<Link to="/contracts">לכל ההצעות והחוזים</Link>} />
    );
  }
  return <ContractEditor key={contract.data.id} contract={contract.data} />;
}

const FINAL = new Set(['signed', 'declined']);

function ContractEditor({ contract }: { contract: Contract | null }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { isOn } = useFeatures();
  const viewer = useSession()?.user.role === 'viewer';
  const readOnly = viewer || (contract !== null && FINAL.has(contract.status));
  const [customerId, setCustomerId] = useState(
    contract?.customerId ?? search.get('customerId') ?? '',
  );
  const [title, setTitle] = useState(contract?.title ?? 'הצעת מחיר');
  const [terms, setTerms] = useState(contract?.terms ?? '');
  const [lines, setLines] = useState<DraftLine[]>(() => draftsFrom(contract?.lines ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const { dirty, edited, setDirty, edit } = useDirty(contract === null);
  const [link, setLink] = useState<SigningLink | null>(null);
  const vat = useVatRate(contract?.vatRateBasisPoints);

  const refresh = (saved: Contract) => {
    queryClient.setQueryData(billingKeys.contract(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: billingKeys.contracts });
    void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(saved.customerId) });
  };

  const save = useMutation({
    mutationFn: async (): Promise<Contract | null> => {
      const checked = validateLines(lines);
      const fieldErrors: Record<string, string> = {};
      if (!customerId) fieldErrors.customerId = 'יש לבחור לקוח';
      if (!title.trim()) fieldErrors.title = 'יש להזין כותרת';
      setErrors(fieldErrors);
      setLineErrors(checked.ok ? {} : checked.errors);
      if (!checked.ok || Object.keys(fieldErrors).length) {
        toast.error(checked.ok ? 'יש לתקן את השדות המסומנים' : checked.message);
        return null;
      }
      const body = { title: title.trim(), terms: terms.trim(), lines: checked.lines };
      return contract ? updateContract(contract.id, body) : createContract({ ...body, customerId });
    },
    onSuccess: (saved) => {
      if (!saved) return;
      refresh(saved);
      setDirty(false);
      toast.success(contract ? 'המסמך נשמר' : 'ההצעה נוצרה');
      if (!contract) void navigate(`/contracts/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const send = useMutation({
    mutationFn: async () => {
      if (!contract) throw new Error('unsaved');
      if (dirty) {
        // save shows its own errors
        const saved = await save.mutateAsync().catch(() => null);
        if (!saved) return null;
      }
      return sendContract(contract.id);
    },
    onSuccess: (result) => {
      if (!result || !contract) return;
      setLink(result);
      void queryClient.invalidateQueries({ queryKey: billingKeys.contracts });
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(contract.customerId) });
      toast.success('המסמך נשלח לחתימה');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  /** The quote becomes a draft invoice with its lines, then opens for checking and issuing. */
  const toInvoice = useMutation({
    mutationFn: async () => {
      if (!contract) throw new Error('unsaved');
      if (dirty) {
        const saved = await save.mutateAsync().catch(() => null);
        if (!saved) return null;
      }
      return contractToInvoice(contract.id);
    },
    onSuccess: (result) => {
      if (!result?.invoiceId) return;
      queryClient.setQueryData(billingKeys.contract(result.id), result);
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(result.customerId) });
      toast.success('נוצרה טיוטת חשבונית מההצעה');
      void navigate(`/invoices/${result.invoiceId}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section className="page">
      <DocumentTitle title={contract ? contract.title : 'הצעת מחיר חדשה'} />
      <LeaveGuard when={edited} />
      <nav aria-label="פירורי לחם" className="breadcrumbs">
        <Link to="/contracts">הצעות וחוזים</Link> <span aria-hidden="true">‹</span>{' '}
        <span>{contract ? contract.title : 'הצעה חדשה'}</span>
      </nav>
      <header className="page__header">
        <div>
          <h1 className="page__title">{contract ? contract.title : 'הצעת מחיר חדשה'}</h1>
          {contract ? (
            <p className="page__subtitle">
              <Badge tone={CONTRACT_STATUS_TONES[contract.status]}>
                {CONTRACT_STATUS_LABELS[contract.status]}
              </Badge>{' '}
              <Link to={`/customers/${contract.customerId}`}>{contract.customerName}</Link>
              {contract.signedAt
                ? ` · נחתם ${formatDateTime(contract.signedAt)} על ידי ${contract.signerName ?? ''}`
                : contract.sentAt
                  ? ` · נשלח ${formatDateTime(contract.sentAt)}`
                  : ''}
            </p>
          ) : null}
        </div>
        {contract ? (
          <div className="page__actions">
            <Button
              icon="⬇"
              onClick={() =>
                openPdf(`/api/contracts/${contract.id}/pdf`, `contract-${contract.id}.pdf`).catch(
                  (e: unknown) => toast.error(errorMessage(e)),
                )
              }
            >
              {contract.status === 'signed' ? 'PDF חתום' : 'PDF'}
            </Button>
            {!readOnly && isOn('signatures') ? (
              <Button
                variant="primary"
                icon="✍️"
                loading={send.isPending}
                onClick={() => send.mutate()}
              >
                {contract.status === 'draft' ? 'שליחה לחתימה' : 'שליחת קישור חדש'}
              </Button>
            ) : null}
            {contract.invoiceId ? (
              <Link className="btn" to={`/invoices/${contract.invoiceId}`}>
                לחשבונית שנוצרה מההצעה
              </Link>
            ) : !viewer &&
              isOn('invoices') &&
              contract.status !== 'declined' &&
              contract.status !== 'expired' ? (
              <Button icon="🧾" loading={toInvoice.isPending} onClick={() => toInvoice.mutate()}>
                הפקת חשבונית מההצעה
              </Button>
            ) : null}
          </div>
        ) : null}
      </header>

      {contract && FINAL.has(contract.status) ? (
        <div className="alert" role="status">
          {contract.status === 'signed'
            ? 'המסמך נחתם ואינו ניתן לעריכה. ה-PDF החתום כולל את החתימה ואת פרטי האימות.'
            : 'הלקוח סירב לחתום. אפשר ליצור הצעה חדשה.'}
        </div>
      ) : null}

      <form className="card editor" onSubmit={submit} noValidate aria-label="פרטי המסמך">
        <div className="form-grid">
          <div className="form-grid__wide">
            <CustomerPicker
              value={customerId}
              onChange={edit(setCustomerId)}
              error={errors.customerId}
              disabled={contract !== null}
            />
          </div>
          <div className="form-grid__wide">
            <Input
              label="כותרת"
              required
              maxLength={200}
              value={title}
              readOnly={readOnly}
              error={errors.title}
              onChange={(e) => edit(setTitle)(e.target.value)}
            />
          </div>
        </div>
        <h2 className="card__subtitle">שורות</h2>
        <LineItemsEditor
          lines={lines}
          onChange={edit(setLines)}
          vatRateBasisPoints={vat}
          errors={lineErrors}
          readOnly={readOnly}
        />
        <TextArea
          label="תנאים"
          rows={4}
          maxLength={20000}
          value={terms}
          readOnly={readOnly}
          hint="תנאי תשלום, תוקף ההצעה וכל מה שהלקוח מאשר בחתימתו."
          onChange={(e) => edit(setTerms)(e.target.value)}
        />
        {!readOnly ? (
          <div className="editor__footer">
            <Button onClick={() => void navigate(-1)}>ביטול</Button>
            <Button variant="primary" type="submit" loading={save.isPending} disabled={!dirty}>
              {contract ? 'שמירה' : 'יצירת הצעה'}
            </Button>
          </div>
        ) : null}
      </form>

      {link ? <SigningLinkDialog link={link} onClose={() => setLink(null)} /> : null}
    </section>
  );
}
