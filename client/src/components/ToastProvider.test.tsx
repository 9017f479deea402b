import { act, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToast } from './toast';
import { ToastProvider } from './ToastProvider';

const toasts = () => renderHook(() => useToast(), { wrapper: ToastProvider }).result;

describe('ToastProvider', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a success takes away the errors on screen, and leaves other news', () => {
    const api = toasts();
    act(() => {
      api.current.error('השמירה נכשלה');
      api.current.info('מתחבר מחדש');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('השמירה נכשלה');

    act(() => api.current.success('הלקוח נשמר'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('הלקוח נשמר')).toBeInTheDocument();
    expect(screen.getByText('מתחבר מחדש')).toBeInTheDocument();
  });

  it('an error stays twice as long as other toasts', () => {
    const api = toasts();
    act(() => {
      api.current.error('השמירה נכשלה');
      api.current.info('מתחבר מחדש');
    });
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.queryByText('מתחבר מחדש')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
