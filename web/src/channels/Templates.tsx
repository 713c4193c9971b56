import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../src/domain/policy';
import { renderTemplate, templatePlaceholderNames, unknownPlaceholders } from '../../../src/domain/whatsappTemplates';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { actorOf } from '../auth/permissions';
import { Empty, ErrorState, Loading } from '../ui/States';
import { channelsApi, type WhatsappTemplate } from './channelsApi';
import { sampleValues } from './channelsModel';

const key = ['channels', 'templates'];

function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.status === 409) return error.code === 'already_exists' ? error.message : t('channels.templates.conflict');
  return error instanceof ApiError ? error.message : t('common.networkError');
}

/** WhatsApp message templates with {{placeholders}}, used to prefill click-to-chat links. */
export default function Templates({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const mayEdit = can(actorOf(me), 'write', { type: 'whatsapp_template' });
  const query = useQuery({ queryKey: key, queryFn: channelsApi.templates });
  const [editing, setEditing] = useState<WhatsappTemplate | 'new' | null>(null);
  return (
    <Stack gap="md" maw={1000} mx="auto">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('channels.templates.title')}
        </Title>
        {mayEdit ? <Button onClick={() => setEditing('new')}>{t('channels.templates.new')}</Button> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('channels.templates.intro')}
      </Text>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <Empty title={t('channels.templates.empty')} hint={mayEdit ? t('channels.templates.emptyHint') : undefined} /> : null}
      {query.data?.items.map((template) => (
        <TemplateCard key={template.id} template={template} mayEdit={mayEdit} onEdit={() => setEditing(template)} />
      ))}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('channels.templates.new') : t('channels.templates.edit')} size="lg">
        {editing !== null ? <TemplateForm template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function TemplateCard({ template, mayEdit, onEdit }: { template: WhatsappTemplate; mayEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => channelsApi.deleteTemplate(template.id, template.version),
    onSuccess: () => setConfirming(false),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  const headingId = `template-${template.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h5" id={headingId}>
            {template.name}
          </Title>
          <Badge variant="light">{t(`channels.language.${template.language}`)}</Badge>
        </Group>
        {mayEdit ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('channels.templates.edit')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
              {t('channels.templates.delete')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {template.body}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('channels.templates.preview')}: {renderTemplate(template.body, sampleValues)}
      </Text>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={confirming} onClose={() => setConfirming(false)} title={t('channels.templates.deleteTitle', { name: template.name })}>
        <Stack gap="sm">
          <Text size="sm">{t('channels.templates.deleteConfirm')}</Text>
          {remove.error ? (
            <Alert color="red" role="alert">
              {errorText(remove.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('channels.templates.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function TemplateForm({ template, onDone }: { template: WhatsappTemplate | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(template?.name ?? '');
  const [language, setLanguage] = useState<'id' | 'en'>(template?.language ?? 'id');
  const [body, setBody] = useState(template?.body ?? '');
  const [errors, setErrors] = useState<{ name?: string; body?: string }>({});
  const save = useMutation({
    mutationFn: () =>
      template
        ? channelsApi.updateTemplate(template.id, { name: name.trim(), language, body: body.trim(), version: template.version })
        : channelsApi.createTemplate({ name: name.trim(), language, body: body.trim() }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key });
      onDone();
    },
  });
  const unknown = unknownPlaceholders(body);
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: { name?: string; body?: string } = {};
    if (!name.trim()) found.name = t('channels.required');
    if (!body.trim()) found.body = t('channels.required');
    else if (unknown.length > 0) found.body = t('channels.templates.unknown', { names: unknown.join(', ') });
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={template ? t('channels.templates.edit') : t('channels.templates.new')}>
      <Stack gap="xs">
        {save.error ? (
          <Alert color="red" role="alert">
            {errorText(save.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t('channels.templates.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <NativeSelect
          label={t('channels.templates.languageLabel')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as 'id' | 'en')}
          data={(['id', 'en'] as const).map((l) => ({ value: l, label: t(`channels.language.${l}`) }))}
        />
        <Textarea
          label={t('channels.templates.body')}
          description={t('channels.templates.placeholders', { names: templatePlaceholderNames.map((p) => `{{${p}}}`).join(' ') })}
          required
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body ?? (unknown.length > 0 ? t('channels.templates.unknown', { names: unknown.join(', ') }) : undefined)}
        />
        {body.trim() ? (
          <Text size="sm" p="xs" bg="gray.0" style={{ whiteSpace: 'pre-wrap' }} aria-label={t('channels.templates.preview')}>
            {renderTemplate(body, sampleValues)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
