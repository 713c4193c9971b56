import { Button, Menu, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { savedViewsApi, type SavedViewScreen } from './savedViewsApi';
import { currentView, groupViews } from './savedViewsModel';

// The dialogs load on first use: most visits to the board only pick a view, if that.
const SaveViewDialog = lazy(() => import('./SavedViewsDialogs').then((m) => ({ default: m.SaveViewDialog })));
const ManageViewsDialog = lazy(() => import('./SavedViewsDialogs').then((m) => ({ default: m.ManageViewsDialog })));

interface Props {
  screen: SavedViewScreen;
  me: Me['user'];
  /** The screen's filters now, under their address-bar names. */
  query: Record<string, string>;
  onApply(query: Record<string, string>): void;
  /** A line for the screen's status area ("View saved", "View deleted"). */
  onStatus?(text: string): void;
}

/** Saved views of a screen: pick one (yours or a shared one), save the current filters, rename or delete yours. */
export function SavedViewsMenu({ screen, me, query, onApply, onStatus }: Props) {
  const { t } = useTranslation();
  const views = useQuery({ queryKey: ['savedViews', screen], queryFn: () => savedViewsApi.list(screen), staleTime: 60_000 });
  const items = useMemo(() => views.data?.items ?? [], [views.data]);
  const { mine, shared } = useMemo(() => groupViews(items, me.id), [items, me.id]);
  const current = currentView(items, query, me.id);
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const mayWrite = me.role !== 'viewer';

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <Button variant="default" size="xs" aria-label={t('savedViews.menuLabel')}>
            {current ? t('savedViews.buttonCurrent', { name: current.name }) : t('savedViews.button')} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown maw={360}>
          {views.isPending ? <Menu.Label>{t('common.loading')}</Menu.Label> : null}
          {views.error ? (
            <Menu.Item onClick={() => void views.refetch()} color="red">
              {t('common.networkError')} · {t('common.retry')}
            </Menu.Item>
          ) : null}
          {views.isSuccess && mine.length === 0 && shared.length === 0 ? <Menu.Label>{t('savedViews.none')}</Menu.Label> : null}
          {mine.length > 0 ? <Menu.Label>{t('savedViews.mine')}</Menu.Label> : null}
          {mine.map((view) => (
            <Menu.Item key={view.id} onClick={() => onApply(view.query)} leftSection={<span aria-hidden>{current?.id === view.id ? '✓' : ''}</span>} aria-current={current?.id === view.id ? 'true' : undefined}>
              {view.name}
              {view.shared ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {t('savedViews.sharedMark')}
                </Text>
              ) : null}
            </Menu.Item>
          ))}
          {shared.length > 0 ? <Menu.Label>{t('savedViews.shared')}</Menu.Label> : null}
          {shared.map((view) => (
            <Menu.Item key={view.id} onClick={() => onApply(view.query)} leftSection={<span aria-hidden>{current?.id === view.id ? '✓' : ''}</span>} aria-current={current?.id === view.id ? 'true' : undefined}>
              {view.name}{' '}
              <Text span size="xs" c="dimmed">
                {t('savedViews.sharedBy', { name: view.userName })}
              </Text>
            </Menu.Item>
          ))}
          {mayWrite ? (
            <>
              <Menu.Divider />
              <Menu.Item onClick={() => setDialog('save')}>{t('savedViews.save')}</Menu.Item>
              {mine.length > 0 ? <Menu.Item onClick={() => setDialog('manage')}>{t('savedViews.manage')}</Menu.Item> : null}
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {dialog ? (
        <Suspense fallback={null}>
          {dialog === 'save' ? (
            <SaveViewDialog screen={screen} me={me} views={items} query={query} onClose={() => setDialog(null)} onSaved={(name) => onStatus?.(t('savedViews.saved', { name }))} />
          ) : (
            <ManageViewsDialog screen={screen} views={mine} all={items} me={me} query={query} onClose={() => setDialog(null)} onDeleted={(name) => onStatus?.(t('savedViews.deleted', { name }))} />
          )}
        </Suspense>
      ) : null}
    </>
  );
}
