import type { Feature } from '../../hooks/useFeatures';

/**
 * Which feature flag (SPEC C1) a screen of the app belongs to, by the first segment of its path.
 * Every screen under these paths, now or added later, is guarded here in one place.
 */
const ROUTE_FEATURES: Record<string, Feature> = {
  customers: 'crm',
  calls: 'calls',
  tasks: 'tasks',
  contracts: 'contracts',
  invoices: 'invoices',
  stats: 'stats',
};

/** Screens for the owner (and the platform admin) only. */
const OWNER_ONLY = new Set(['settings']);

export function featureForPath(pathname: string): Feature | null {
  const first = pathname.split('/').find(Boolean) ?? '';
  return ROUTE_FEATURES[first] ?? null;
}

export function isOwnerOnlyPath(pathname: string): boolean {
  return OWNER_ONLY.has(pathname.split('/').find(Boolean) ?? '');
}
