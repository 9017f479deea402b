import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRememberedState } from './useRememberedState';

describe('useRememberedState', () => {
  it('keeps the value in localStorage across mounts', () => {
    const first = renderHook(() => useRememberedState('k', { density: 'comfortable' }));
    act(() => first.result.current[1]({ density: 'compact' }));
    first.unmount();
    const second = renderHook(() => useRememberedState('k', { density: 'comfortable' }));
    expect(second.result.current[0]).toEqual({ density: 'compact' });
  });

  it('ignores a stored value of another shape', () => {
    localStorage.setItem('k', '"oops"');
    const { result } = renderHook(() => useRememberedState('k', [1, 2]));
    expect(result.current[0]).toEqual([1, 2]);
  });
});
