import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { CustomerDialog } from './CustomerDialog';

describe('CustomerDialog', () => {
  beforeEach(() => signIn());

  it('refuses what is not a phone number before asking the server', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(() => json({ items: [] }));
    renderWithProviders(<CustomerDialog customer={null} onClose={vi.fn()} onSaved={vi.fn()} />);

    await user.type(screen.getByLabelText(/שם מלא/), 'דנה');
    await user.type(screen.getByLabelText(/טלפון/), '050-12');
    await user.click(screen.getByRole('button', { name: 'הוספת לקוח' }));

    expect(
      await screen.findByText('מספר הטלפון אינו תקין. לדוגמה: 050-1234567'),
    ).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends an Israeli shared-cost number as typed', async () => {
    const user = userEvent.setup();
    const calls = mockFetch((call) =>
      call.method === 'POST'
        ? json({ id: 'c1', name: 'מוקד', phone: '+9721700500500' })
        : json({ items: [] }),
    );
    const onSaved = vi.fn();
    renderWithProviders(<CustomerDialog customer={null} onClose={vi.fn()} onSaved={onSaved} />);

    await user.type(screen.getByLabelText(/שם מלא/), 'מוקד');
    await user.type(screen.getByLabelText(/טלפון/), '1-700-500-500');
    await user.click(screen.getByRole('button', { name: 'הוספת לקוח' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ phone: '1-700-500-500' });
  });

  it('refuses a VAT dealer number whose check digit does not add up before asking the server', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(() => json({ items: [] }));
    renderWithProviders(<CustomerDialog customer={null} onClose={vi.fn()} onSaved={vi.fn()} />);

    await user.type(screen.getByLabelText(/שם מלא/), 'חברה בע״מ');
    await user.type(screen.getByLabelText(/טלפון/), '050-1234567');
    await user.type(screen.getByLabelText(/מספר עוסק/), '514000001');
    await user.click(screen.getByRole('button', { name: 'הוספת לקוח' }));

    expect(await screen.findByText(/ספרת הביקורת של מספר העוסק/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
