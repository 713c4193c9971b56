import { Anchor, Badge, Button, Group, Table, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { User } from '../api/types';
import { formatMoney } from '../format/format';
import { Link } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import classes from './Journey.module.css';

/** Every journey, recently changed first, a page at a time. */
export default function JourneyList() {
  const { t, i18n } = useTranslation();
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 5 * 60_000 });
  const usersById = useMemo(() => new Map<string, User>((users.data?.items ?? []).map((u) => [u.id, u])), [users.data]);
  const query = useInfiniteQuery({
    queryKey: ['journeys', 'list'],
    queryFn: ({ pageParam }) => api.journeys({ limit: 50, sort: '-updatedAt', ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <Title order={1} size="h3" mb="md">
        {t('journeys.title')}
      </Title>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && items.length === 0 ? <Empty title={t('journeys.empty')} hint={t('journeys.emptyHint')} /> : null}
      {items.length > 0 ? (
        <div className={classes.tableWrap}>
          <Table striped highlightOnHover miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.account')}</Table.Th>
                <Table.Th scope="col">{t('fields.solution')}</Table.Th>
                <Table.Th scope="col">{t('journey.stage')}</Table.Th>
                <Table.Th scope="col">{t('journey.outcome')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fields.value')}
                </Table.Th>
                <Table.Th scope="col">{t('fields.owner')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/journeys/${j.id}`} size="sm">
                      {j.accountName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{j.solutionName}</Table.Td>
                  <Table.Td>{t(`stage.${j.stage}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={j.outcome === 'open' ? 'blue' : j.outcome === 'adopted' ? 'teal' : 'gray'}>
                      {t(`outcome.${j.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(j.valueMinor, j.currency, i18n.language)}</Table.Td>
                  <Table.Td>{(j.ownerId ? usersById.get(j.ownerId)?.name : null) ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      {query.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </div>
  );
}
