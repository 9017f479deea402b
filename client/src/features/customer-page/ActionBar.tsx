import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, type ButtonVariant } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextArea } from '../../components/Field';
import { useFeatures } from '../../hooks/useFeatures';
import { NARROW, useMediaQuery } from '../../hooks/useMediaQuery';
import { usePopover } from '../../hooks/usePopover';
import { SendForSignatureDialog } from '../billing/SendForSignatureDialog';
import { TaskDialog } from '../tasks/TaskDialog';
import type { Customer } from '../customers/api';
import { useCustomerContact } from '../customers/useCustomerContact';
import './customer-page.css';

interface Action {
  key: string;
  icon: string;
  label: string;
  variant?: ButtonVariant;
  loading?: boolean;
  onClick: () => void;
}

/** The emoji is part of the name ("📞 התקשר"), as people and tests know the buttons by it. */
function ActionLabel({ action }: { action: Action }) {
  return (
    <>
      <span className="action-bar__icon">{action.icon}</span> <span>{action.label}</span>
    </>
  );
}

/** On a phone the bar shows this many actions and puts the rest under "עוד". */
const FIRST_ON_PHONE = 3;

/**
 * SPEC C10's Action Bar: one click to call, message, add a task, quote, send for signature or
 * invoice. It sticks to the top of the page while the page scrolls. What the tenant switched
 * off is not shown. 📄 and 🧾 open a new quote / invoice for the customer; ✍️ sends one of the
 * customer's open quotes for signature. On a phone the first actions stay in the bar and the
 * others open from "עוד", so none hides behind a sideways scroll.
 */
export function ActionBar({ customer, readOnly }: { customer: Customer; readOnly: boolean }) {
  const { isOn } = useFeatures();
  const navigate = useNavigate();
  const contact = useCustomerContact();
  const narrow = useMediaQuery(NARROW);
  const { open: moreOpen, setOpen: setMoreOpen, root: moreRoot } = usePopover();
  const moreId = useId();
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

  const actions: Action[] = [
    ...(isOn('calls')
      ? [
          {
            key: 'call',
            icon: '📞',
            label: 'התקשר',
            variant: 'primary' as const,
            loading: contact.calling,
            onClick: () => contact.call(customer.id),
          },
        ]
      : []),
    ...(isOn('whatsapp')
      ? [
          {
            key: 'whatsapp',
            icon: '💬',
            label: 'WhatsApp',
            variant: 'whatsapp' as const,
            onClick: () => setDialog('whatsapp'),
          },
        ]
      : []),
    ...(isOn('tasks')
      ? [{ key: 'task', icon: '📝', label: 'משימה', onClick: () => setDialog('task') }]
      : []),
    ...(isOn('contracts')
      ? [{ key: 'quote', icon: '📄', label: 'הצעה', onClick: () => billing('/contracts/new') }]
      : []),
    ...(isOn('contracts') && isOn('signatures')
      ? [{ key: 'sign', icon: '✍️', label: 'חתימה', onClick: () => setDialog('sign') }]
      : []),
    ...(isOn('invoices')
      ? [
          {
            key: 'invoice',
            icon: '🧾',
            label: 'חשבונית',
            onClick: () => billing('/invoices/new'),
          },
        ]
      : []),
  ];
  // "עוד" only when it saves room: one action more than fits is shown in place of the button.
  const split = narrow && actions.length > FIRST_ON_PHONE + 1;
  const inBar = split ? actions.slice(0, FIRST_ON_PHONE) : actions;
  const inMenu = split ? actions.slice(FIRST_ON_PHONE) : [];

  return (
    <>
      <nav className="action-bar" aria-label="פעולות על הלקוח">
        {inBar.map((a) => (
          <Button
            key={a.key}
            className="action-bar__action"
            variant={a.variant ?? 'secondary'}
            loading={a.loading ?? false}
            onClick={a.onClick}
          >
            <ActionLabel action={a} />
          </Button>
        ))}
        {inMenu.length > 0 ? (
          <div className="popover-anchor action-bar__more" ref={moreRoot}>
            <Button
              className="action-bar__action"
              aria-expanded={moreOpen}
              aria-controls={moreId}
              onClick={() => setMoreOpen((o) => !o)}
            >
              <span className="action-bar__icon" aria-hidden="true">
                ⋯
              </span>{' '}
              <span>עוד</span>
            </Button>
            {moreOpen ? (
              <ul id={moreId} className="popover action-bar__menu" aria-label="פעולות נוספות">
                {inMenu.map((a) => (
                  <li key={a.key}>
                    <Button
                      variant="ghost"
                      className="action-bar__menu-item"
                      onClick={() => {
                        setMoreOpen(false);
                        a.onClick();
                      }}
                    >
                      <ActionLabel action={a} />
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
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
