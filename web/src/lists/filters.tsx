import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A filter over one closed vocabulary; "all" clears it. Labels come from the caller (translated). */
export function ChoiceFilter({ label, value, onChange, options }: { label: string; value: string; onChange(value: string): void; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Select
      size="sm"
      label={label}
      value={value}
      onChange={(v) => onChange(v ?? 'all')}
      data={[{ value: 'all', label: t('lists.all') }, ...options]}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      w={170}
    />
  );
}

/** Search text, sent to the server a moment after typing stops. */
export function SearchFilter({ label, onChange }: { label: string; onChange(value: string): void }) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => onChange(debounced), [debounced, onChange]);
  return <TextInput size="sm" type="search" label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} w={220} />;
}
