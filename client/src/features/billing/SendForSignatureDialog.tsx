import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formatShekels } from '../../lib/money';
import { timelineKeys } from '../timeline/api';
import { billingKeys, listContracts, sendContract, type SigningLink } from './api';
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUS_TONES } from './labels';
import { SigningLinkDialog } from './SigningLinkDialog';
import './billing.css';

/** The Action Bar's ✍️: choose one of the customer's open quotes and get its signing link. */
export function SendForSignatureDialog({
  customerId,
  customerName,
  onClose,
}: {
  customerId: string;
  customerName: string;
  onClose: () => void;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<SigningLink | null>(null);
  const params = { customerId, limit: 50, sort: '-createdAt' };
  const contracts = useQuery({
    queryKey: billingKeys.contractList(params),
    queryFn: ({ signal }) => listContracts(params, signal),
  });
  const send = useMutation({
    mutationFn: sendContract,
    onSuccess: (result) => {
      setLink(result);
      void queryClient.invalidateQueries({ queryKey: billingKeys.contracts });
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(customerId) });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (link) return <SigningLinkDialog link={link} onClose={onClose} />;
  const open = (contracts.data?.items ?? []).filter(
    (c) => c.status !== 'signed' && c.status !== 'declined',
  );
  const newQuote = `/contracts/new?customerId=${encodeURIComponent(customerId)}`;

  return (
    <Dialog open title={`שליחה לחתימה · ${customerName}`} onClose={onClose} size="lg">
      {contracts.isPending ? (
        <Skeleton lines={3} />
      ) : contracts.isError ? (
        <p role="alert">{errorMessage(contracts.error)}</p>
      ) : open.length === 0 ? (
        <EmptyState
          icon="📄"
          title="אין ללקוח מסמך שממתין לחתימה"
          description="צרו הצעת מחיר ושלחו אותה לחתימה מתוך ההצעה."
          action={
            <Link className="btn btn--primary btn--md" to={newQuote}>
              הצעה חדשה
            </Link>
          }
        />
      ) : (
        <ul className="plain-list pick-list">
          {open.map((c) => (
            <li key={c.id} className="pick-list__item">
              <div className="pick-list__main">
                <Link to={`/contracts/${c.id}`} className="pick-list__title">
                  {c.title}
                </Link>
                <span className="muted">
                  {formatShekels(c.totalAgorot)} · {formatDate(c.createdAt)}
                </span>
                <Badge tone={CONTRACT_STATUS_TONES[c.status]}>
                  {CONTRACT_STATUS_LABELS[c.status]}
                </Badge>
              </div>
              <Button
                variant="primary"
                size="sm"
                loading={send.isPending && send.variables === c.id}
                disabled={send.isPending}
                onClick={() => send.mutate(c.id)}
              >
                {c.status === 'draft' ? 'שליחה לחתימה' : 'קישור חדש'}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
