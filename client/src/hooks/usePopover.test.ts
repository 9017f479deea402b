import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePopover } from './usePopover';

describe('usePopover', () => {
  it('closes on a press outside its root and on Escape, not on a press inside', () => {
    const inside = document.createElement('div');
    const outside = document.createElement('div');
    document.body.append(inside, outside);
    const { result } = renderHook(() => usePopover());
    result.current.root.current = inside;

    act(() => result.current.setOpen(true));
    act(() => {
      inside.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    expect(result.current.open).toBe(true);
    act(() => {
      outside.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    expect(result.current.open).toBe(false);

    act(() => result.current.setOpen(true));
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(result.current.open).toBe(false);
    inside.remove();
    outside.remove();
  });
});
