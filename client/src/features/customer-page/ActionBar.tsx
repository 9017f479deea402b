import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextArea } from '../../components/Field';
import { useFeatures } from '../../hooks/useFeatures';
import { SendForSignatureDialog } from '../billing/SendForSignatureDialog';
import { TaskDialog } from '../tasks/TaskDialog';
import type { Customer } from '../customers/api';
import { useCustomerContact } from '../customers/useCustomerContact';
import './customer-page.css';

/**
 * SPEC C10's Action Bar: one click to call, message, add a task, quote, send for signature or
 * invoice. It sticks to the top of the page while the page scrolls. What the tenant switched
 * off is not shown. 📄 and 🧾 open a new quote / invoice for the customer; ✍️ sends one of the
 * customer's open quotes for signature.
 */
export function ActionBar({ customer, readOnly }: { customer: Customer; readOnly: boolean }) {
  const { isOn } = useFeatures();
  const navigate = useNavigate();
  const contact = useCustomerContact();
  const [dialog, setDialog] = useState<'task' | 'whatsapp' | 'sign' | null>(null);
  const [text, setText] = useState('');

  if (readOnly) return null;
  const billing = (path: string) =>
    void navigate(`${path}?customerId=${encodeURIComponent(customer.id)}`);
  const send = async () => {
    if (await contact.whatsapp(customer.id, text.trim() || undefined)) {
      setDialog(null);
      setText('');
    }
  };

  return (
    <>
      <nav className="action-bar" aria-label="פעולות על הלקוח">
        {isOn('calls') ? (
          <Button
            variant="primary"
            loading={contact.calling}
            onClick={() => contact.call(customer.id)}
          >
            📞 התקשר
          </Button>
        ) : null}
        {isOn('whatsapp') ? (
          <Button variant="whatsapp" onClick={() => setDialog('whatsapp')}>
            💬 WhatsApp
          </Button>
        ) : null}
        {isOn('tasks') ? <Button onClick={() => setDialog('task')}>📝 משימה</Button> : null}
        {isOn('contracts') ? (
          <Button onClick={() => billing('/contracts/new')}>📄 הצעה</Button>
        ) : null}
        {isOn('contracts') && isOn('signatures') ? (
          <Button onClick={() => setDialog('sign')}>✍️ חתימה</Button>
        ) : null}
        {isOn('invoices') ? (
          <Button onClick={() => billing('/invoices/new')}>🧾 חשבונית</Button>
        ) : null}
      </nav>

      {contact.dialog}
      {dialog === 'task' ? (
        <TaskDialog
          customerId={customer.id}
          customerName={customer.name}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'sign' ? (
        <SendForSignatureDialog
          customerId={customer.id}
          customerName={customer.name}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'whatsapp' ? (
        <Dialog
          open
          title={`הודעת WhatsApp ל${customer.name}`}
          onClose={() => setDialog(null)}
          footer={
            <>
              <Button onClick={() => setDialog(null)}>ביטול</Button>
              <Button variant="whatsapp" loading={contact.sending} onClick={() => void send()}>
                שליחה
              </Button>
            </>
          }
        >
          <TextArea
            label="תוכן ההודעה"
            hint="אפשר להשאיר ריק: תישלח הודעת פתיחה קצרה עם שם הלקוח."
            rows={4}
            maxLength={1600}
            data-autofocus
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Dialog>
      ) : null}
    </>
  );
}
