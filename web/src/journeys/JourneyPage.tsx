import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { HistoryEntry, JourneyWithPermissions, User } from '../api/types';
import { useMe } from '../auth/session';
import { daysSince, formatDate, formatDateTime, formatMoney } from '../format/format';
import { Link } from '../router';
import { ErrorState, Loading } from '../ui/States';
import { editFromJourney, timeline, validateJourneyEdit, type JourneyEdit } from './journeyModel';
import classes from './Journey.module.css';
import { MoveMenu } from './MoveMenu';
import { useJourneyActions } from './useJourneyActions';
import { GateChecklist } from '../playbook/GateChecklist';
import { gateLabel } from '../playbook/gatesModel';
import { JourneyNextBestActions } from '../playbook/NextBestActions';
import { TeamPanel } from '../team/TeamPanel';
import { PlaybookGuide } from '../playbook-content/PlaybookGuide';
import { SurveyPanel } from '../surveys/SurveyPanel';

const outcomeColor = { open: 'blue', adopted: 'teal', rejected: 'red', discontinued: 'orange' } as const;

/** One journey: where it stands, how it got there, and its value and expected decision date. */
export default function JourneyPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const journey = useQuery({ queryKey: ['journey', id], queryFn: () => api.journey(id) });
  const history = useQuery({ queryKey: ['history', id], queryFn: () => api.history(id) });
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 5 * 60_000 });
  const usersById = useMemo(() => new Map<string, User>((users.data?.items ?? []).map((u) => [u.id, u])), [users.data]);
  const actions = useJourneyActions();
  const me = useMe().data?.user;

  if (journey.isPending) return <Loading />;
  if (journey.error) return <ErrorState error={journey.error} onRetry={() => void journey.refetch()} />;
  const j = journey.data;

  return (
    <Stack maw={960} mx="auto" gap="md">
      <Anchor component={Link} to="/pipeline" size="sm">
        ← {t('journey.backToPipeline')}
      </Anchor>
      <JourneyHeader journey={j} owner={j.ownerId ? usersById.get(j.ownerId) : undefined} menu={j.permissions.write ? <MoveMenu journey={j} size="sm" onAction={(a) => actions.run(j, a)} /> : null} />
      <div aria-live="polite">
        {actions.status ? (
          <Alert color={actions.status.tone === 'ok' ? 'teal' : 'red'} role={actions.status.tone === 'error' ? 'alert' : 'status'}>
            {actions.status.text}
          </Alert>
        ) : null}
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <GateChecklist journey={j} me={me} />
        <JourneyNextBestActions journey={j} me={me} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('journey.history')}
          </Title>
          {history.isPending ? <Loading /> : null}
          {history.error ? <ErrorState error={history.error} onRetry={() => void history.refetch()} /> : null}
          {history.data ? <Timeline entries={history.data.items} usersById={usersById} /> : null}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('journey.details')}
          </Title>
          {j.permissions.write ? <EditForm journey={j} onReload={() => void journey.refetch()} /> : <ReadOnlyDetails journey={j} />}
        </Paper>
      </SimpleGrid>
      <TeamPanel journey={j} />
      <PlaybookGuide journey={j} me={me} />
      <SurveyPanel journey={j} />
      {actions.dialog}
    </Stack>
  );
}

function JourneyHeader({ journey, owner, menu }: { journey: JourneyWithPermissions; owner: User | undefined; menu: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h3">
            {journey.accountName}
          </Title>
          <Text c="dimmed">{journey.solutionName}</Text>
          <Group gap="xs" mt={4}>
            <Badge variant="filled" size="lg" aria-label={`${t('journey.stage')}: ${t(`stage.${journey.stage}`)}`}>
              {t(`stage.${journey.stage}`)}
            </Badge>
            <Badge variant="outline" color={outcomeColor[journey.outcome]} size="lg" aria-label={`${t('journey.outcome')}: ${t(`outcome.${journey.outcome}`)}`}>
              {t(`outcome.${journey.outcome}`)}
            </Badge>
            {journey.outcomeReason ? <Text size="sm">{journey.outcomeReason}</Text> : null}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text fw={700} size="lg">
            {formatMoney(journey.valueMinor, journey.currency, i18n.language)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('pipeline.daysInStage', { count: daysSince(journey.stageEnteredAt) })} · {owner?.name ?? t('pipeline.noOwner')}
          </Text>
          {menu}
        </Stack>
      </Group>
    </Paper>
  );
}

function Timeline({ entries, usersById }: { entries: HistoryEntry[]; usersById: Map<string, User> }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.user;
  return (
    <ol className={classes.timeline} aria-label={t('journey.history')}>
      {timeline(entries).map((entry) => (
        <li key={entry.id} className={classes.entry}>
          <Text size="sm" fw={600}>
            {entry.kind === 'open' || !entry.fromStage
              ? t('history.opened', { stage: t(`stage.${entry.toStage}`) })
              : entry.kind === 'move'
                ? `${t(`stage.${entry.fromStage}`)} → ${t(`stage.${entry.toStage}`)}`
                : t(`history.${entry.kind}`, { stage: t(`stage.${entry.toStage}`) })}
          </Text>
          <Text size="xs" c="dimmed">
            {(entry.actorId ? usersById.get(entry.actorId)?.name : null) ?? t('history.system')} · <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language, me?.timeZone)}</time>
          </Text>
          {entry.reason ? <Text size="sm">{t('history.reason', { reason: reasonLabel(entry, t) })}</Text> : null}
          {entry.overrideReason ? (
            <div className={classes.override}>
              <Text size="sm" fw={600} c="orange.9">
                {t('history.overridden', { reason: entry.overrideReason })}
              </Text>
              {entry.unmetGates && entry.unmetGates.length > 0 ? (
                <Text size="xs" c="dimmed">
                  {t('history.skippedGates', { gates: entry.unmetGates.map((g) => gateLabel(g.label, i18n.language)).join(', ') })}
                </Text>
              ) : null}
            </div>
          ) : null}
          {entry.note ? (
            <Text size="sm" c="dimmed" fs="italic">
              {entry.note}
            </Text>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function reasonLabel(entry: HistoryEntry, t: TFunction): string {
  const reason = entry.reason ?? '';
  if (entry.kind === 'reject') return t(`rejectionReason.${reason}`, { defaultValue: reason });
  if (entry.kind === 'discontinue') return t(`discontinuanceReason.${reason}`, { defaultValue: reason });
  return reason;
}

function ReadOnlyDetails({ journey }: { journey: JourneyWithPermissions }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className={classes.details}>
      <dt>{t('fields.value')}</dt>
      <dd>{formatMoney(journey.valueMinor, journey.currency, i18n.language)}</dd>
      <dt>{t('fields.expectedDecisionDate')}</dt>
      <dd>{journey.expectedDecisionDate ? formatDate(journey.expectedDecisionDate, i18n.language) : '—'}</dd>
    </dl>
  );
}

function EditForm({ journey, onReload }: { journey: JourneyWithPermissions; onReload(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [input, setInput] = useState<JourneyEdit>(() => editFromJourney(journey));
  const [errors, setErrors] = useState<Partial<Record<keyof JourneyEdit, string>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setInput(editFromJourney(journey)), [journey]);
  const save = useMutation({
    mutationFn: (patch: { valueMinor: number; expectedDecisionDate: string | null }) => api.updateJourney(journey.id, { ...patch, version: journey.version }),
    onSuccess: async () => {
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['journey', journey.id] });
      await client.invalidateQueries({ queryKey: ['journeys'] });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = validateJourneyEdit(input, journey.currency);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.patch);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('journey.details')}>
      <Stack gap="sm">
        {conflict ? (
          <Alert color="orange" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('journey.conflict')}</Text>
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={() => {
                  save.reset();
                  onReload();
                }}
              >
                {t('journey.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : save.error ? (
          <Alert color="red" role="alert">
            {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
          </Alert>
        ) : null}
        {saved && !save.isPending ? (
          <Text size="sm" c="teal.8" role="status">
            {t('journey.saved')}
          </Text>
        ) : null}
        <TextInput
          label={`${t('fields.value')} (${journey.currency})`}
          description={t('journey.valueHint')}
          inputMode="decimal"
          value={input.value}
          onChange={(e) => setInput({ ...input, value: e.currentTarget.value })}
          error={errors.value ? t(errors.value) : undefined}
        />
        <TextInput
          type="date"
          label={t('fields.expectedDecisionDate')}
          value={input.expectedDecisionDate}
          onChange={(e) => setInput({ ...input, expectedDecisionDate: e.currentTarget.value })}
          error={errors.expectedDecisionDate ? t(errors.expectedDecisionDate) : undefined}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
