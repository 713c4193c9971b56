import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { Account, Page, Solution, Team, User } from '../api/types';

/** Names the lists show in place of ids: users, teams, solutions, and accounts by id. */
export function useUsers() {
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 5 * 60_000 });
  const byId = useMemo(() => new Map<string, User>((users.data?.items ?? []).map((u) => [u.id, u])), [users.data]);
  return { users: users.data?.items ?? [], byId, query: users };
}

export function useTeams() {
  const teams = useQuery({ queryKey: ['teams'], queryFn: api.teams, staleTime: 5 * 60_000 });
  const byId = useMemo(() => new Map<string, Team>((teams.data?.items ?? []).map((t) => [t.id, t])), [teams.data]);
  return { teams: teams.data?.items ?? [], byId, query: teams };
}

export function useSolutions() {
  const solutions = useQuery({ queryKey: ['solutions'], queryFn: api.solutions, staleTime: 5 * 60_000 });
  const byId = useMemo(() => new Map<string, Solution>((solutions.data?.items ?? []).map((s) => [s.id, s])), [solutions.data]);
  return { solutions: solutions.data?.items ?? [], byId, query: solutions };
}

/** The accounts with these ids (at most 100 at a time, the API's bound), for showing names. */
export function useAccountsById(ids: readonly (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort().slice(0, 100);
  const accounts = useQuery({
    queryKey: ['accounts', 'byIds', unique],
    queryFn: () => api.accounts({ ids: unique.join(','), limit: 100 }),
    enabled: unique.length > 0,
    staleTime: 60_000,
  });
  return useMemo(() => new Map<string, Account>((accounts.data?.items ?? []).map((a) => [a.id, a])), [accounts.data]);
}

/** A page of records with the names of their accounts, fetched in one call per page (ids ≤ 100). */
export async function withAccountNames<T extends { accountId: string | null }>(page: Page<T>): Promise<Page<T & { accountName: string }>> {
  const ids = [...new Set(page.items.map((r) => r.accountId).filter((id): id is string => !!id))].slice(0, 100);
  const accounts = ids.length > 0 ? await api.accounts({ ids: ids.join(','), limit: 100 }) : { items: [] as Account[] };
  const names = new Map(accounts.items.map((a) => [a.id, a.name]));
  return { ...page, items: page.items.map((r) => ({ ...r, accountName: (r.accountId ? names.get(r.accountId) : undefined) ?? '' })) };
}
