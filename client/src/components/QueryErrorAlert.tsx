import { errorMessage } from '../lib/api';

/** A failed query's message as an alert; nothing while the query has not failed. */
export function QueryErrorAlert({ query }: { query: { isError: boolean; error: unknown } }) {
  return query.isError ? (
    <div className="alert alert--danger" role="alert">
      {errorMessage(query.error)}
    </div>
  ) : null;
}
