import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { NARROW, useMediaQuery } from '../../hooks/useMediaQuery';

export interface NavLinkItem {
  to: string;
  label: string;
  /** The label in the phone's bottom tab bar, where five tabs share the width. */
  short?: string;
  icon: string;
}

/** On a phone this many sections are tabs; the others open from "עוד", the fifth tab. */
export const TABS_ON_PHONE = 4;

/** The label of a section: in full, or shortened in the bottom tab bar (only one is displayed). */
function NavLabel({ item }: { item: Pick<NavLinkItem, 'label' | 'short' | 'icon'> }) {
  return (
    <>
      <span className="nav__icon" aria-hidden="true">
        {item.icon}
      </span>
      {item.short ? (
        <>
          <span className="nav__label nav__label--full">{item.label}</span>
          <span className="nav__label nav__label--short">{item.short}</span>
        </>
      ) : (
        <span className="nav__label">{item.label}</span>
      )}
    </>
  );
}

/** Whether `pathname` is the section's page or one below it. */
const within = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/**
 * The main navigation: every section in the sidebar at a desk; on a phone a bottom tab bar of
 * the {@link TABS_ON_PHONE} most used sections and "עוד", a disclosure button that opens the
 * others in a sheet above the bar. The sheet takes the focus to its first link, Escape or a
 * press outside closes it (Escape returns the focus to the button), and so does leaving it by
 * Tab or choosing a section. "עוד" is marked as the current tab while one of its sections is open.
 */
export function MainNav({ items }: { items: NavLinkItem[] }) {
  const narrow = useMediaQuery(NARROW);
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const sheetId = useId();
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A fifth section alone would take the place of "עוד" just as well.
  const split = narrow && items.length > TABS_ON_PHONE + 1;
  const tabs = split ? items.slice(0, TABS_ON_PHONE) : items;
  const more = split ? items.slice(TABS_ON_PHONE) : [];
  const inMore = more.some((item) => within(pathname, item.to));

  // Another page (a link, Back) or the desk layout closes the sheet.
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && (openedAt !== pathname || !split)) setOpen(false);
  if (openedAt !== pathname) setOpenedAt(pathname);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('.nav-sheet a')?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <nav aria-label="ניווט ראשי">
      <ul className="nav">
        {tabs.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="nav__link">
              <NavLabel item={item} />
            </NavLink>
          </li>
        ))}
        {more.length > 0 ? (
          <li
            ref={root}
            className="nav__more"
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
            }}
          >
            <button
              ref={button}
              type="button"
              className={inMore ? 'nav__link active' : 'nav__link'}
              aria-expanded={open}
              aria-controls={sheetId}
              onClick={() => setOpen((o) => !o)}
            >
              <NavLabel item={{ label: 'עוד', icon: '☰' }} />
            </button>
            <ul id={sheetId} className="nav-sheet" aria-label="עוד אזורים" hidden={!open}>
              {more.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className="nav__link nav-sheet__link"
                    onClick={() => setOpen(false)}
                  >
                    <span className="nav__icon" aria-hidden="true">
                      {item.icon}
                    </span>
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
