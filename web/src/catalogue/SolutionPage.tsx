import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { canWriteSolutions } from '../auth/permissions';
import { formatDate, formatMoney } from '../format/format';
import { Link } from '../router';
import { ErrorState, Loading } from '../ui/States';
import classes from '../accounts/Account.module.css';
import { CatalogueTabs, SolutionEditor } from './CatalogueForms';
import { PositioningPanel } from '../positioning/PositioningPanel';

/** One solution: what it is, who makes it, and how many journeys stand at each stage. */
export default function SolutionPage({ id, me }: { id: string; me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const solution = useQuery({ queryKey: ['solution', id], queryFn: () => api.solution(id) });
  const principals = useQuery({ queryKey: ['principals', 'all'], queryFn: () => api.principals() });
  const summary = useQuery({ queryKey: ['journeys', 'summary', 'solution', id], queryFn: () => api.journeySummary({ solutionId: id, outcome: 'open' }) });
  const [editing, setEditing] = useState(false);
  if (solution.isPending) return <Loading />;
  if (solution.error) return <ErrorState error={solution.error} onRetry={() => void solution.refetch()} />;
  const s = solution.data;
  const names = new Map((principals.data?.items ?? []).map((p) => [p.id, p.name]));
  return (
    <Stack gap="md" maw={960} mx="auto">
      <CatalogueTabs current="solutions" />
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {s.name}
            </Title>
            <Group gap={6}>
              <Badge variant="light">{t(`category.${s.category}`)}</Badge>
            </Group>
          </Stack>
          {canWriteSolutions(me) && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('catalogue.editSolution')}
            </Button>
          ) : null}
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="solution-details">
          <Title order={2} size="h4" id="solution-details" mb="sm">
            {t('catalogue.details')}
          </Title>
          {editing ? (
            <SolutionEditor solution={s} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
          ) : (
            <dl className={classes.details}>
              <dt>{t('catalogue.principals')}</dt>
              <dd>
                {s.principalIds.length === 0
                  ? '—'
                  : s.principalIds.map((pid, i) => (
                      <span key={pid}>
                        {i > 0 ? ', ' : ''}
                        <Anchor component={Link} to={`/principals/${pid}`} size="sm">
                          {names.get(pid) ?? pid}
                        </Anchor>
                      </span>
                    ))}
              </dd>
              <dt>{t('fields.launchDate')}</dt>
              <dd>{s.launchDate ? formatDate(s.launchDate, i18n.language) : '—'}</dd>
              <dt>{t('fields.description')}</dt>
              <dd style={{ whiteSpace: 'pre-wrap' }}>{s.description ?? '—'}</dd>
            </dl>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="solution-pipeline">
          <Title order={2} size="h4" id="solution-pipeline" mb="sm">
            {t('catalogue.openJourneys')}
          </Title>
          {summary.isPending ? <Loading /> : null}
          {summary.error ? <ErrorState error={summary.error} onRetry={() => void summary.refetch()} /> : null}
          {summary.data ? (
            <dl className={classes.details}>
              {summary.data.byStage.map((row) => (
                <div key={row.stage} style={{ display: 'contents' }}>
                  <dt>{t(`stage.${row.stage}`)}</dt>
                  <dd>
                    {t('pipeline.columnCount', { count: row.count })} · {formatMoney(row.totalMinor, summary.data.currency, i18n.language)}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          <Text size="sm" mt="sm">
            <Anchor component={Link} to={`/pipeline?solution=${encodeURIComponent(s.id)}`} size="sm">
              {t('catalogue.seeOnPipeline')}
            </Anchor>
          </Text>
        </Paper>
      </SimpleGrid>
      <PositioningPanel solutionId={s.id} me={me} />
    </Stack>
  );
}
