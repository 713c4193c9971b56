import { Alert, Button, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { call } from '../team/teamApi';
import { ErrorState, Loading } from '../ui/States';
import { itCategories } from '../../../src/domain/recommendations';
import { solutionCategories } from '../../../src/shared/vocabulary';
import { hasLink, orderedLinks, sameLinks, toggleLink, type RiskLink } from './riskMapModel';

const riskMapApi = {
  get: () => call<{ items: RiskLink[] }>('GET', '/risk-solution-map'),
  put: (items: RiskLink[]) => call<{ items: RiskLink[] }>('PUT', '/risk-solution-map', undefined, { items }),
};

/**
 * Admins: which solution lines address which IT risk areas. Account recommendations rank the
 * solutions whose category addresses an account's open risks (issue 5 §3).
 */
export function RiskMapPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stored = useQuery({ queryKey: ['riskSolutionMap'], queryFn: riskMapApi.get });
  const [links, setLinks] = useState<RiskLink[] | null>(null);
  useEffect(() => {
    if (stored.data) setLinks(stored.data.items);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: (items: RiskLink[]) => riskMapApi.put(orderedLinks(items)),
    onSuccess: async (saved) => {
      client.setQueryData(['riskSolutionMap'], saved);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'account' && q.queryKey[2] === 'recommendations' });
    },
  });
  const headingId = 'risk-map-heading';
  const changed = links !== null && stored.data !== undefined && !sameLinks(links, stored.data.items);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('riskMap.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('riskMap.intro')}
        </Text>
        {stored.isPending ? <Loading /> : null}
        {stored.error ? <ErrorState error={stored.error} onRetry={() => void stored.refetch()} /> : null}
        {links ? (
          <ScrollArea>
            <Table withTableBorder fz="sm" captionSide="top" miw={720}>
              <Table.Caption>{t('riskMap.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('riskMap.riskArea')}</Table.Th>
                  {solutionCategories.map((c) => (
                    <Table.Th key={c} scope="col">
                      {t(`category.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {itCategories.map((risk) => (
                  <Table.Tr key={risk}>
                    <Table.Th scope="row">{t(`itCategory.${risk}`)}</Table.Th>
                    {solutionCategories.map((solution) => {
                      const link = { riskCategory: risk, solutionCategory: solution };
                      return (
                        <Table.Td key={solution}>
                          <Checkbox
                            aria-label={t('riskMap.cell', { risk: t(`itCategory.${risk}`), solution: t(`category.${solution}`) })}
                            checked={hasLink(links, link)}
                            onChange={() => {
                              save.reset();
                              setLinks(toggleLink(links, link));
                            }}
                          />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        ) : null}
        {save.error ? (
          <Alert color="red" role="alert">
            {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
          </Alert>
        ) : null}
        {save.isSuccess && !changed ? (
          <Text size="sm" role="status" c="teal.9">
            {t('riskMap.saved')}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button disabled={!changed} loading={save.isPending} onClick={() => links && save.mutate(links)}>
            {t('riskMap.save')}
          </Button>
          <Button variant="default" disabled={!changed} onClick={() => stored.data && setLinks(stored.data.items)}>
            {t('riskMap.undo')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
