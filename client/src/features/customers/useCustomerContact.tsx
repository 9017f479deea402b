import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Input } from '../../components/Field';
import { useToast } from '../../components/toast';
import { useRememberedState } from '../../hooks/useRememberedState';
import { ApiError, errorMessage } from '../../lib/api';
import { callKeys, getCallSettings } from '../calls/api';
import { timelineKeys } from '../timeline/api';
import { startCall, startWhatsApp } from './api';

/** telephony-service asks for the agent's own number when the tenant has no forwarding number. */
const NEEDS_AGENT_PHONE = new Set(['agent_phone_required', 'invalid_phone']);
const ASK_AGENT_PHONE = 'כדי להתקשר ללקוח, המערכת מצלצלת קודם אליך ואז מחברת את הלקוח.';

export interface CustomerContact {
  call: (customerId: string) => void;
  calling: boolean;
  /** {@code purpose}: the template used outside the 24-hour window when there is no text. */
  whatsapp: (customerId: string, text?: string, purpose?: string) => Promise<boolean>;
  sending: boolean;
  /** Render this: the "your phone number" dialog when click-to-call needs it. */
  dialog: ReactNode;
}

/**
 * Click-to-call and WhatsApp through telephony-service, shared by the Action Bar and the
 * due-task modal: both are logged on the customer's timeline. The agent's own number, asked for
 * once when the server needs it, is remembered in this browser.
 */
export function useCustomerContact(): CustomerContact {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [agentPhone, setAgentPhone] = useRememberedState('agentPhone', '');
  const [asking, setAsking] = useState<{ customerId: string; message: string } | null>(null);
  const [draft, setDraft] = useState('');

  const refresh = (customerId: string) =>
    void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(customerId) });

  const call = useMutation({
    mutationFn: ({ customerId, phone }: { customerId: string; phone: string }) =>
      startCall(customerId, phone || undefined),
    onSuccess: (result, { customerId }) => {
      setAsking(null);
      toast.success(
        result.sandbox
          ? 'מצב ארגז חול: השיחה נרשמה ביומן אך לא חויגה'
          : 'השיחה יוצאת: הטלפון שלך יצלצל בעוד רגע',
      );
      refresh(customerId);
    },
    onError: (error, { customerId }) => {
      if (error instanceof ApiError && NEEDS_AGENT_PHONE.has(error.code)) {
        setDraft(agentPhone);
        setAsking({ customerId, message: error.message });
      } else toast.error(errorMessage(error));
    },
  });

  const message = useMutation({
    mutationFn: ({
      customerId,
      text,
      purpose,
    }: {
      customerId: string;
      text?: string | undefined;
      purpose?: string | undefined;
    }) => startWhatsApp(customerId, text, purpose),
    onSuccess: (result, { customerId }) => {
      toast.success(
        result.sandbox ? 'מצב ארגז חול: ההודעה נרשמה אך לא נשלחה' : 'הודעת WhatsApp נשלחה',
      );
      refresh(customerId);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const submitPhone = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!asking || !draft.trim()) return;
    setAgentPhone(draft.trim());
    call.mutate({ customerId: asking.customerId, phone: draft.trim() });
  };

  const dialog = asking ? (
    <Dialog
      open
      layer="top"
      title="לאיזה מספר להתקשר אליך?"
      onClose={() => setAsking(null)}
      footer={
        <>
          <Button onClick={() => setAsking(null)}>ביטול</Button>
          <Button variant="primary" type="submit" form="agent-phone-form" loading={call.isPending}>
            📞 התקשר
          </Button>
        </>
      }
    >
      <form id="agent-phone-form" className="stack" onSubmit={submitPhone}>
        <p>{asking.message}</p>
        <Input
          label="הטלפון שלך"
          type="tel"
          dir="ltr"
          placeholder="050-1234567"
          data-autofocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </form>
    </Dialog>
  ) : null;

  // Without a remembered number, ask first when the tenant has no forwarding number either,
  // rather than send a call the server can only refuse.
  const dial = async (customerId: string) => {
    if (!agentPhone) {
      const settings = await queryClient
        .query({
          queryKey: callKeys.settings,
          queryFn: getCallSettings,
          staleTime: 5 * 60_000,
        })
        .catch(() => null);
      if (settings && !settings.forwardTo) {
        setDraft('');
        setAsking({ customerId, message: ASK_AGENT_PHONE });
        return;
      }
    }
    call.mutate({ customerId, phone: agentPhone });
  };

  return {
    call: (customerId) => void dial(customerId),
    calling: call.isPending,
    whatsapp: async (customerId, text, purpose) => {
      try {
        await message.mutateAsync({ customerId, text, purpose });
        return true;
      } catch {
        return false;
      }
    },
    sending: message.isPending,
    dialog,
  };
}
