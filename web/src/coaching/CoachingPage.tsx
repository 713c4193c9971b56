import { Alert, Badge, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, Stage } from '../api/types';
import { useTeams } from '../lists/lookups';
import { teamApi } from '../team/teamApi';
import { Empty, ErrorState, Loading } from '../ui/States';
import { stages } from '../../../src/shared/vocabulary';
import { defaultPeriod, formatFigure, formatShare, periodQuery, tone, type MetricValue, type Preference } from './coachingModel';

const toneColor = { good: 'teal', bad: 'red', neutral: 'gray' } as const;

/** Per account manager: gates on time, touches, conversion and time in stage, beside the team median. */
export default function CoachingPage({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const { teams } = useTeams();
  const initial = defaultPeriod(new Date());
  const [teamId, setTeamId] = useState(me.role === 'sales_manager' ? (me.teamId ?? '') : '');
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const [stage, setStage] = useState<Stage>('knowledge');
  const period = periodQuery(from, to);
  const report = useQuery({
    queryKey: ['coaching', teamId, period.from, period.to],
    queryFn: () => teamApi.coaching({ ...(teamId ? { teamId } : {}), ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) }),
    enabled: !period.error,
  });

  return (
    <Stack maw={1200} mx="auto" gap="md">
      <Stack gap={2}>
        <Title order={1} size="h3">
          {t('coaching.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('coaching.intro')}
        </Text>
      </Stack>
      <Group align="flex-end" wrap="wrap" gap="sm" role="group" aria-label={t('coaching.filters')}>
        <NativeSelect
          label={t('coaching.team')}
          value={teamId}
          onChange={(e) => setTeamId(e.currentTarget.value)}
          data={[{ value: '', label: me.role === 'admin' ? t('coaching.allTeams') : t('coaching.myTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          miw={200}
        />
        <TextInput type="date" label={t('coaching.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('coaching.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={period.error ? t(period.error) : undefined} />
      </Group>
      {report.isPending && !period.error ? <Loading /> : null}
      {report.error ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data && report.data.ams.length === 0 ? <Empty title={t('coaching.empty')} hint={t('coaching.emptyHint')} /> : null}
      {report.data && report.data.ams.length > 0 ? (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="coaching-gates">
            <Title order={2} size="h4" id="coaching-gates" mb="xs">
              {t('coaching.gatesTitle')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('coaching.gatesHelp')}
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table striped aria-labelledby="coaching-gates">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('coaching.am')}</Table.Th>
                    <Table.Th>{t('coaching.exits')}</Table.Th>
                    <Table.Th>{t('coaching.onTime')}</Table.Th>
                    <Table.Th>{t('coaching.gatesOnTime')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.ams.map((am) => (
                    <Table.Tr key={am.userId}>
                      <Table.Td>{am.name}</Table.Td>
                      <Table.Td>{am.stageExits}</Table.Td>
                      <Table.Td>{am.exitsOnTime}</Table.Td>
                      <Table.Td>
                        <MetricCell metric={am.gatesOnTime} preference="higher" share />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="coaching-stage">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={2} size="h4" id="coaching-stage">
                {t('coaching.stageTitle')}
              </Title>
              <SegmentedControl
                value={stage}
                onChange={(value) => setStage(value as Stage)}
                data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
                aria-label={t('coaching.stagePicker')}
              />
            </Group>
            <Text size="xs" c="dimmed" mb="sm">
              {t('coaching.stageHelp')}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-labelledby="coaching-stage">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('coaching.am')}</Table.Th>
                    <Table.Th>{t('coaching.touchesPerJourney')}</Table.Th>
                    <Table.Th>{t('coaching.conversion')}</Table.Th>
                    <Table.Th>{t('coaching.medianDays')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.ams.map((am) => {
                    const row = am.stages.find((s) => s.stage === stage);
                    if (!row) return null;
                    return (
                      <Table.Tr key={am.userId}>
                        <Table.Td>{am.name}</Table.Td>
                        <Table.Td>
                          <MetricCell metric={row.touchesPerJourney} preference="neutral" detail={t('coaching.touchesDetail', { touches: row.touches, stays: row.stays })} />
                        </Table.Td>
                        <Table.Td>
                          <MetricCell metric={row.conversion} preference="higher" share detail={t('coaching.conversionDetail', { advanced: row.advanced, entered: row.entered })} />
                        </Table.Td>
                        <Table.Td>
                          <MetricCell metric={row.medianDaysInStage} preference="lower" detail={t('coaching.staysDetail', { count: row.completedStays })} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      ) : null}
      {period.error ? (
        <Alert color="orange" role="alert">
          {t(period.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function MetricCell({ metric, preference, share = false, detail }: { metric: MetricValue; preference: Preference; share?: boolean; detail?: string }) {
  const { t, i18n } = useTranslation();
  const format = (v: number | null) => (share ? formatShare(v, i18n.language) : formatFigure(v, i18n.language));
  const standing = metric.standing === 'above' ? t('coaching.above') : metric.standing === 'below' ? t('coaching.below') : metric.standing === 'at' ? t('coaching.at') : null;
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {format(metric.value)}
        </Text>
        {standing ? (
          <Badge size="xs" variant="light" color={toneColor[tone(metric, preference)]}>
            {standing}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('coaching.teamMedian', { value: format(metric.teamMedian) })}
        {detail ? ` · ${detail}` : ''}
      </Text>
    </Stack>
  );
}
