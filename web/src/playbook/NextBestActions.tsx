import { Alert, Anchor, Badge, Button, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Journey, Me, NextBestAction } from '../api/types';
import { canLogActivity } from '../auth/permissions';
import { formatDate } from '../format/format';
import { Link } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { gateLabel, taskFromAction } from './gatesModel';
import classes from './Playbook.module.css';

const keyOf = (a: NextBestAction) => `${a.code}:${a.gateId ?? ''}`;

/** One action with its reason and a one-click "make it a task" (a task for me on the journey). */
function ActionItem({ action, journey, me, heading }: { action: NextBestAction; journey: Pick<Journey, 'id' | 'accountName'>; me: Me['user'] | undefined; heading?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [made, setMade] = useState(false);
  const make = useMutation({
    mutationFn: () => {
      if (!me) throw new Error('signed out');
      return api.createTask(taskFromAction(action, journey, me, i18n.language));
    },
    onSuccess: async () => {
      setMade(true);
      await Promise.all([client.invalidateQueries({ queryKey: ['tasks'] }), client.invalidateQueries({ queryKey: ['myDay'] })]);
    },
  });
  const text = gateLabel(action.explanation, i18n.language);
  return (
    <li className={classes.action}>
      <div className={classes.actionBody}>
        {heading}
        <Text size="sm">{text}</Text>
        {action.dueAt ? (
          <Text size="xs" c="dimmed">
            {t('myDay.due')} <time dateTime={action.dueAt}>{formatDate(action.dueAt.slice(0, 10), i18n.language)}</time>
          </Text>
        ) : null}
        {make.error ? (
          <Text size="xs" c="red.8" role="alert">
            {make.error instanceof ApiError ? make.error.message : t('common.networkError')}
          </Text>
        ) : null}
      </div>
      {canLogActivity(me) ? (
        made ? (
          <Badge color="teal" variant="light" role="status">
            {t('nba.taskMade')}
          </Badge>
        ) : (
          <Button size="compact-sm" variant="light" loading={make.isPending} onClick={() => make.mutate()} aria-label={t('nba.makeTaskNamed', { action: text })}>
            {t('nba.makeTask')}
          </Button>
        )
      ) : null}
    </li>
  );
}

/** The journey page's "what to do next". */
export function JourneyNextBestActions({ journey, me }: { journey: Pick<Journey, 'id' | 'accountName' | 'outcome'>; me: Me['user'] | undefined }) {
  const { t } = useTranslation();
  const actions = useQuery({ queryKey: ['nextBestActions', journey.id], queryFn: () => api.nextBestActions(journey.id) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nba-heading">
      <Title order={2} size="h4" id="nba-heading" mb="xs">
        {t('nba.title')}
      </Title>
      {actions.isPending ? <Loading /> : null}
      {actions.error ? <ErrorState error={actions.error} onRetry={() => void actions.refetch()} /> : null}
      {actions.isSuccess && actions.data.items.length === 0 ? <Empty title={t('nba.none')} hint={journey.outcome === 'open' ? t('nba.noneHint') : undefined} /> : null}
      {actions.data && actions.data.items.length > 0 ? (
        <ul className={classes.actions} aria-label={t('nba.title')}>
          {actions.data.items.map((a) => (
            <ActionItem key={keyOf(a)} action={a} journey={journey} me={me} />
          ))}
        </ul>
      ) : null}
    </Paper>
  );
}

/** How many of my journeys My day asks for next best actions (one request each). */
export const MY_DAY_NBA_JOURNEYS = 5;

/** My day's "next best actions": the first action of each of my open journeys, the longest in their stage first. */
export function MyNextBestActions({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const journeys = useQuery({
    queryKey: ['myDay', 'journeys', me.id],
    queryFn: () => api.journeyList({ ownerId: me.id, outcome: 'open', sort: 'stageEnteredAt', limit: 200 }),
  });
  const mine = (journeys.data?.items ?? []).slice(0, MY_DAY_NBA_JOURNEYS);
  const results = useQueries({
    queries: mine.map((j) => ({ queryKey: ['nextBestActions', j.id], queryFn: () => api.nextBestActions(j.id), staleTime: 60_000 })),
  });
  const pending = journeys.isPending || results.some((r) => r.isPending);
  const failed = journeys.error ?? results.find((r) => r.error)?.error;
  const rows = mine.flatMap((j, i) => {
    const first = results[i]?.data?.items[0];
    return first ? [{ journey: j, action: first }] : [];
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-nba-heading">
      <Title order={2} size="h4" id="my-nba-heading" mb="xs">
        {t('nba.title')}
      </Title>
      {pending ? <Loading /> : null}
      {failed ? <ErrorState error={failed} onRetry={() => void journeys.refetch()} /> : null}
      {!pending && !failed && rows.length === 0 ? <Empty title={t('nba.none')} hint={t('nba.myNoneHint')} /> : null}
      {rows.length > 0 ? (
        <ul className={classes.actions} aria-label={t('nba.title')}>
          {rows.map(({ journey, action }) => (
            <ActionItem
              key={journey.id}
              action={action}
              journey={journey}
              me={me}
              heading={
                <Text size="xs" c="dimmed">
                  <Anchor component={Link} to={`/journeys/${journey.id}`} size="xs" fw={600}>
                    {journey.accountName}
                  </Anchor>{' '}
                  · {journey.solutionName} · {t(`stage.${journey.stage}`)}
                </Text>
              }
            />
          ))}
        </ul>
      ) : null}
    </Paper>
  );
}
