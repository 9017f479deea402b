import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DateField, Input } from './Field';

function Controlled({ onChange }: { onChange: (v: string) => void }) {
  const [value, setValue] = useState('2026-11-07');
  return (
    <>
      <DateField
        label="מתאריך"
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
      <button type="button" onClick={() => setValue('')}>
        ניקוי
      </button>
    </>
  );
}

describe('DateField', () => {
  it('shows and takes the date day first, and reports the ISO day', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByLabelText('מתאריך');
    expect(field).toHaveValue('07/11/2026');
    expect(field).toHaveAttribute('dir', 'ltr');

    await user.clear(field);
    expect(onChange).toHaveBeenLastCalledWith('');
    await user.type(field, '1/12/2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-12-01');
    expect(field).toHaveValue('1/12/2026');

    await user.click(screen.getByRole('button', { name: 'ניקוי' }));
    expect(field).toHaveValue('');
  });

  it('says so when the text left in it is no date', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByLabelText('מתאריך');
    await user.clear(field);
    await user.type(field, '31/02/2026');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('יש להקליד תאריך בתבנית יום/חודש/שנה');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(onChange).not.toHaveBeenCalledWith(expect.stringMatching(/^2026-0[23]/));
  });
});

describe('Input', () => {
  it('writes phone numbers and addresses left to right', () => {
    render(
      <>
        <Input label="טלפון" type="tel" />
        <Input label="אימייל" type="email" />
        <Input label="שם" />
      </>,
    );
    expect(screen.getByLabelText('טלפון')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByLabelText('אימייל')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByLabelText('שם')).not.toHaveAttribute('dir');
  });
});
