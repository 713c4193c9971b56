import { Alert, Badge, Button, Group, Modal, MultiSelect, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions, stages, techProficiencies } from '../../../src/shared/vocabulary';
import { ApiError } from '../api/client';
import type { Me, Stage } from '../api/types';
import { contentApi, type Proficiency } from '../content/contentApi';
import { canWritePlaybookContent, inLanguage } from '../content/contentModel';
import { Empty, ErrorState, Loading } from '../ui/States';
import { byKind, entryKinds, playbookContentApi, type EntryInput, type EntryKind, type PlaybookEntry } from './playbookContentApi';

function problemOf(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const issue = (error.details.issues as { field: string; reason: string }[] | undefined)?.[0];
  return issue ? `${error.message} (${issue.field}: ${issue.reason})` : error.message;
}

/** The playbook content editor (/playbook): entries per stage × persona, in Indonesian and English. */
export default function PlaybookEditor({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState<Stage>('knowledge');
  const [editing, setEditing] = useState<PlaybookEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PlaybookEntry | null>(null);
  const entries = useQuery({ queryKey: ['playbookContent', 'entries', stage], queryFn: () => playbookContentApi.list(stage) });
  const mayEdit = canWritePlaybookContent(me);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (e: PlaybookEntry) => playbookContentApi.remove(e.id, e.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['playbookContent'] });
      setDeleting(null);
    },
  });

  return (
    <Stack maw={1000} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('playbookContent.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('playbookContent.intro')}
          </Text>
        </Stack>
        {mayEdit ? <Button onClick={() => setEditing('new')}>{t('playbookContent.add')}</Button> : null}
      </Group>
      <SegmentedControl
        value={stage}
        onChange={(v) => setStage(v as Stage)}
        data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        aria-label={t('playbookContent.stage')}
        fullWidth
      />
      {entries.isPending ? <Loading /> : null}
      {entries.error ? <ErrorState error={entries.error} onRetry={() => void entries.refetch()} /> : null}
      {entries.data && entries.data.items.length === 0 ? <Empty title={t('playbookContent.empty')} hint={mayEdit ? t('playbookContent.emptyHint') : undefined} /> : null}
      {entries.data
        ? byKind(entries.data.items).map((group) => (
            <Paper key={group.kind} withBorder p="md" component="section" aria-label={t(`playbookContent.kind.${group.kind}`)}>
              <Title order={2} size="h5" mb="sm">
                {t(`playbookContent.kind.${group.kind}`)}
              </Title>
              <Stack gap="sm">
                {group.entries.map((e) => (
                  <Group key={e.id} justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="wrap">
                        <Text fw={600} size="sm">
                          {inLanguage(i18n.language, e.titleId, e.titleEn)}
                        </Text>
                        <Badge size="xs" variant="light" color="orange">
                          {e.proficiency ? t(`techProficiency.${e.proficiency}`) : t('playbookContent.everyProficiency')}
                        </Badge>
                        <Badge size="xs" variant="light" color="gray">
                          {e.division ? t(`division.${e.division}`) : t('playbookContent.everyDivision')}
                        </Badge>
                        {e.contentItemIds.length > 0 ? (
                          <Badge size="xs" variant="outline">
                            {t('playbookContent.linked', { count: e.contentItemIds.length })}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                        {inLanguage(i18n.language, e.bodyId, e.bodyEn)}
                      </Text>
                    </Stack>
                    {mayEdit ? (
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => setEditing(e)} aria-label={t('playbookContent.editLabel', { title: inLanguage(i18n.language, e.titleId, e.titleEn) })}>
                          {t('playbookContent.edit')}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(e)} aria-label={t('playbookContent.deleteLabel', { title: inLanguage(i18n.language, e.titleId, e.titleEn) })}>
                          {t('playbookContent.delete')}
                        </Button>
                      </Group>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Paper>
          ))
        : null}
      {editing ? <EntryDialog entry={editing === 'new' ? null : editing} stage={stage} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <Modal opened onClose={() => setDeleting(null)} title={t('playbookContent.deleteTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('playbookContent.deleteConfirm', { title: inLanguage(i18n.language, deleting.titleId, deleting.titleEn) })}</Text>
            {remove.error ? (
              <Alert color="red" role="alert">
                {problemOf(remove.error, t('common.networkError'))}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
                {t('playbookContent.delete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}

function EntryDialog({ entry, stage, onClose }: { entry: PlaybookEntry | null; stage: Stage; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const library = useQuery({ queryKey: ['content', 'list', 'all'], queryFn: () => contentApi.list({}, undefined, 200) });
  const [form, setForm] = useState<EntryInput>(
    entry
      ? { stage: entry.stage, proficiency: entry.proficiency, division: entry.division, kind: entry.kind, titleId: entry.titleId, titleEn: entry.titleEn, bodyId: entry.bodyId, bodyEn: entry.bodyEn, contentItemIds: entry.contentItemIds }
      : { stage, proficiency: null, division: null, kind: 'talk_track', titleId: '', titleEn: '', bodyId: '', bodyEn: '', contentItemIds: [] },
  );
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = { ...form, titleId: form.titleId.trim(), titleEn: form.titleEn.trim(), bodyId: form.bodyId.trim(), bodyEn: form.bodyEn.trim() };
      return entry ? playbookContentApi.update(entry.id, { ...body, version: entry.version }) : playbookContentApi.create(body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['playbookContent'] });
      onClose();
    },
  });
  const texts = ['titleId', 'titleEn', 'bodyId', 'bodyEn'] as const;
  const missing = (field: (typeof texts)[number]) => touched && form[field].trim() === '';
  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (texts.every((f) => form[f].trim() !== '')) save.mutate();
  }
  const required = t('playbookContent.required');
  return (
    <Modal opened onClose={onClose} title={entry ? t('playbookContent.editTitle') : t('playbookContent.add')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow wrap="wrap">
            <NativeSelect label={t('playbookContent.stage')} value={form.stage} onChange={(e) => setForm({ ...form, stage: e.currentTarget.value as Stage })} data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
            <NativeSelect label={t('playbookContent.kindLabel')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as EntryKind })} data={entryKinds.map((k) => ({ value: k, label: t(`playbookContent.kind.${k}`) }))} />
            <NativeSelect
              label={t('playbookContent.proficiency')}
              value={form.proficiency ?? ''}
              onChange={(e) => setForm({ ...form, proficiency: (e.currentTarget.value || null) as Proficiency | null })}
              data={[{ value: '', label: t('playbookContent.everyProficiency') }, ...techProficiencies.map((p) => ({ value: p, label: t(`techProficiency.${p}`) }))]}
            />
            <NativeSelect
              label={t('playbookContent.division')}
              value={form.division ?? ''}
              onChange={(e) => setForm({ ...form, division: e.currentTarget.value || null })}
              data={[{ value: '', label: t('playbookContent.everyDivision') }, ...divisions.map((d) => ({ value: d, label: t(`division.${d}`) }))]}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('playbookContent.indonesian')}
              </Text>
              <TextInput label={t('playbookContent.titleId')} required maxLength={300} value={form.titleId} onChange={(e) => setForm({ ...form, titleId: e.currentTarget.value })} error={missing('titleId') ? required : null} data-autofocus />
              <Textarea label={t('playbookContent.bodyId')} required autosize minRows={5} maxLength={10000} value={form.bodyId} onChange={(e) => setForm({ ...form, bodyId: e.currentTarget.value })} error={missing('bodyId') ? required : null} />
            </Stack>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('playbookContent.english')}
              </Text>
              <TextInput label={t('playbookContent.titleEn')} required maxLength={300} value={form.titleEn} onChange={(e) => setForm({ ...form, titleEn: e.currentTarget.value })} error={missing('titleEn') ? required : null} />
              <Textarea label={t('playbookContent.bodyEn')} required autosize minRows={5} maxLength={10000} value={form.bodyEn} onChange={(e) => setForm({ ...form, bodyEn: e.currentTarget.value })} error={missing('bodyEn') ? required : null} />
            </Stack>
          </Group>
          <MultiSelect
            label={t('playbookContent.content')}
            description={t('playbookContent.contentHint')}
            searchable
            clearable
            maxValues={20}
            value={form.contentItemIds}
            onChange={(contentItemIds) => setForm({ ...form, contentItemIds })}
            data={(library.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            comboboxProps={{ withinPortal: true }}
          />
          {save.error ? (
            <Alert color="red" role="alert">
              {problemOf(save.error, t('common.networkError'))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
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
