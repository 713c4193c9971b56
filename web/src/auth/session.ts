import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';

export const meKey = ['me'] as const;
export const setupKey = ['setup'] as const;

/** The signed-in user, or null when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: api.setupStatus, staleTime: Infinity });
}

/** After sign-in, setup or sign-out: forget everything cached for the previous user. */
export function useSessionReset() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' });
    await client.invalidateQueries({ queryKey: setupKey });
    await client.invalidateQueries({ queryKey: meKey });
  };
}
