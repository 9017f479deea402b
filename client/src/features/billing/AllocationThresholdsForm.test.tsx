import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { AllocationThresholdsForm } from './AllocationThresholdsForm';

const LAW = [
  { effectiveFrom: '2026-01-01', thresholdAgorot: 1_000_000 },
  { effectiveFrom: '2026-06-01', thresholdAgorot: 500_000 },
];

describe('AllocationThresholdsForm', () => {
  beforeEach(() => signIn('owner'));

  it('shows the schedule in force and saves the owner’s own, refusing a repeated date', async () => {
    const user = userEvent.setup();
    const calls = mockFetch((call) => {
      if (call.method === 'PUT') {
        return json({
          customized: true,
          thresholds: (call.body as { thresholds: unknown }).thresholds,
          legalDefault: LAW,
        });
      }
      return json({ customized: false, thresholds: LAW, legalDefault: LAW });
    });
    renderWithProviders(<AllocationThresholdsForm />);
    const list = await screen.findByRole('list', { name: 'הספים של העסק' });
    expect(within(list).getByLabelText('סף לפני מע״מ (₪) (שורה 2)')).toHaveValue('5000');
    expect(screen.getByText(/העסק משתמש בלוח שבחוק/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'הוספת סף' }));
    await user.click(screen.getByLabelText('בתוקף מתאריך (שורה 3)'));
    await user.paste('01/06/2026');
    await user.click(screen.getByLabelText('סף לפני מע״מ (₪) (שורה 3)'));
    await user.paste('4000');
    await user.click(screen.getByRole('button', { name: 'שמירת הספים' }));
    expect(await screen.findByText('כבר יש סף מתאריך זה')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.clear(screen.getByLabelText('בתוקף מתאריך (שורה 3)'));
    await user.click(screen.getByLabelText('בתוקף מתאריך (שורה 3)'));
    await user.paste('01/01/2027');
    await user.click(screen.getByRole('button', { name: 'שמירת הספים' }));
    expect(await screen.findByText('ספי מספרי ההקצאה נשמרו')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/api/invoices/settings/allocation-thresholds',
      body: {
        thresholds: [...LAW, { effectiveFrom: '2027-01-01', thresholdAgorot: 400_000 }],
      },
    });
  });

  it('returns to the law’s schedule', async () => {
    const user = userEvent.setup();
    const calls = mockFetch((call) =>
      call.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : json({ customized: true, thresholds: [LAW[1]], legalDefault: LAW }),
    );
    renderWithProviders(<AllocationThresholdsForm />);
    await user.click(await screen.findByRole('button', { name: 'חזרה ללוח שבחוק' }));
    expect(await screen.findByText('חזרה ללוח הספים שבחוק')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });
});
