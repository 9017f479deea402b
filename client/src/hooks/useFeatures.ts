import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';

export type Feature =
  'crm' | 'calls' | 'whatsapp' | 'tasks' | 'contracts' | 'invoices' | 'signatures' | 'stats';

export type Features = Partial<Record<Feature, boolean>>;

export const featuresKey = ['tenant', 'features'] as const;

/** The tenant's feature flags; what is off is hidden (the server refuses it anyway). */
export function useFeatures() {
  const query = useQuery({
    queryKey: featuresKey,
    queryFn: () => api<Features>('/api/tenant/features'),
    staleTime: 5 * 60_000,
  });
  const isOn = (feature: Feature): boolean => query.data?.[feature] === true;
  return { ...query, isOn };
}
