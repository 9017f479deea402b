import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../hooks/useSession';
import { getBillingSettings, billingKeys } from './api';

/** The law's rate, which billing-service also uses until the owner saves another. */
const DEFAULT_VAT_BASIS_POINTS = 1800;

/**
 * The VAT rate the server will price a new document with. Only the owner may read the billing
 * settings; for others the document's own rate (when editing) or the default stands in, and the
 * saved document shows the server's figures.
 */
export function useVatRate(documentRate?: number): number {
  const owner = useSession()?.user.role === 'owner';
  const settings = useQuery({
    queryKey: billingKeys.settings,
    queryFn: getBillingSettings,
    enabled: owner,
    staleTime: 5 * 60_000,
  });
  return settings.data?.vatRateBasisPoints ?? documentRate ?? DEFAULT_VAT_BASIS_POINTS;
}
