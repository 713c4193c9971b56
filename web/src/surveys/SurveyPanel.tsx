import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { JourneyWithPermissions } from '../api/types';
import { formatDateTime } from '../format/format';
import { Empty, ErrorState, Loading } from '../ui/States';
import { surveysApi } from './surveysApi';

/** The journey's satisfaction surveys (confirmation stage): results, and a way to send one. */
export function SurveyPanel({ journey }: { journey: JourneyWithPermissions }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const surveys = useQuery({ queryKey: ['journeySurveys', journey.id], queryFn: () => surveysApi.ofJourney(journey.id) });
  const [kind, setKind] = useState<'csat' | 'nps'>('csat');
  const request = useMutation({
    mutationFn: () => surveysApi.request(journey.id, { kind }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['journeySurveys', journey.id] }),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="journey-surveys">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="journey-surveys">
          {t('surveys.panelTitle')}
        </Title>
        {surveys.data ? (
          <Group gap="xs">
            <Badge variant="light" size="lg">
              {t('surveys.latestCsat', { score: surveys.data.latestCsat ?? '—' })}
            </Badge>
            <Badge variant="light" color="grape" size="lg">
              {t('surveys.latestNps', { score: surveys.data.latestNps ?? '—' })}
            </Badge>
          </Group>
        ) : null}
      </Group>
      {surveys.isPending ? <Loading /> : null}
      {surveys.error ? <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} /> : null}
      {surveys.data && surveys.data.items.length === 0 ? <Empty title={t('surveys.none')} hint={t('surveys.noneHint')} /> : null}
      {surveys.data && surveys.data.items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveys.kindLabel')}</Table.Th>
              <Table.Th>{t('surveys.contact')}</Table.Th>
              <Table.Th>{t('surveys.sent')}</Table.Th>
              <Table.Th>{t('surveys.score')}</Table.Th>
              <Table.Th>{t('surveys.comment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {surveys.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {t(`surveys.kind.${s.kind}`)}
                  {s.source === 'automation' ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {t('surveys.automatic')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{s.contactName}</Table.Td>
                <Table.Td>{s.sentAt ? formatDateTime(s.sentAt, i18n.language) : t('surveys.notSent')}</Table.Td>
                <Table.Td>{s.score !== null ? `${s.score}/${s.kind === 'csat' ? 5 : 10}` : s.answeredAt ? '—' : t('surveys.waiting')}</Table.Td>
                <Table.Td>{s.comment ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {journey.permissions.write ? (
        <Stack gap="xs" mt="sm">
          <Group align="flex-end">
            <NativeSelect
              label={t('surveys.kindLabel')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as 'csat' | 'nps')}
              data={[
                { value: 'csat', label: t('surveys.kind.csat') },
                { value: 'nps', label: t('surveys.kind.nps') },
              ]}
            />
            <Button variant="light" loading={request.isPending} onClick={() => request.mutate()}>
              {t('surveys.send')}
            </Button>
          </Group>
          {request.error ? (
            <Alert color="red" role="alert">
              {request.error instanceof ApiError ? request.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          {request.isSuccess ? (
            <Text size="sm" c="teal.8" role="status">
              {t('surveys.requested', { name: request.data.contactName })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
