import { Alert, Anchor, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions, stages, techProficiencies } from '../../../src/shared/vocabulary';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { canLogActivity } from '../auth/permissions';
import { formatDate } from '../format/format';
import { useSolutions } from '../lists/lookups';
import { Empty, ErrorState, Loading } from '../ui/States';
import { contentApi, type ContentFilters, type ContentItem } from './contentApi';
import { LinkDialog, UploadDialog } from './ContentForms';
import { canWriteContent, fileBadge, formatBytes } from './contentModel';
import { ShareDialog } from './ShareDialog';

/** The educational-content library (/content): filter, open, share; marcomm and product specialists add and delete. */
export default function ContentLibrary({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const { solutions } = useSolutions();
  const [filters, setFilters] = useState<ContentFilters>({});
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const [dialog, setDialog] = useState<'upload' | 'link' | null>(null);
  const [sharing, setSharing] = useState<ContentItem | null>(null);
  const [deleting, setDeleting] = useState<ContentItem | null>(null);
  const mayWrite = canWriteContent(me);
  const query = { ...filters, q: q.length > 0 ? q : undefined };
  const list = useInfiniteQuery({
    queryKey: ['content', 'list', query],
    queryFn: ({ pageParam }) => contentApi.list(query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof ContentFilters) => (e: { currentTarget: { value: string } }) => setFilters({ ...filters, [key]: e.currentTarget.value || undefined });
  const filtered = Object.values(query).some((v) => v !== undefined);

  return (
    <Stack maw={1100} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('content.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('content.intro')}
          </Text>
        </Stack>
        {mayWrite ? (
          <Group gap="xs">
            <Button variant="light" onClick={() => setDialog('link')}>
              {t('content.addLink')}
            </Button>
            <Button onClick={() => setDialog('upload')}>{t('content.uploadFile')}</Button>
          </Group>
        ) : null}
      </Group>

      <Paper withBorder p="sm" component="section" aria-label={t('content.filters')}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t('content.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={220} type="search" />
          <NativeSelect label={t('content.fields.solution')} value={filters.solutionId ?? ''} onChange={set('solutionId')} data={[{ value: '', label: t('content.any') }, ...solutions.map((s) => ({ value: s.id, label: s.name }))]} />
          <NativeSelect label={t('content.fields.proficiency')} value={filters.proficiency ?? ''} onChange={set('proficiency')} data={[{ value: '', label: t('content.any') }, ...techProficiencies.map((p) => ({ value: p, label: t(`techProficiency.${p}`) }))]} />
          <NativeSelect label={t('content.fields.division')} value={filters.division ?? ''} onChange={set('division')} data={[{ value: '', label: t('content.any') }, ...divisions.map((d) => ({ value: d, label: t(`division.${d}`) }))]} />
          <NativeSelect label={t('content.fields.stage')} value={filters.stage ?? ''} onChange={set('stage')} data={[{ value: '', label: t('content.any') }, ...stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))]} />
          <NativeSelect label={t('content.fields.language')} value={filters.language ?? ''} onChange={set('language')} data={[{ value: '', label: t('content.any') }, ...(['id', 'en'] as const).map((l) => ({ value: l, label: t(`content.language.${l}`) }))]} />
        </Group>
      </Paper>

      {list.isPending ? <Loading /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <Empty title={filtered ? t('content.noMatch') : t('content.empty')} hint={mayWrite ? t('content.emptyHint') : t('content.emptyReadOnly')} /> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('content.title')}>
        {items.map((item) => (
          <li key={item.id}>
            <ContentCard
              item={item}
              solutionNames={item.solutionIds.map((id) => solutions.find((s) => s.id === id)?.name ?? id)}
              onShare={canLogActivity(me) ? () => setSharing(item) : null}
              onDelete={mayWrite ? () => setDeleting(item) : null}
            />
          </li>
        ))}
      </Stack>
      {list.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}

      {dialog === 'upload' ? <UploadDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'link' ? <LinkDialog onClose={() => setDialog(null)} /> : null}
      {sharing ? <ShareDialog item={sharing} onClose={() => setSharing(null)} /> : null}
      {deleting ? <DeleteDialog item={deleting} onClose={() => setDeleting(null)} /> : null}
    </Stack>
  );
}

export function ContentCard({ item, solutionNames, onShare, onDelete }: { item: ContentItem; solutionNames: string[]; onShare: (() => void) | null; onDelete: (() => void) | null }) {
  const { t, i18n } = useTranslation();
  const badge = fileBadge(item);
  const href = item.kind === 'link' ? (item.url ?? '#') : contentApi.fileUrl(item.id);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Anchor href={href} target={item.kind === 'link' ? '_blank' : undefined} rel={item.kind === 'link' ? 'noopener noreferrer' : undefined} fw={600}>
              {item.title}
            </Anchor>
            <Badge variant="light" color={item.kind === 'link' ? 'blue' : 'grape'}>
              {badge ?? t(`content.kind.${item.kind}`)}
            </Badge>
            <Badge variant="outline">{item.language.toUpperCase()}</Badge>
          </Group>
          {item.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.description}
            </Text>
          ) : null}
          <Group gap={4} wrap="wrap">
            {solutionNames.map((name) => (
              <Badge key={name} size="sm" variant="dot">
                {name}
              </Badge>
            ))}
            {item.stages.map((s) => (
              <Badge key={s} size="sm" variant="light" color="teal">
                {t(`stage.${s}`)}
              </Badge>
            ))}
            {item.proficiencies.map((p) => (
              <Badge key={p} size="sm" variant="light" color="orange">
                {t(`techProficiency.${p}`)}
              </Badge>
            ))}
            {item.divisions.map((d) => (
              <Badge key={d} size="sm" variant="light" color="gray">
                {t(`division.${d}`)}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {[item.kind === 'upload' ? formatBytes(item.sizeBytes, i18n.language) : null, formatDate(item.createdAt.slice(0, 10), i18n.language), t('content.shares', { count: item.shareCount })].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {onShare ? (
            <Button size="xs" variant="light" onClick={onShare}>
              {t('content.share.action')}
            </Button>
          ) : null}
          {onDelete ? (
            <Button size="xs" variant="subtle" color="red" onClick={onDelete} aria-label={t('content.delete.label', { title: item.title })}>
              {t('content.delete.action')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

function DeleteDialog({ item, onClose }: { item: ContentItem; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => contentApi.remove(item.id, item.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['content'] });
      await client.invalidateQueries({ queryKey: ['playbookContent'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('content.delete.title')}>
      <Stack gap="sm">
        <Text size="sm">{t(item.kind === 'upload' ? 'content.delete.confirmUpload' : 'content.delete.confirmLink', { title: item.title })}</Text>
        {remove.error ? (
          <Alert color="red" role="alert">
            {remove.error instanceof ApiError ? remove.error.message : t('common.networkError')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('content.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
