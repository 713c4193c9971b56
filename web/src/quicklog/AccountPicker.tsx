import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { shouldSearch } from '../palette/paletteModel';

export interface PickedAccount {
  id: string;
  name: string;
}

/** An account chosen by typing part of its name (search-as-you-type over /api/search). */
export function AccountPicker({ value, onChange, error, autoFocus }: { value: PickedAccount | null; onChange(account: PickedAccount | null): void; error?: string | undefined; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const active = shouldSearch(debounced) && debounced !== value?.name;
  const results = useQuery({ queryKey: ['search', 'accounts', debounced], queryFn: () => api.search(debounced, 8), enabled: active, staleTime: 30_000 });
  const found = results.data?.accounts.map((a) => ({ value: a.id, label: `${a.name} — ${a.city}`, name: a.name })) ?? [];
  const data = value && !found.some((f) => f.value === value.id) ? [{ value: value.id, label: value.name, name: value.name }, ...found] : found;

  return (
    <Select
      label={t('fields.account')}
      placeholder={t('quickLog.accountPlaceholder')}
      required
      searchable
      clearable
      data-autofocus={autoFocus || undefined}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const picked = data.find((d) => d.value === id);
        onChange(picked ? { id: picked.value, name: picked.name } : null);
        if (picked) setSearch(picked.label);
      }}
      data={data.map(({ value: v, label }) => ({ value: v, label }))}
      filter={({ options }) => options}
      nothingFoundMessage={active && results.isSuccess ? t('quickLog.noAccount') : shouldSearch(search) ? t('common.loading') : t('quickLog.typeToSearch')}
      rightSection={results.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
