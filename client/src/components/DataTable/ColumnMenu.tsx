import { useId } from 'react';
import { usePopover } from '../../hooks/usePopover';
import { Button } from '../Button';
import type { DataTableColumn } from './types';
import './DataTable.css';

export interface ColumnMenuProps<T> {
  columns: DataTableColumn<T>[];
  hidden: string[];
  onToggle: (columnId: string, visible: boolean) => void;
}

/** "עמודות": a popover of checkboxes, one per column that may be hidden. */
export function ColumnMenu<T>({ columns, hidden, onToggle }: ColumnMenuProps<T>) {
  const { open, setOpen, root } = usePopover();
  const menuId = useId();

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
