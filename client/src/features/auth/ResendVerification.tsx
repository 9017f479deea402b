import { useState } from 'react';
import { Button } from '../../components/Button';
import { errorMessage } from '../../lib/api';
import { ErrorAlert, SuccessAlert } from './AccountCard';
import { resendVerification } from './accountApi';

/** "Send the mail again", for a signup whose mail did not arrive or whose link expired. */
export function ResendVerification({ email }: { email: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (state === 'sent') return <SuccessAlert>שלחנו מכתב חדש. בדקו את תיבת הדואר.</SuccessAlert>;
  return (
    <>
      <ErrorAlert message={error} />
      <Button
        type="button"
        variant="secondary"
        loading={state === 'busy'}
        onClick={() => {
          setState('busy');
          setError(null);
          resendVerification(email).then(
            () => setState('sent'),
            (e: unknown) => {
              setError(errorMessage(e));
              setState('idle');
            },
          );
        }}
      >
        שליחת מכתב האישור שוב
      </Button>
    </>
  );
}
