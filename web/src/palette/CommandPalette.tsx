import { Kbd, Modal, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { navigate } from '../router';
import { Fragment } from 'react';
import { moveHighlight, paletteItems, shouldSearch, type PaletteAction, type PaletteItem } from './paletteModel';
import classes from './CommandPalette.module.css';

export interface PaletteCommand extends PaletteAction {
  run(): void;
}

const groupOf = (item: PaletteItem) => (item.kind === 'action' ? 'actions' : `${item.kind}s`);

/** Ctrl/⌘-K: find an account, contact or journey, or run an action, from the keyboard. */
export function CommandPalette({ opened, onClose, commands }: { opened: boolean; onClose(): void; commands: PaletteCommand[] }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 600px)');
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useQuery({ queryKey: ['search', 'palette', debounced], queryFn: () => api.search(debounced, 5), enabled: opened && shouldSearch(debounced), staleTime: 30_000 });
  const accountIds = useMemo(() => [...new Set((search.data?.contacts ?? []).map((c) => c.accountId))], [search.data]);
  const accounts = useQuery({
    queryKey: ['accounts', 'byIds', accountIds],
    queryFn: () => api.accounts({ ids: accountIds.join(','), limit: 100 }),
    enabled: accountIds.length > 0,
  });
  const names = useMemo(() => new Map((accounts.data?.items ?? []).map((a) => [a.id, a.name])), [accounts.data]);
  const items = paletteItems(query, commands, shouldSearch(debounced) ? search.data : undefined, names);

  useEffect(() => setHighlight(0), [query, search.data]);
  useEffect(() => {
    if (!opened) setQuery('');
  }, [opened]);

  function run(item: PaletteItem | undefined) {
    if (!item) return;
    onClose();
    if (item.kind === 'action') commands.find((c) => c.id === item.action.id)?.run();
    else navigate(item.to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((h) => moveHighlight(h, event.key === 'ArrowDown' ? 1 : -1, items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(items[highlight]);
    }
  }

  const active = items[highlight];
  useEffect(() => {
    if (active) document.getElementById(`palette-${active.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('palette.title')} size="lg" fullScreen={!!phone} yOffset="10vh">
      <TextInput
        data-autofocus
        aria-label={t('palette.inputLabel')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={active ? `palette-${active.id}` : undefined}
      />
      <div aria-live="polite" className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {search.isFetching ? t('common.loading') : t('palette.results', { count: items.length })}
      </div>
      <ul id="palette-list" role="listbox" aria-label={t('palette.results', { count: items.length })} className={classes.list}>
        {items.map((item, index) => (
          <Fragment key={item.id}>
            {index === 0 || groupOf(items[index - 1] as PaletteItem) !== groupOf(item) ? (
              <li role="presentation" className={classes.group}>
                {t(`palette.group.${groupOf(item)}`)}
              </li>
            ) : null}
            <li
              id={`palette-${item.id}`}
              role="option"
              aria-selected={index === highlight}
              className={classes.option}
              onMouseEnter={() => setHighlight(index)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(item)}
            >
              <Text size="sm" fw={500}>
                {item.label}
              </Text>
              {item.kind !== 'action' && item.detail ? <span className={classes.detail}>{item.detail}</span> : null}
            </li>
          </Fragment>
        ))}
      </ul>
      {shouldSearch(debounced) && search.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('palette.nothing')}
        </Text>
      ) : null}
      {search.error ? (
        <Text size="sm" c="red.8" role="alert" mt="sm">
          {t('common.networkError')}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt="sm">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('palette.hintMove')} · <Kbd>Enter</Kbd> {t('palette.hintOpen')} · <Kbd>Esc</Kbd> {t('palette.hintClose')}
      </Text>
    </Modal>
  );
}
