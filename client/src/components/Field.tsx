import {
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { isoToIsraeli, israeliToIso } from '../lib/dates';
import './Button.css';
import './Field.css';

interface FieldChrome {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Hide the label visually (it stays for screen readers). */
  hideLabel?: boolean;
}

function Chrome({
  id,
  label,
  error,
  hint,
  hideLabel,
  children,
}: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export type InputProps = FieldChrome & InputHTMLAttributes<HTMLInputElement>;

/** Phone numbers, addresses and links are written left to right, "+972" first, in any layout. */
const LEFT_TO_RIGHT = new Set(['tel', 'email', 'url']);

export function Input({ label, error, hint, hideLabel, id, className, ...rest }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Chrome id={inputId} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <input
        id={inputId}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        dir={LEFT_TO_RIGHT.has(rest.type ?? '') ? 'ltr' : undefined}
        {...rest}
      />
    </Chrome>
  );
}

export type TextAreaProps = FieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextArea({ label, error, hint, hideLabel, id, className, ...rest }: TextAreaProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Chrome id={inputId} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <textarea
        id={inputId}
        className={['input', 'input--textarea', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        {...rest}
      />
    </Chrome>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectProps = FieldChrome &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: SelectOption[];
    /** A first option with an empty value, e.g. "כל הסטטוסים". */
    placeholder?: string;
  };

export function Select({
  label,
  error,
  hint,
  hideLabel,
  id,
  options,
  placeholder,
  className,
  ...rest
}: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <Chrome id={selectId} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <select
        id={selectId}
        className={['input', 'select', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, error, hint)}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Chrome>
  );
}

export interface DateFieldProps extends FieldChrome {
  /** The ISO day ("2026-11-17") or "" for none. */
  value: string;
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  id?: string;
}

/**
 * A date typed day first ("17/11/2026") whatever language the browser's own date widget speaks,
 * with the browser's calendar one button away. Reports the ISO day once the text is a date, ""
 * once it is cleared; text that is no date says so when the field is left.
 */
export function DateField({
  label,
  error,
  hint,
  hideLabel,
  id,
  value,
  onChange,
  min,
  max,
}: DateFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => isoToIsraeli(value));
  const [shown, setShown] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // A new value from outside (a cleared filter, the calendar) replaces what was typed.
  if (value !== shown) {
    setShown(value);
    setText(isoToIsraeli(value));
    setInvalid(false);
  }
  const ownError = invalid ? 'יש להקליד תאריך בתבנית יום/חודש/שנה' : undefined;
  const shownError = error ?? ownError;

  const type = (next: string) => {
    setText(next);
    const iso = next.trim() === '' ? '' : israeliToIso(next);
    if (iso === null) return;
    setInvalid(false);
    setShown(iso);
    if (iso !== value) onChange(iso);
  };

  return (
    <Chrome id={inputId} label={label} error={shownError} hint={hint} hideLabel={hideLabel}>
      <div className="date-field">
        <input
          id={inputId}
          className="input date-field__text"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          placeholder="יום/חודש/שנה"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(inputId, shownError, hint)}
          value={text}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setInvalid(text.trim() !== '' && israeliToIso(text) === null)}
        />
        <button
          type="button"
          className="icon-button date-field__calendar"
          aria-label="בחירה מלוח השנה"
          onClick={() => {
            try {
              picker.current?.showPicker();
            } catch {
              // no calendar in this browser (or not allowed here): typing still works
            }
          }}
        >
          <span aria-hidden="true">📅</span>
        </button>
        {/* The browser's calendar, opened by the button; its own field is never shown. */}
        <input
          ref={picker}
          type="date"
          className="date-field__picker"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </Chrome>
  );
}
