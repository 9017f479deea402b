import { useState } from 'react';

/** Whether an editor has unsaved changes; `edit(setter)` wraps a setter so that it marks them. */
export function useDirty(initial: boolean) {
  const [dirty, setDirty] = useState(initial);
  const edit =
    <T>(setter: (v: T) => void) =>
    (value: T) => {
      setter(value);
      setDirty(true);
    };
  return { dirty, setDirty, edit };
}
