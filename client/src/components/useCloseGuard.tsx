import { useState, type ReactNode } from 'react';
import { useBeforeUnload } from '../hooks/useBeforeUnload';
import { LeaveQuestion } from './LeaveGuard';

/**
 * A form in a dialog that asks before its unsaved work is thrown away: `requestClose` goes in
 * place of `onClose` on the dialog and its cancel button, and closes at once when nothing was
 * edited; otherwise `question` (render it beside the dialog) asks "לצאת בלי לשמור?" first.
 * Reloading or closing the tab meanwhile gets the browser's own question.
 */
export function useCloseGuard(
  edited: boolean,
  onClose: () => void,
): { requestClose: () => void; question: ReactNode } {
  const [asking, setAsking] = useState(false);
  useBeforeUnload(edited);
  const requestClose = () => (edited ? setAsking(true) : onClose());
  const question = asking ? (
    <LeaveQuestion
      onStay={() => setAsking(false)}
      onLeave={() => {
        setAsking(false);
        onClose();
      }}
    />
  ) : null;
  return { requestClose, question };
}
