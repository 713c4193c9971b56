import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { savedViewsApi, type SavedView, type SavedViewScreen } from './savedViewsApi';
import { canonicalQuery, nameProblem } from './savedViewsModel';

function failureText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) return error.code === 'already_exists' ? t('savedViews.nameTaken') : error.message;
  return t('common.networkError');
}

interface SaveProps {
  screen: SavedViewScreen;
  me: Me['user'];
  views: readonly SavedView[];
  query: Record<string, string>;
  onClose(): void;
  onSaved(name: string): void;
}

/** Names the current filters and saves them, optionally shared with the workspace. */
export function SaveViewDialog({ screen, me, views, query, onClose, onSaved }: SaveProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => savedViewsApi.create({ screen, name: name.trim(), query, shared }),
    onSuccess: async (view) => {
      await client.invalidateQueries({ queryKey: ['savedViews', screen] });
      onSaved(view.name);
      onClose();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = nameProblem(name, views, me.id);
    setProblem(found ? t(found) : null);
    if (!found) save.mutate();
  }
  const serverProblem = save.error ? failureText(save.error, t) : null;
  return (
    <Modal opened onClose={onClose} title={t('savedViews.saveTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate aria-label={t('savedViews.saveTitle')}>
        <Stack gap="sm">
          <TextInput
            data-autofocus
            label={t('savedViews.name')}
            description={t('savedViews.nameDescription')}
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problem ?? (save.error instanceof ApiError && save.error.code === 'already_exists' ? serverProblem : undefined)}
          />
          <Checkbox label={t('savedViews.shareLabel')} description={t('savedViews.shareDescription')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
          {canonicalQuery(query) === '' ? (
            <Text size="sm" c="dimmed">
              {t('savedViews.noFilters')}
            </Text>
          ) : null}
          {save.error && !(save.error instanceof ApiError && save.error.code === 'already_exists') ? (
            <Alert color="red" role="alert">
              {serverProblem}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ManageProps {
  screen: SavedViewScreen;
  /** The user's own views. */
  views: readonly SavedView[];
  all: readonly SavedView[];
  me: Me['user'];
  query: Record<string, string>;
  onClose(): void;
  onDeleted(name: string): void;
}

/** The user's own views: rename, share or not, take the current filters, delete (after confirming). */
export function ManageViewsDialog({ screen, views, all, me, query, onClose, onDeleted }: ManageProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('savedViews.manageTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        {views.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('savedViews.none')}
          </Text>
        ) : null}
        {views.map((view) => (
          <ViewRow key={view.id} screen={screen} view={view} all={all} me={me} query={query} onDeleted={onDeleted} />
        ))}
      </Stack>
    </Modal>
  );
}

function ViewRow({ screen, view, all, me, query, onDeleted }: { screen: SavedViewScreen; view: SavedView; all: readonly SavedView[]; me: Me['user']; query: Record<string, string>; onDeleted(name: string): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(view.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const done = () => client.invalidateQueries({ queryKey: ['savedViews', screen] });
  const update = useMutation({ mutationFn: (body: { name?: string; query?: Record<string, string>; shared?: boolean }) => savedViewsApi.update(view.id, { ...body, version: view.version }), onSuccess: done });
  const remove = useMutation({
    mutationFn: () => savedViewsApi.remove(view.id, view.version),
    onSuccess: async () => {
      await done();
      onDeleted(view.name);
    },
  });
  const renamed = name.trim() !== view.name;
  const sameAsCurrent = canonicalQuery(view.query) === canonicalQuery(query);
  function rename(event: FormEvent) {
    event.preventDefault();
    const found = nameProblem(name, all, me.id, view.id);
    setProblem(found ? t(found) : null);
    if (!found) update.mutate({ name: name.trim() });
  }
  const error = update.error ?? remove.error;
  return (
    <Stack gap={6} component="section" aria-label={view.name}>
      <form onSubmit={rename} noValidate>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('savedViews.rename', { name: view.name })} value={name} maxLength={80} onChange={(e) => setName(e.currentTarget.value)} error={problem} style={{ flex: 1, minWidth: 180 }} />
          <Button type="submit" size="sm" variant="light" disabled={!renamed} loading={update.isPending && update.variables?.name !== undefined}>
            {t('savedViews.saveChanges')}
          </Button>
        </Group>
      </form>
      <Group gap="xs" wrap="wrap">
        <Checkbox label={t('savedViews.shareLabel')} checked={view.shared} disabled={update.isPending} onChange={(e) => update.mutate({ shared: e.currentTarget.checked })} />
        <Button size="compact-sm" variant="subtle" disabled={sameAsCurrent} onClick={() => update.mutate({ query })}>
          {t('savedViews.useCurrent')}
        </Button>
        {!confirming ? (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {t('savedViews.delete')}
          </Button>
        ) : null}
      </Group>
      {confirming ? (
        <Alert color="red" variant="light" role="alertdialog" aria-label={t('savedViews.deleteConfirm', { name: view.name })}>
          <Text size="sm" mb="xs">
            {t('savedViews.deleteConfirm', { name: view.name })}
          </Text>
          <Group gap="xs">
            <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-autofocus>
              {t('savedViews.deleteYes')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error instanceof ApiError && error.code === 'already_exists' ? t('savedViews.nameTaken') : error instanceof ApiError ? error.message : t('common.networkError')}
        </Text>
      ) : null}
    </Stack>
  );
}
