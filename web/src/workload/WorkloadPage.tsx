import { Anchor, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { daysSince, formatDate, formatDateTime } from '../format/format';
import { useUsers } from '../lists/lookups';
import { Link } from '../router';
import { teamApi, type SaWorkload } from '../team/teamApi';
import { Empty, ErrorState, Loading } from '../ui/States';

/** The SA workload: open journeys by stage, demos and meetings of the next 14 days, open tasks. */
export default function WorkloadPage({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const seesAll = me.role === 'admin' || me.role === 'sales_manager';
  const [saId, setSaId] = useState('');
  const { users } = useUsers();
  const architects = users.filter((u) => u.role === 'solution_architect' && u.active).sort((a, b) => a.name.localeCompare(b.name));
  const workload = useQuery({ queryKey: ['workload', saId], queryFn: () => teamApi.workload(saId || undefined) });

  return (
    <Stack maw={1200} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('workload.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('workload.intro')}
          </Text>
        </Stack>
        {seesAll ? (
          <NativeSelect
            label={t('workload.architect')}
            value={saId}
            onChange={(e) => setSaId(e.currentTarget.value)}
            data={[{ value: '', label: t('workload.allArchitects') }, ...architects.map((u) => ({ value: u.id, label: u.name }))]}
            miw={220}
          />
        ) : null}
      </Group>
      {workload.isPending ? <Loading /> : null}
      {workload.error ? <ErrorState error={workload.error} onRetry={() => void workload.refetch()} /> : null}
      {workload.data && workload.data.items.length === 0 ? <Empty title={t('workload.noArchitects')} hint={t('workload.noArchitectsHint')} /> : null}
      {workload.data?.items.map((item) => <ArchitectCard key={item.saId} item={item} timeZone={me.timeZone} />)}
    </Stack>
  );
}

function ArchitectCard({ item, timeZone }: { item: SaWorkload; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`sa-${item.saId}`}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id={`sa-${item.saId}`}>
          {item.name}
        </Title>
        <Group gap={6} wrap="wrap" aria-label={t('workload.byStage')}>
          <Badge variant="filled">{t('workload.openJourneys', { count: item.openJourneys })}</Badge>
          {item.byStage
            .filter((s) => s.count > 0)
            .map((s) => (
              <Badge key={s.stage} variant="light">
                {t(`stage.${s.stage}`)}: {s.count}
              </Badge>
            ))}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('workload.upcoming')}
          </Title>
          {item.upcoming.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('workload.noUpcoming')}
            </Text>
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.1rem' }} aria-label={t('workload.upcoming')}>
              {item.upcoming.map((m) => (
                <li key={m.id}>
                  <Text size="sm">
                    <time dateTime={m.occurredAt}>{formatDateTime(m.occurredAt, i18n.language, timeZone)}</time> · {t(`activityType.${m.type}`)} · {m.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.journeyId ? (
                      <Anchor component={Link} to={`/journeys/${m.journeyId}`} size="xs">
                        {m.accountName}
                      </Anchor>
                    ) : (
                      m.accountName
                    )}
                    {m.saTakesPart ? '' : ` · ${t('workload.notListed')}`}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <Title order={3} size="h5" mt="sm">
            {t('workload.openTasks')}
          </Title>
          {item.openTasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('workload.noTasks')}
            </Text>
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.1rem' }} aria-label={t('workload.openTasks')}>
              {item.openTasks.map((task) => (
                <li key={task.id}>
                  <Text size="sm">
                    {task.title}
                    {task.dueAt ? ` · ${t('workload.due', { date: formatDate(task.dueAt.slice(0, 10), i18n.language) })}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('workload.journeys')}
          </Title>
          {item.journeys.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('workload.noJourneys')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={420}>
              <Table striped highlightOnHover aria-label={t('workload.journeys')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('workload.account')}</Table.Th>
                    <Table.Th>{t('workload.solution')}</Table.Th>
                    <Table.Th>{t('workload.stage')}</Table.Th>
                    <Table.Th>{t('workload.daysInStage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {item.journeys.map((j) => (
                    <Table.Tr key={j.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/journeys/${j.id}`} size="sm">
                          {j.accountName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{j.solutionName}</Table.Td>
                      <Table.Td>{t(`stage.${j.stage}`)}</Table.Td>
                      <Table.Td>{daysSince(j.stageEnteredAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
