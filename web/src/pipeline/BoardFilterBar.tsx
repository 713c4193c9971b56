import { Button, Group, NativeSelect, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tiers } from '../../../src/shared/vocabulary';
import { api } from '../api/client';
import type { User } from '../api/types';
import { activeFilterCount, emptyFilters, type BoardFilterKey, type BoardFilters } from './boardModel';

const long = 5 * 60_000;

/** The board's six filters; each change replaces the address (so the filtered board can be shared). */
export function BoardFilterBar({ filters, users, onChange }: { filters: BoardFilters; users: readonly User[]; onChange(next: BoardFilters): void }) {
  const { t } = useTranslation();
  const solutions = useQuery({ queryKey: ['solutions'], queryFn: api.solutions, staleTime: long });
  const principals = useQuery({ queryKey: ['principals', 'all'], queryFn: () => api.principals(), staleTime: long });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.teams(), staleTime: long });
  const [city, setCity] = useState(filters.city ?? '');
  useEffect(() => setCity(filters.city ?? ''), [filters.city]);
  const set = (key: BoardFilterKey, value: string | null) => onChange({ ...filters, [key]: value?.trim() || null });
  const commitCity = () => {
    if (city.trim() !== (filters.city ?? '')) set('city', city);
  };
  const active = activeFilterCount(filters);

  return (
    <Group gap="sm" wrap="wrap" align="flex-end" mb="sm" role="search" aria-label={t('pipeline.filters')}>
      <Select
        label={t('pipeline.filterSolution')}
        placeholder={t('pipeline.allSolutions')}
        clearable
        searchable
        size="xs"
        w={200}
        data={(solutions.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={filters.solution}
        onChange={(value) => set('solution', value)}
      />
      <NativeSelect
        label={t('boardFilters.principal')}
        size="xs"
        w={170}
        value={filters.principal ?? ''}
        onChange={(e) => set('principal', e.currentTarget.value)}
        data={[{ value: '', label: t('boardFilters.allPrincipals') }, ...(principals.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
      />
      <NativeSelect
        label={t('boardFilters.team')}
        size="xs"
        w={150}
        value={filters.team ?? ''}
        onChange={(e) => set('team', e.currentTarget.value)}
        data={[{ value: '', label: t('boardFilters.allTeams') }, ...(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))]}
      />
      <Select
        label={t('pipeline.filterOwner')}
        placeholder={t('pipeline.allOwners')}
        clearable
        searchable
        size="xs"
        w={180}
        data={users.map((u) => ({ value: u.id, label: u.name }))}
        value={filters.owner}
        onChange={(value) => set('owner', value)}
      />
      <TextInput
        label={t('boardFilters.city')}
        placeholder={t('boardFilters.cityPlaceholder')}
        title={t('boardFilters.cityHint')}
        size="xs"
        w={150}
        value={city}
        onChange={(e) => setCity(e.currentTarget.value)}
        onBlur={commitCity}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commitCity();
          }
        }}
      />
      <NativeSelect
        label={t('boardFilters.tier')}
        size="xs"
        w={130}
        value={filters.tier ?? ''}
        onChange={(e) => set('tier', e.currentTarget.value)}
        data={[{ value: '', label: t('boardFilters.allTiers') }, ...tiers.map((x) => ({ value: x, label: t(`tier.${x}`) }))]}
      />
      {active > 0 ? (
        <Button variant="subtle" size="xs" onClick={() => onChange(emptyFilters)} title={t('boardFilters.active', { count: active })}>
          {t('boardFilters.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
