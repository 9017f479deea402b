import { useState } from 'react';

/**
 * Whether an editor has unsaved changes; `edit(setter)` wraps a setter so that it marks them.
 * `dirty` may start true (a new document can be saved as it is); `edited` says that the person
 * changed something since it was loaded or saved, which is what leaving would lose.
 */
export function useDirty(initial: boolean) {
  const [dirty, setDirtyState] = useState(initial);
  const [edited, setEdited] = useState(false);
  const setDirty = (next: boolean) => {
    setDirtyState(next);
    if (!next) setEdited(false);
  };
  const edit =
    <T>(setter: (v: T) => void) =>
    (value: T) => {
      setter(value);
      setDirtyState(true);
      setEdited(true);
    };
  return { dirty, edited, setDirty, edit };
}
