import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import type { SigningView } from './api';
import { SignPage } from './SignPage';

const view: SigningView = {
  document: {
    contractId: 'c1',
    title: 'הסכם תיווך',
    businessName: 'נדל״ן לדוגמה',
    businessId: '514000000',
    customerName: 'אבי גולן',
    terms: 'התשלום עם החתימה על חוזה השכירות.',
    lines: [
      { description: 'דמי תיווך', quantity: 1, unitPriceAgorot: 500000, totalAgorot: 500000 },
    ],
    vatRateBasisPoints: 1800,
    subtotalAgorot: 500000,
    vatAgorot: 90000,
    totalAgorot: 590000,
    currency: 'ILS',
  },
  status: 'viewed',
  expiresAt: '2026-12-02T10:00:00Z',
  documentSha256: 'ab'.repeat(32),
};

function renderAt(token: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/sign/:token" element={<SignPage />} />
    </Routes>,
    { route: `/sign/${token}` },
  );
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('SignPage', () => {
  it.each([
    ['signing_link_expired', 410, 'תוקף הקישור פג'],
    ['signing_link_used', 410, 'המסמך כבר נחתם'],
    ['signing_link_not_found', 404, 'הקישור אינו תקין'],
  ])('says in Hebrew why the link cannot be used (%s)', async (error, status, title) => {
    mockFetch(() => json({ error, message: 'x' }, status));
    renderAt('tok');
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'חתימה ואישור' })).not.toBeInTheDocument();
  });

  it('shows the document without logging in, and signs with the drawn signature', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ method }) =>
      method === 'POST' ? json(undefined, 204) : json(view),
    );
    renderAt('tok-1');
    expect(await screen.findByRole('heading', { name: 'הסכם תיווך' })).toBeInTheDocument();
    expect(screen.getByText('דמי תיווך')).toBeInTheDocument();
    expect(screen.getByText('התשלום עם החתימה על חוזה השכירות.')).toBeInTheDocument();
    expect(calls[0]?.headers.Authorization).toBeUndefined();

    // Nothing is sent without a signature and the consent.
    await user.click(screen.getByRole('button', { name: 'חתימה ואישור' }));
    expect(screen.getByText('יש לחתום במשטח החתימה')).toBeInTheDocument();
    expect(screen.getByText('יש לאשר שקראת את המסמך')).toBeInTheDocument();
    expect(calls).toHaveLength(1);

    const pad = screen.getByRole('img', { name: 'משטח חתימה ריק' });
    fireEvent.pointerDown(pad, { pointerId: 1, pointerType: 'touch', clientX: 10, clientY: 10 });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'touch', clientX: 60, clientY: 40 });
    fireEvent.pointerUp(pad, { pointerId: 1, pointerType: 'touch' });
    await user.click(screen.getByRole('checkbox', { name: /קראתי את המסמך/ }));
    await user.click(screen.getByRole('button', { name: 'חתימה ואישור' }));

    expect(await screen.findByText('המסמך נחתם בהצלחה')).toBeInTheDocument();
    const post = calls[1];
    expect(post).toMatchObject({ url: '/api/public/sign/tok-1', method: 'POST' });
    const body = post?.body as { signature: string; signerName: string; documentSha256: string };
    expect(body.signerName).toBe('אבי גולן');
    expect(body.documentSha256).toBe(view.documentSha256);
    expect(atob(body.signature.replace('data:image/svg+xml;base64,', ''))).toContain(
      '<path d="M10 10 L60 40"/>',
    );
  });

  it('shows the server message when the document changed meanwhile', async () => {
    const user = userEvent.setup();
    mockFetch(({ method }) =>
      method === 'POST'
        ? json({ error: 'document_changed', message: 'המסמך השתנה מאז שנפתח.' }, 409)
        : json(view),
    );
    renderAt('tok-2');
    const pad = await screen.findByRole('img', { name: 'משטח חתימה ריק' });
    fireEvent.pointerDown(pad, {
      pointerId: 1,
      pointerType: 'mouse',
      button: 0,
      clientX: 1,
      clientY: 1,
    });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'mouse', clientX: 9, clientY: 9 });
    fireEvent.pointerUp(pad, { pointerId: 1, pointerType: 'mouse' });
    await user.click(screen.getByRole('checkbox', { name: /קראתי את המסמך/ }));
    await user.click(screen.getByRole('button', { name: 'חתימה ואישור' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('המסמך השתנה מאז שנפתח.'),
    );
  });

  it('lets a keyboard user sign by typing the name (sent as a PNG)', async () => {
    const user = userEvent.setup();
    const fillText = vi.fn();
    // Any drawing call is accepted; the name's is recorded.
    const ctx = new Proxy(
      {},
      { get: (_t, key) => (key === 'fillText' ? fillText : () => undefined), set: () => true },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      ctx as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(
      'data:image/png;base64,iVBO',
    );
    const calls = mockFetch(({ method }) =>
      method === 'POST' ? json(undefined, 204) : json(view),
    );
    renderAt('tok-3');
    await user.click(await screen.findByRole('button', { name: 'הקלדת השם במקום ציור' }));
    expect(screen.queryByRole('img', { name: /משטח חתימה/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /קראתי את המסמך/ }));
    await user.click(screen.getByRole('button', { name: 'חתימה ואישור' }));
    expect(await screen.findByText('המסמך נחתם בהצלחה')).toBeInTheDocument();
    expect(fillText.mock.calls[0]?.[0]).toBe('אבי גולן');
    expect((calls[1]?.body as { signature: string }).signature).toBe('data:image/png;base64,iVBO');
  });
});
