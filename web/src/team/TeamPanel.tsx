import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { JourneyPatch, JourneyWithPermissions, User } from '../api/types';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/format';
import { useUsers } from '../lists/lookups';
import { JourneyPipelineChooser } from '../pipelines/JourneyPipelineChooser';
import { ErrorState, Loading } from '../ui/States';
import { teamApi, type Handoff, type PrincipalContact } from './teamApi';
import { assignmentPatch, candidatesFor, roleField, teamRoles, validatePrincipalContact, type PrincipalContactInput } from './teamModel';
import type { HandoffRole } from '../../../src/shared/schemas/team';

function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** The team on the journey: AM, SA, marcomm (with handoffs), the principal's contact person, and the pipeline. */
export function TeamPanel({ journey }: { journey: JourneyWithPermissions }) {
  const { t } = useTranslation();
  const { users, byId, query } = useUsers();
  const roleLabels: Record<HandoffRole, string> = { am: t('teamPanel.role.am'), sa: t('teamPanel.role.sa'), marcomm: t('teamPanel.role.marcomm') };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="team-heading">
      <Title order={2} size="h4" id="team-heading" mb="sm">
        {t('teamPanel.title')}
      </Title>
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {teamRoles.map((role) => (
            <RoleSlot key={role} role={role} label={roleLabels[role]} journey={journey} users={users} byId={byId} />
          ))}
        </SimpleGrid>
        <PrincipalContactSection journey={journey} />
        <HandoffHistory journeyId={journey.id} byId={byId} roleLabels={roleLabels} />
        <JourneyPipelineChooser journey={journey} />
      </Stack>
    </Paper>
  );
}

function RoleSlot({ role, label, journey, users, byId }: { role: HandoffRole; label: string; journey: JourneyWithPermissions; users: User[]; byId: Map<string, User> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = journey[roleField[role]];
  const [editing, setEditing] = useState(false);
  const [userId, setUserId] = useState<string | null>(current);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.updateJourney(journey.id, body as JourneyPatch),
    onSuccess: async () => {
      setEditing(false);
      setNote('');
      await Promise.all([
        client.invalidateQueries({ queryKey: ['journey', journey.id] }),
        client.invalidateQueries({ queryKey: ['handoffs', journey.id] }),
        client.invalidateQueries({ queryKey: ['journeys'] }),
        client.invalidateQueries({ queryKey: ['gates', journey.id] }),
      ]);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  function submit(event: FormEvent) {
    event.preventDefault();
    const patch = assignmentPatch(role, current, { userId, note }, journey.version);
    if (!patch) {
      setEditing(false);
      return;
    }
    save.mutate(patch);
  }

  const name = current ? (byId.get(current)?.name ?? '…') : t('teamPanel.nobody');
  if (!editing) {
    return (
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>
          {label}
        </Text>
        <Text size="sm" data-testid={`team-${role}`}>
          {name}
        </Text>
        {journey.permissions.write ? (
          <Button
            variant="subtle"
            size="compact-xs"
            w="fit-content"
            px={0}
            onClick={() => {
              setUserId(current);
              save.reset();
              setEditing(true);
            }}
            aria-label={t('teamPanel.changeRole', { role: label })}
          >
            {t('teamPanel.change')}
          </Button>
        ) : null}
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} aria-label={t('teamPanel.changeRole', { role: label })}>
      <Stack gap={6}>
        <NativeSelect
          label={label}
          value={userId ?? ''}
          onChange={(e) => setUserId(e.currentTarget.value || null)}
          data={[{ value: '', label: t('teamPanel.nobody') }, ...candidatesFor(role, users, current).map((u) => ({ value: u.id, label: u.name }))]}
          data-autofocus
        />
        <Textarea label={t('teamPanel.handoffNote')} description={t('teamPanel.handoffNoteHint')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {save.error ? (
          <Alert color={conflict ? 'orange' : 'red'} role="alert" p="xs">
            {conflict ? t('teamPanel.conflict') : errorText(save.error, t('common.networkError'))}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PrincipalContactSection({ journey }: { journey: JourneyWithPermissions }) {
  const { t } = useTranslation();
  const contact = useQuery({ queryKey: ['principalContact', journey.id], queryFn: () => teamApi.principalContact(journey.id) });
  const principals = useQuery({ queryKey: ['principals', 'all'], queryFn: () => api.principals(), staleTime: 5 * 60_000 });
  const [editing, setEditing] = useState(false);
  const found = contact.data?.contact ?? null;
  const principalName = (id: string | null) => (id ? principals.data?.items.find((p) => p.id === id)?.name : undefined);

  return (
    <Stack gap={4} component="section" aria-labelledby="principal-contact-heading">
      <Text size="xs" c="dimmed" fw={600} id="principal-contact-heading">
        {t('teamPanel.principalContact')}
      </Text>
      {contact.isPending ? <Loading /> : null}
      {contact.error ? <ErrorState error={contact.error} onRetry={() => void contact.refetch()} /> : null}
      {contact.isSuccess && !editing ? (
        <>
          {found ? (
            <Text size="sm">
              {found.name}
              {found.title ? ` · ${found.title}` : ''}
              {principalName(found.principalId) ? ` · ${principalName(found.principalId)}` : ''}
              {found.email ? ` · ${found.email}` : ''}
              {found.phone ? ` · ${found.phone}` : ''}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('teamPanel.noPrincipalContact')}
            </Text>
          )}
          {journey.permissions.write ? (
            <Button variant="subtle" size="compact-xs" w="fit-content" px={0} onClick={() => setEditing(true)}>
              {found ? t('teamPanel.editPrincipalContact') : t('teamPanel.addPrincipalContact')}
            </Button>
          ) : null}
        </>
      ) : null}
      {contact.isSuccess && editing ? (
        <PrincipalContactForm journeyId={journey.id} contact={found} principals={principals.data?.items ?? []} onDone={() => setEditing(false)} />
      ) : null}
    </Stack>
  );
}

const formFields: readonly (keyof PrincipalContactInput)[] = ['principalId', 'name', 'title', 'email', 'phone'];

function PrincipalContactForm({ journeyId, contact, principals, onDone }: { journeyId: string; contact: PrincipalContact | null; principals: { id: string; name: string }[]; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [input, setInput] = useState<PrincipalContactInput>({
    principalId: contact?.principalId ?? null,
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof PrincipalContactInput, string>>>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof teamApi.putPrincipalContact>[1]) => teamApi.putPrincipalContact(journeyId, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['principalContact', journeyId] });
      onDone();
    },
  });
  // The server names the field it refuses (body.email, body.phone…): show it beside that field.
  const serverIssue = (field: keyof PrincipalContactInput) =>
    save.error instanceof ApiError ? save.error.details.issues?.find((i) => i.field === `body.${field}`)?.reason : undefined;
  const fieldIssue = formFields.some((field) => serverIssue(field) !== undefined);
  const fieldError = (field: keyof PrincipalContactInput) => (errors[field] ? t(errors[field] as string) : serverIssue(field));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validatePrincipalContact(input);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate({ ...result.body, version: contact?.version ?? null });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('teamPanel.principalContact')}>
      <Stack gap={6}>
        {save.error && !fieldIssue ? (
          <Alert color={save.error instanceof ApiError && save.error.status === 409 ? 'orange' : 'red'} role="alert" p="xs">
            {save.error instanceof ApiError && save.error.status === 409 ? t('teamPanel.conflict') : errorText(save.error, t('common.networkError'))}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('teamPanel.contactName')} required value={input.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} error={fieldError('name')} data-autofocus />
          <TextInput label={t('teamPanel.contactTitle')} value={input.title} onChange={(e) => setInput({ ...input, title: e.currentTarget.value })} error={fieldError('title')} />
          <TextInput label={t('teamPanel.contactEmail')} type="email" value={input.email} onChange={(e) => setInput({ ...input, email: e.currentTarget.value })} error={fieldError('email')} />
          <TextInput label={t('teamPanel.contactPhone')} type="tel" value={input.phone} onChange={(e) => setInput({ ...input, phone: e.currentTarget.value })} error={fieldError('phone')} />
          <NativeSelect
            label={t('teamPanel.principal')}
            value={input.principalId ?? ''}
            onChange={(e) => setInput({ ...input, principalId: e.currentTarget.value || null })}
            data={[{ value: '', label: t('teamPanel.noPrincipal') }, ...principals.map((p) => ({ value: p.id, label: p.name }))]}
            error={fieldError('principalId')}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" size="xs" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HandoffHistory({ journeyId, byId, roleLabels }: { journeyId: string; byId: Map<string, User>; roleLabels: Record<HandoffRole, string> }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.user;
  const handoffs = useQuery({ queryKey: ['handoffs', journeyId], queryFn: () => teamApi.handoffs(journeyId) });
  const nameOf = (id: string | null) => (id ? (byId.get(id)?.name ?? '…') : t('teamPanel.nobody'));
  return (
    <Stack gap={4} component="section" aria-labelledby="handoffs-heading">
      <Text size="xs" c="dimmed" fw={600} id="handoffs-heading">
        {t('teamPanel.handoffs')}
      </Text>
      {handoffs.isPending ? <Loading /> : null}
      {handoffs.error ? <ErrorState error={handoffs.error} onRetry={() => void handoffs.refetch()} /> : null}
      {handoffs.data && handoffs.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamPanel.noHandoffs')}
        </Text>
      ) : null}
      {handoffs.data && handoffs.data.items.length > 0 ? (
        <ul aria-label={t('teamPanel.handoffs')} style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {handoffs.data.items.map((h: Handoff) => (
            <li key={h.id}>
              <Text size="sm">
                {t('teamPanel.handoffLine', { role: roleLabels[h.role], from: nameOf(h.fromUserId), to: nameOf(h.toUserId) })}
              </Text>
              <Text size="xs" c="dimmed">
                {nameOf(h.byUserId)} · <time dateTime={h.at}>{formatDateTime(h.at, i18n.language, me?.timeZone)}</time>
              </Text>
              {h.note ? (
                <Text size="sm" fs="italic" c="dimmed">
                  {h.note}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}
