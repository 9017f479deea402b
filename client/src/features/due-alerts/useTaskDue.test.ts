import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TaskDueMessage } from './socket';
import { useTaskDue } from './useTaskDue';

function fakeSocket() {
  const listeners = new Set<(m: TaskDueMessage) => void>();
  return {
    onTaskDue(listener: (m: TaskDueMessage) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(m: TaskDueMessage) {
      listeners.forEach((l) => l(m));
    },
    get size() {
      return listeners.size;
    },
  };
}

const alert = (taskId: string, title = `משימה ${taskId}`): TaskDueMessage => ({
  type: 'task:due',
  notificationId: `n-${taskId}-${title}`,
  taskId,
  title,
  customerId: 'c1',
  customerName: 'אבי לוי',
  customerPhone: '+972501234567',
  dueAt: '2026-11-25T10:00:00Z',
});

describe('useTaskDue', () => {
  it('queues alerts in arrival order and shows the oldest first', () => {
    const socket = fakeSocket();
    const { result } = renderHook(() => useTaskDue(true, socket));
    act(() => {
      socket.emit(alert('a'));
      socket.emit(alert('b'));
    });
    expect(result.current.current?.taskId).toBe('a');
    expect(result.current.queue.map((m) => m.taskId)).toEqual(['a', 'b']);
    act(() => result.current.dismiss('a'));
    expect(result.current.current?.taskId).toBe('b');
  });

  it('replaces the alert of a task that falls due again instead of queueing it twice', () => {
    const socket = fakeSocket();
    const { result } = renderHook(() => useTaskDue(true, socket));
    act(() => {
      socket.emit(alert('a', 'ישן'));
      socket.emit(alert('a', 'חדש'));
    });
    expect(result.current.queue).toHaveLength(1);
    expect(result.current.current?.title).toBe('חדש');
  });

  it('does not listen while disabled and stops listening on unmount', () => {
    const socket = fakeSocket();
    const disabled = renderHook(() => useTaskDue(false, socket));
    expect(socket.size).toBe(0);
    disabled.unmount();
    const enabled = renderHook(() => useTaskDue(true, socket));
    expect(socket.size).toBe(1);
    enabled.unmount();
    expect(socket.size).toBe(0);
  });
});
