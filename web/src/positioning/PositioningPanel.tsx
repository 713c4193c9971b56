import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions, techProficiencies } from '../../../src/shared/vocabulary';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import type { Proficiency } from '../content/contentApi';
import { canWriteContent, inLanguage } from '../content/contentModel';
import { Empty, ErrorState, Loading } from '../ui/States';
import { pillarForm, pillarsToSave, positioningApi, type MessageInput, type PersonaMessage, type PillarStatement, type Positioning } from './positioningApi';

function problemOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** The solution's positioning: value pillars and messages per persona; marcomm and product specialists edit. */
export function PositioningPanel({ solutionId, me }: { solutionId: string; me: Me['user'] }) {
  const { t } = useTranslation();
  const positioning = useQuery({ queryKey: ['positioning', solutionId], queryFn: () => positioningApi.get(solutionId) });
  const mayEdit = canWriteContent(me);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="solution-positioning">
      <Title order={2} size="h4" id="solution-positioning" mb={4}>
        {t('positioning.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('positioning.hint')}
      </Text>
      {positioning.isPending ? <Loading /> : null}
      {positioning.error ? <ErrorState error={positioning.error} onRetry={() => void positioning.refetch()} /> : null}
      {positioning.data ? (
        <Stack gap="lg">
          <Pillars data={positioning.data} mayEdit={mayEdit} />
          <Messages data={positioning.data} mayEdit={mayEdit} />
        </Stack>
      ) : null}
    </Paper>
  );
}

function Pillars({ data, mayEdit }: { data: Positioning; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<PillarStatement[] | null>(null);
  const [incomplete, setIncomplete] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (pillars: PillarStatement[]) => positioningApi.putPillars(data.solutionId, data.version, pillars),
    onSuccess: (saved) => {
      client.setQueryData(['positioning', data.solutionId], saved);
      setForm(null);
    },
  });

  if (form) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      const result = pillarsToSave(form);
      setIncomplete(result.incomplete);
      if (result.incomplete.length === 0) save.mutate(result.pillars);
    };
    return (
      <form onSubmit={submit} noValidate aria-label={t('positioning.pillars')}>
        <Stack gap="sm">
          {form.map((p, index) => (
            <fieldset key={p.pillar} style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} size="sm" mb={4}>
                {t(`positioning.pillar.${p.pillar}`)}
              </Text>
              <Group grow align="flex-start" wrap="wrap">
                {(['statementId', 'statementEn'] as const).map((field) => (
                  <Textarea
                    key={field}
                    label={t(field === 'statementId' ? 'positioning.inIndonesian' : 'positioning.inEnglish')}
                    autosize
                    minRows={2}
                    maxLength={1000}
                    value={p[field]}
                    error={incomplete.includes(p.pillar) && p[field].trim() === '' ? t('positioning.bothLanguages') : null}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setForm(form.map((x, i) => (i === index ? { ...x, [field]: value } : x)));
                    }}
                  />
                ))}
              </Group>
            </fieldset>
          ))}
          {save.error ? (
            <Alert color="red" role="alert">
              {problemOf(save.error, t('common.networkError'))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setForm(null)}>
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

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('positioning.pillars')}
        </Title>
        {mayEdit ? (
          <Button size="xs" variant="light" onClick={() => setForm(pillarForm(data.pillars))}>
            {t('positioning.editPillars')}
          </Button>
        ) : null}
      </Group>
      {data.pillars.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('positioning.noPillars')}
        </Text>
      ) : (
        <dl style={{ margin: 0 }}>
          {data.pillars.map((p) => (
            <div key={p.pillar} style={{ marginBottom: 8 }}>
              <Text component="dt" fw={600} size="sm">
                {t(`positioning.pillar.${p.pillar}`)}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {inLanguage(i18n.language, p.statementId, p.statementEn)}
              </Text>
            </div>
          ))}
        </dl>
      )}
    </Stack>
  );
}

function Messages({ data, mayEdit }: { data: Positioning; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState<PersonaMessage | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PersonaMessage | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['positioning', data.solutionId] });
  const remove = useMutation({
    mutationFn: (m: PersonaMessage) => positioningApi.removeMessage(data.solutionId, m.id, m.version),
    onSuccess: async () => {
      await refresh();
      setDeleting(null);
    },
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('positioning.messages')}
        </Title>
        {mayEdit ? (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('positioning.addMessage')}
          </Button>
        ) : null}
      </Group>
      {data.messages.length === 0 ? <Empty title={t('positioning.noMessages')} hint={t('positioning.noMessagesHint')} /> : null}
      {data.messages.map((m) => (
        <Paper key={m.id} withBorder p="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap={4}>
                <Badge size="sm" variant="light" color="orange">
                  {t(`techProficiency.${m.proficiency}`)}
                </Badge>
                <Badge size="sm" variant="light" color="gray">
                  {m.division ? t(`division.${m.division}`) : t('positioning.everyDivision')}
                </Badge>
              </Group>
              <Text size="sm">{inLanguage(i18n.language, m.textId, m.textEn)}</Text>
            </Stack>
            {mayEdit ? (
              <Group gap={4} wrap="nowrap">
                <Button size="xs" variant="subtle" onClick={() => setEditing(m)}>
                  {t('positioning.edit')}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(m)}>
                  {t('positioning.delete')}
                </Button>
              </Group>
            ) : null}
          </Group>
        </Paper>
      ))}
      {editing ? <MessageDialog solutionId={data.solutionId} message={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
      {deleting ? (
        <Modal opened onClose={() => setDeleting(null)} title={t('positioning.deleteTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('positioning.deleteConfirm')}</Text>
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
                {t('positioning.delete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}

function MessageDialog({ solutionId, message, onClose, onSaved }: { solutionId: string; message: PersonaMessage | null; onClose(): void; onSaved(): Promise<unknown> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<MessageInput>(
    message ? { proficiency: message.proficiency, division: message.division, textId: message.textId, textEn: message.textEn } : { proficiency: 'beginner', division: null, textId: '', textEn: '' },
  );
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = { ...form, textId: form.textId.trim(), textEn: form.textEn.trim() };
      return message ? positioningApi.updateMessage(solutionId, message.id, { ...body, version: message.version }) : positioningApi.createMessage(solutionId, body);
    },
    onSuccess: async () => {
      await onSaved();
      onClose();
    },
  });
  const missing = (v: string) => touched && v.trim() === '';
  return (
    <Modal opened onClose={onClose} title={message ? t('positioning.editMessage') : t('positioning.addMessage')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (form.textId.trim() && form.textEn.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <NativeSelect
              label={t('positioning.proficiency')}
              value={form.proficiency}
              onChange={(e) => setForm({ ...form, proficiency: e.currentTarget.value as Proficiency })}
              data={techProficiencies.map((p) => ({ value: p, label: t(`techProficiency.${p}`) }))}
            />
            <NativeSelect
              label={t('positioning.division')}
              value={form.division ?? ''}
              onChange={(e) => setForm({ ...form, division: e.currentTarget.value || null })}
              data={[{ value: '', label: t('positioning.everyDivision') }, ...divisions.map((d) => ({ value: d, label: t(`division.${d}`) }))]}
            />
          </Group>
          <Textarea label={t('positioning.inIndonesian')} required autosize minRows={3} maxLength={2000} value={form.textId} onChange={(e) => setForm({ ...form, textId: e.currentTarget.value })} error={missing(form.textId) ? t('positioning.required') : null} data-autofocus />
          <Textarea label={t('positioning.inEnglish')} required autosize minRows={3} maxLength={2000} value={form.textEn} onChange={(e) => setForm({ ...form, textEn: e.currentTarget.value })} error={missing(form.textEn) ? t('positioning.required') : null} />
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
