import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/toast';
import { formatShekels } from '../../lib/money';
import { PaymentsEditor } from './PaymentsEditor';
import {
  emptyPayment,
  israeliToday,
  validatePayments,
  type DraftPayment,
  type PaymentErrors,
  type PaymentInput,
} from './payments';

export interface PaymentDialogProps {
  /**
   * `receipt`: payments against an issued tax invoice, up to its balance (a receipt is issued);
   * `issue`: a tax invoice-receipt's payments, exactly its total (the document is issued with them).
   */
  mode: 'receipt' | 'issue';
  dueAgorot: number;
  busy: boolean;
  onSubmit: (payments: PaymentInput[]) => void;
  onClose: () => void;
}

const TEXT = {
  receipt: {
    title: 'רישום תשלום והפקת קבלה',
    intro: 'יתרה לתשלום',
    body: 'תופק קבלה עם מספר רץ משלה. תשלום חלקי משאיר את החשבונית פתוחה עם היתרה.',
    action: 'הפקת קבלה',
  },
  issue: {
    title: 'הפקת חשבונית מס קבלה',
    intro: 'סה״כ לתשלום',
    body: 'יש לרשום את התשלומים שהתקבלו במקום; סכומם צריך להיות שווה לסה״כ. אחרי ההפקה אי אפשר לערוך את המסמך.',
    action: 'הפקה',
  },
} as const;

/** The payments a customer made, with their method, for a receipt or a tax invoice-receipt. */
export function PaymentDialog({ mode, dueAgorot, busy, onSubmit, onClose }: PaymentDialogProps) {
  const toast = useToast();
  const [today] = useState(() => israeliToday());
  const [payments, setPayments] = useState<DraftPayment[]>(() => [emptyPayment(dueAgorot, today)]);
  const [errors, setErrors] = useState<PaymentErrors>({});
  const text = TEXT[mode];

  const submit = () => {
    const checked = validatePayments(payments, dueAgorot, mode === 'issue' ? 'exact' : 'at_most');
    if (!checked.ok) {
      setErrors(checked.errors);
      toast.error(checked.message);
      return;
    }
    setErrors({});
    onSubmit(checked.payments);
  };

  return (
    <Dialog
      open
      title={text.title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>ביטול</Button>
          <Button variant="primary" loading={busy} data-autofocus onClick={submit}>
            {text.action}
          </Button>
        </>
      }
    >
      <p>
        {text.intro}: <strong>{formatShekels(dueAgorot)}</strong>
      </p>
      <p>{text.body}</p>
      <PaymentsEditor
        payments={payments}
        onChange={setPayments}
        dueAgorot={dueAgorot}
        today={today}
        errors={errors}
      />
    </Dialog>
  );
}
