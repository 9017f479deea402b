import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';

export interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => (await api<{ items: User[] }>('/api/users')).items,
    staleTime: 5 * 60_000,
  });
}
