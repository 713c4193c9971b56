import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { formatDate, formatDateTime } from '../format/format';
import { Link, navigate } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { canWriteSegments } from './permissions';
import { segmentsApi } from './segmentsApi';

/** Every segment, by name: dynamic ones are evaluated when used, static ones show their frozen size. */
export default function SegmentList({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const segments = useQuery({ queryKey: ['segments', 'list'], queryFn: () => segmentsApi.list() });
  const mayWrite = canWriteSegments(me);
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('segments.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('segments.intro')}
          </Text>
        </Stack>
        {mayWrite ? <Button onClick={() => navigate('/segments/new')}>{t('segments.new')}</Button> : null}
      </Group>
      <Paper withBorder p="md">
        {segments.isPending ? <Loading /> : null}
        {segments.error ? <ErrorState error={segments.error} onRetry={() => void segments.refetch()} /> : null}
        {segments.data && segments.data.items.length === 0 ? <Empty title={t('segments.empty')} hint={mayWrite ? t('segments.emptyHint') : t('segments.emptyReadOnly')} /> : null}
        {segments.data && segments.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('segments.name')}</Table.Th>
                  <Table.Th>{t('segments.kind.dynamic')} / {t('segments.kind.static')}</Table.Th>
                  <Table.Th>{t('segments.members')}</Table.Th>
                  <Table.Th>{t('segments.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {segments.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/segments/${s.id}`} size="sm">
                        {s.name}
                      </Anchor>
                      {s.description ? (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {s.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.kind === 'static' ? 'grape' : 'blue'}>
                        {s.kind === 'static' ? t('segments.kind.static') : t('segments.kind.dynamic')}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {s.kind === 'static' && s.frozenAt ? t('segments.kindHint.static', { date: formatDate(s.frozenAt.slice(0, 10), i18n.language) }) : t('segments.kindHint.dynamic')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.memberCount ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(s.updatedAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
    </Stack>
  );
}
