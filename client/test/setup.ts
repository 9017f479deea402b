import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setSession } from '../src/lib/session';

afterEach(() => {
  cleanup();
  setSession(null);
  localStorage.clear();
});
