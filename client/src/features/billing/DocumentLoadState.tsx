import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { ApiError, errorMessage } from '../../lib/api';

export interface DocumentLoadStateProps {
  /** The document's query, still pending or failed. */
  query: { isError: boolean; error: unknown };
  /** Shown under the title when the document does not exist (404). */
  missingDescription?: string;
  /** The way back to the list. */
  back: ReactNode;
}

/** A billing editor's page while its document loads, or when it could not be loaded. */
export function DocumentLoadState({ query, missingDescription, back }: DocumentLoadStateProps) {
  if (!query.isError) {
    return (
      <section className="page">
        <Skeleton lines={6} />
      </section>
    );
  }
  const missing = query.error instanceof ApiError && query.error.status === 404;
  return (
    <section className="page">
      <EmptyState
        icon={missing ? '🔍' : '⚠️'}
        title={missing ? 'המסמך לא נמצא' : 'לא הצלחנו לטעון את המסמך'}
        description={missing ? missingDescription : errorMessage(query.error)}
        action={back}
      />
    </section>
  );
}
