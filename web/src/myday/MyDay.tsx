import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Activity, Me, Task } from '../api/types';
import { canLogActivity, canWriteTask } from '../auth/permissions';
import { formatDateTime } from '../format/format';
import { useUsers, withAccountNames } from '../lists/lookups';
import { useQuickLog } from '../quicklog/QuickLogProvider';
import { MyNextBestActions } from '../playbook/NextBestActions';
import { Link } from '../router';
import { CompleteTaskButton } from '../tasks/CompleteTaskButton';
import { Empty, ErrorState, Loading } from '../ui/States';
import { daysQuiet, STALE_AFTER_DAYS, staleJourneys, taskBuckets } from './myDayModel';
import classes from './MyDay.module.css';

/** The home page: what needs me today — tasks, quiet journeys, meetings ahead, the team's latest work. */
export default function MyDay({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const quickLog = useQuickLog();
  const [now] = useState(() => new Date());
  const today = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'full', timeZone: me.timeZone }).format(now);

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {t('myDay.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('myDay.greeting', { name: me.name.split(' ')[0] })} · {today}
          </Text>
        </div>
        {canLogActivity(me) ? <Button onClick={() => quickLog.open()}>{t('quickLog.open')}</Button> : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MyTasks me={me} now={now} />
        <MyNextBestActions me={me} />
        <QuietJourneys me={me} now={now} />
        <UpcomingMeetings me={me} now={now} />
        <TeamFeed me={me} />
      </SimpleGrid>
    </Stack>
  );
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function MyTasks({ me, now }: { me: Me['user']; now: Date }) {
  const { t } = useTranslation();
  const tasks = useQuery({
    queryKey: ['myDay', 'tasks', me.id],
    queryFn: async () => withAccountNames(await api.tasks({ assigneeId: me.id, status: 'open', sort: 'dueAt', limit: 100 })),
  });
  const [justDone, setJustDone] = useState<string | null>(null);
  const buckets = useMemo(() => taskBuckets(tasks.data?.items ?? [], now, me.timeZone), [tasks.data, now, me.timeZone]);
  const groups = [
    { key: 'overdue', label: t('myDay.overdue'), color: 'red.8', items: buckets.overdue },
    { key: 'today', label: t('myDay.dueToday'), color: 'teal.9', items: buckets.today },
    { key: 'later', label: t('myDay.later'), color: 'dimmed', items: buckets.later },
    { key: 'undated', label: t('myDay.noDueDate'), color: 'dimmed', items: buckets.undated },
  ].filter((g) => g.items.length > 0);

  return (
    <Section
      title={t('myDay.tasks')}
      action={
        <Anchor component={Link} to="/tasks" size="sm">
          {t('myDay.allTasks')}
        </Anchor>
      }
    >
      <div aria-live="polite">
        {justDone ? (
          <Text size="sm" c="teal.9" role="status">
            {t('tasks.completed', { title: justDone })}
          </Text>
        ) : null}
      </div>
      {tasks.isPending ? <Loading /> : null}
      {tasks.error ? <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.isSuccess && groups.length === 0 ? <Empty title={t('myDay.noTasks')} hint={t('myDay.noTasksHint')} /> : null}
      {groups.map((group) => (
        <div key={group.key}>
          <Text component="h3" className={classes.bucket} c={group.color}>
            {group.label} ({group.items.length})
          </Text>
          <ul className={classes.list} aria-label={group.label}>
            {group.items.map((task) => (
              <li key={task.id} className={classes.item}>
                <div className={classes.itemBody}>
                  <Text size="sm" fw={600}>
                    {task.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {task.dueAt ? <TaskDue task={task} me={me} /> : null}
                    {task.accountId ? (
                      <>
                        {task.dueAt ? ' · ' : ''}
                        <Anchor component={Link} to={`/accounts/${task.accountId}`} size="xs">
                          {task.accountName || t('common.open')}
                        </Anchor>
                      </>
                    ) : null}
                  </Text>
                </div>
                {canWriteTask(me, task) ? <CompleteTaskButton task={task} onDone={(done) => setJustDone(done.title)} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

function TaskDue({ task, me }: { task: Task; me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  if (!task.dueAt) return null;
  return (
    <>
      {t('myDay.due')} <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, i18n.language, me.timeZone)}</time>
    </>
  );
}

function QuietJourneys({ me, now }: { me: Me['user']; now: Date }) {
  const { t } = useTranslation();
  const journeys = useQuery({
    queryKey: ['myDay', 'journeys', me.id],
    queryFn: () => api.journeyList({ ownerId: me.id, outcome: 'open', sort: 'stageEnteredAt', limit: 200 }),
  });
  const stale = useMemo(() => staleJourneys(journeys.data?.items ?? [], now), [journeys.data, now]);
  return (
    <Section
      title={t('myDay.needsAction')}
      action={
        <Anchor component={Link} to="/pipeline" size="sm">
          {t('nav.pipeline')}
        </Anchor>
      }
    >
      <Text size="xs" c="dimmed" mb="xs">
        {t('myDay.needsActionHint', { days: STALE_AFTER_DAYS })}
      </Text>
      {journeys.isPending ? <Loading /> : null}
      {journeys.error ? <ErrorState error={journeys.error} onRetry={() => void journeys.refetch()} /> : null}
      {journeys.isSuccess && stale.length === 0 ? <Empty title={t('myDay.noStale')} hint={t('myDay.noStaleHint', { count: journeys.data.items.length })} /> : null}
      <ul className={classes.list} aria-label={t('myDay.needsAction')}>
        {stale.slice(0, 10).map((j) => (
          <li key={j.id} className={classes.item}>
            <div className={classes.itemBody}>
              <Anchor component={Link} to={`/journeys/${j.id}`} size="sm" fw={600}>
                {j.accountName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {j.solutionName} · {t(`stage.${j.stage}`)}
              </Text>
            </div>
            <Badge color="orange" variant="light">
              {t('myDay.quietDays', { count: daysQuiet(j, now) })}
            </Badge>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function UpcomingMeetings({ me, now }: { me: Me['user']; now: Date }) {
  const { t } = useTranslation();
  const meetings = useQuery({
    queryKey: ['myDay', 'meetings', me.id],
    queryFn: async () => withAccountNames(await api.activities({ participantUserId: me.id, type: 'meeting,demo', from: now.toISOString(), sort: 'occurredAt', limit: 10 })),
  });
  return (
    <Section title={t('myDay.upcoming')}>
      {meetings.isPending ? <Loading /> : null}
      {meetings.error ? <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
      {meetings.isSuccess && meetings.data.items.length === 0 ? <Empty title={t('myDay.noMeetings')} hint={t('myDay.noMeetingsHint')} /> : null}
      <ActivityItems items={meetings.data?.items ?? []} me={me} label={t('myDay.upcoming')} />
    </Section>
  );
}

function TeamFeed({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const feed = useQuery({
    queryKey: ['myDay', 'feed'],
    queryFn: async () => withAccountNames(await api.activities({ sort: '-occurredAt', limit: 15 })),
  });
  return (
    <Section
      title={t('myDay.feed')}
      action={
        <Anchor component={Link} to="/activities" size="sm">
          {t('myDay.allActivities')}
        </Anchor>
      }
    >
      {feed.isPending ? <Loading /> : null}
      {feed.error ? <ErrorState error={feed.error} onRetry={() => void feed.refetch()} /> : null}
      {feed.isSuccess && feed.data.items.length === 0 ? <Empty title={t('myDay.noFeed')} hint={t('myDay.noFeedHint')} /> : null}
      <ActivityItems items={feed.data?.items ?? []} me={me} label={t('myDay.feed')} showAuthor />
    </Section>
  );
}

/** Activities as a compact list: type, subject, account, when, and who logged it. */
export function ActivityItems({ items, me, label, showAuthor }: { items: (Activity & { accountName?: string })[]; me: Me['user'] | undefined; label: string; showAuthor?: boolean }) {
  const { t, i18n } = useTranslation();
  const { byId: users } = useUsers();
  if (items.length === 0) return null;
  return (
    <ul className={classes.list} aria-label={label}>
      {items.map((a) => (
        <li key={a.id} className={classes.item}>
          <div className={classes.itemBody}>
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                {t(`activityType.${a.type}`)}
              </Badge>
              <Text size="sm" fw={600} lineClamp={1}>
                {a.subject}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              <time dateTime={a.occurredAt}>{formatDateTime(a.occurredAt, i18n.language, me?.timeZone)}</time>
              {a.accountName ? (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/accounts/${a.accountId}`} size="xs">
                    {a.accountName}
                  </Anchor>
                </>
              ) : null}
              {showAuthor && a.createdBy ? ` · ${users.get(a.createdBy)?.name ?? ''}` : ''}
            </Text>
            {a.outcome ? <Text size="xs">{t('activities.outcomeLine', { outcome: a.outcome })}</Text> : null}
            {a.nextStep ? <Text size="xs">{t('activities.nextStepLine', { step: a.nextStep })}</Text> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
