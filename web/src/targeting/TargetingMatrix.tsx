import { Alert, Anchor, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SegmentRole } from '../../../src/domain/campaigns';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { percent } from '../campaigns/campaignModel';
import { targetingApi, type TargetingMatrix as Matrix } from '../campaigns/campaignsApi';
import { canManageCampaigns } from '../campaigns/permissions';
import { Link } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';

type Cell = Matrix['cells'][number];

/** Solutions × segments: each solution's primary and secondary segments, each segment's size, and conversion so far. */
export default function TargetingMatrix({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const matrix = useQuery({ queryKey: ['targeting'], queryFn: () => targetingApi.matrix() });
  const mayManage = canManageCampaigns(me);
  const change = useMutation({
    mutationFn: async (v: { solutionId: string; segmentId: string; role: SegmentRole | null }): Promise<void> => {
      if (v.role) await targetingApi.set(v.solutionId, v.segmentId, v.role);
      else await targetingApi.remove(v.solutionId, v.segmentId);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['targeting'] }),
  });

  const cellOf = (solutionId: string, segmentId: string): Cell | undefined => matrix.data?.cells.find((c) => c.solutionId === solutionId && c.segmentId === segmentId);
  const roleOptions = [
    { value: 'none', label: t('targeting.role.none') },
    { value: 'primary', label: t('targeting.role.primary') },
    { value: 'secondary', label: t('targeting.role.secondary') },
  ];

  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={2}>
        <Title order={1} size="h3">
          {t('targeting.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('targeting.intro')}
        </Text>
      </Stack>
      {change.error ? (
        <Alert color="red" role="alert">
          {change.error instanceof ApiError ? change.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        {matrix.isPending ? <Loading /> : null}
        {matrix.error ? <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
        {matrix.data && (matrix.data.solutions.length === 0 || matrix.data.segments.length === 0) ? (
          <Empty title={t('targeting.empty')} hint={t('targeting.emptyHint')} />
        ) : null}
        {matrix.data && matrix.data.solutions.length > 0 && matrix.data.segments.length > 0 ? (
          <Table.ScrollContainer minWidth={240 + matrix.data.segments.length * 180}>
            <Table withColumnBorders>
              <Table.Caption>{t('targeting.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('targeting.solution')}</Table.Th>
                  {matrix.data.segments.map((s) => (
                    <Table.Th key={s.id} scope="col">
                      <Anchor component={Link} to={`/segments/${s.id}`} size="sm">
                        {s.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" fw={400}>
                        {t('targeting.size', { contacts: s.contacts, accounts: s.accounts })}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matrix.data.solutions.map((solution) => (
                  <Table.Tr key={solution.id}>
                    <Table.Th scope="row">
                      <Text size="sm" fw={600}>
                        {solution.name}
                      </Text>
                      {solution.primarySegmentId === null ? (
                        <Text size="xs" c="dimmed" fs="italic">
                          {t('targeting.noPrimary')}
                        </Text>
                      ) : null}
                    </Table.Th>
                    {matrix.data.segments.map((segment) => {
                      const cell = cellOf(solution.id, segment.id);
                      const role = cell?.role ?? null;
                      return (
                        <Table.Td key={segment.id} bg={role === 'primary' ? 'var(--mantine-color-blue-light)' : undefined} data-testid={`cell-${solution.id}-${segment.id}`}>
                          <Stack gap={4}>
                            <Group gap={4}>
                              {role ? (
                                <Badge size="sm" color={role === 'primary' ? 'blue' : 'gray'} variant={role === 'primary' ? 'filled' : 'light'}>
                                  {t(`targeting.role.${role}`)}
                                </Badge>
                              ) : null}
                            </Group>
                            <Text size="sm">
                              {t('targeting.conversion')}: <strong>{percent(cell?.conversion ?? null, i18n.language)}</strong>
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('targeting.adoptedOf', { adopted: cell?.accountsAdopted ?? 0, withJourney: cell?.accountsWithJourney ?? 0 })}
                            </Text>
                            {mayManage ? (
                              <Select
                                size="xs"
                                aria-label={t('targeting.roleFor', { solution: solution.name, segment: segment.name })}
                                data={roleOptions}
                                value={role ?? 'none'}
                                allowDeselect={false}
                                disabled={change.isPending}
                                onChange={(v) => change.mutate({ solutionId: solution.id, segmentId: segment.id, role: v === 'none' || v === null ? null : (v as SegmentRole) })}
                              />
                            ) : null}
                          </Stack>
                        </Table.Td>
                      );
                    })}
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
