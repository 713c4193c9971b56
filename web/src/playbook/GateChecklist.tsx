import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { JourneyWithPermissions, Me } from '../api/types';
import { canTickGate } from '../auth/permissions';
import { Empty, ErrorState, Loading } from '../ui/States';
import { checklistView, validateNote, type ChecklistRow } from './gatesModel';
import classes from './Playbook.module.css';

/** The current stage's gates: met ones with their evidence, open ones with what to do, manual ones tickable. */
export function GateChecklist({ journey, me }: { journey: JourneyWithPermissions; me: Me['user'] | undefined }) {
  const { t, i18n } = useTranslation();
  const gates = useQuery({ queryKey: ['gates', journey.id], queryFn: () => api.gates(journey.id) });
  const actions = useQuery({ queryKey: ['nextBestActions', journey.id], queryFn: () => api.nextBestActions(journey.id) });
  const mayTick = canTickGate(me, journey);
  const view = gates.data ? checklistView(gates.data, actions.data?.items ?? [], i18n.language) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="gates-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="gates-heading">
          {t('gates.title', { stage: t(`stage.${gates.data?.stage ?? journey.stage}`) })}
        </Title>
        {view && view.total > 0 ? (
          <Badge color={view.complete ? 'teal' : 'orange'} variant="light">
            {t('gates.progress', { met: view.metCount, total: view.total })}
          </Badge>
        ) : null}
      </Group>
      {gates.isPending ? <Loading /> : null}
      {gates.error ? <ErrorState error={gates.error} onRetry={() => void gates.refetch()} /> : null}
      {view && view.total === 0 ? <Empty title={t('gates.none')} hint={t('gates.noneHint')} /> : null}
      {view && view.total > 0 ? (
        <>
          <Progress value={(view.metCount / view.total) * 100} color={view.complete ? 'teal' : 'orange'} size="sm" mb="sm" aria-label={t('gates.progress', { met: view.metCount, total: view.total })} />
          {view.complete && journey.outcome === 'open' ? (
            <Text size="sm" c="teal.9" mb="xs">
              {t('gates.allMet')}
            </Text>
          ) : null}
          <ul className={classes.checklist} aria-label={t('gates.listLabel')}>
            {[...view.todo, ...view.done].map((row) => (
              <GateRow key={row.gateId} row={row} journeyId={journey.id} mayTick={mayTick && journey.outcome === 'open'} />
            ))}
          </ul>
        </>
      ) : null}
    </Paper>
  );
}

function GateRow({ row, journeyId, mayTick }: { row: ChecklistRow; journeyId: string; mayTick: boolean }) {
  const { t } = useTranslation();
  const [ticking, setTicking] = useState(false);
  return (
    <li className={classes.gate} data-met={row.met ? 'true' : 'false'}>
      <span className={row.met ? classes.markMet : classes.markOpen} aria-hidden>
        {row.met ? '✓' : '○'}
      </span>
      <div className={classes.gateBody}>
        <Text size="sm" fw={600}>
          {row.label}
          <span className={classes.srOnly}> — {row.met ? t('gates.met') : t('gates.unmet')}</span>
        </Text>
        {row.met ? (
          <Text size="xs" c="dimmed">
            {t('gates.evidence')}: {row.evidence.map((e) => t(`evidence.${e.type}`, { count: e.count })).join(', ') || '—'}
          </Text>
        ) : (
          <Text size="xs">{row.todo ?? t(`gateTodo.${row.kind}`)}</Text>
        )}
        {row.tickable && mayTick ? (
          ticking ? (
            <TickForm journeyId={journeyId} gateId={row.gateId} label={row.label} onDone={() => setTicking(false)} />
          ) : (
            <Button size="compact-xs" variant="light" mt={4} onClick={() => setTicking(true)} aria-label={t('gates.tickNamed', { gate: row.label })}>
              {t('gates.tick')}
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}

function TickForm({ journeyId, gateId, label, onDone }: { journeyId: string; gateId: string; label: string; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const tick = useMutation({
    mutationFn: () => api.tickGate(journeyId, gateId, note.trim()),
    onSuccess: async ({ checklist }) => {
      client.setQueryData(['gates', journeyId], checklist);
      await client.invalidateQueries({ queryKey: ['nextBestActions', journeyId] });
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validateNote(note);
    setError(problem);
    if (!problem) tick.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('gates.tickNamed', { gate: label })} className={classes.tickForm}>
      <Stack gap={6}>
        {tick.error ? (
          <Alert color="red" role="alert" p="xs">
            {tick.error instanceof ApiError ? tick.error.message : t('common.networkError')}
          </Alert>
        ) : null}
        <Textarea label={t('gates.note')} required autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error ? t(error) : undefined} data-autofocus />
        <Group gap="xs">
          <Button type="submit" size="compact-sm" loading={tick.isPending}>
            {t('gates.tickConfirm')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
