import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../Button';
import type { DataTableColumn } from './types';

export interface ColumnMenuProps<T> {
  columns: DataTableColumn<T>[];
  hidden: string[];
  onToggle: (columnId: string, visible: boolean) => void;
}

/** "עמודות": a popover of checkboxes, one per column that may be hidden. */
export function ColumnMenu<T>({ columns, hidden, onToggle }: ColumnMenuProps<T>) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="popover-anchor" ref={root}>
      <Button
        size="sm"
        variant="ghost"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        icon="☰"
      >
        עמודות
      </Button>
      {open ? (
        <fieldset id={menuId} className="popover column-menu">
          <legend className="column-menu__legend">עמודות מוצגות</legend>
          {columns.map((c) => {
            const hideable = c.hideable ?? true;
            return (
              <label key={c.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={!hidden.includes(c.id)}
                  disabled={!hideable}
                  onChange={(e) => onToggle(c.id, e.target.checked)}
                />
                <span>{c.header}</span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
