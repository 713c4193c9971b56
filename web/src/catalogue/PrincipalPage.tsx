import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { canManageWorkspace } from '../auth/permissions';
import { Link } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import classes from '../accounts/Account.module.css';
import { CatalogueTabs, PrincipalEditor } from './CatalogueForms';

/** One principal (vendor) and the solutions it stands behind. */
export default function PrincipalPage({ id, me }: { id: string; me: Me['user'] }) {
  const { t } = useTranslation();
  const principal = useQuery({ queryKey: ['principal', id], queryFn: () => api.principal(id) });
  const solutions = useQuery({ queryKey: ['solutions', 'principal', id], queryFn: () => api.solutionList({ principalId: id, limit: 200 }) });
  const [editing, setEditing] = useState(false);
  if (principal.isPending) return <Loading />;
  if (principal.error) return <ErrorState error={principal.error} onRetry={() => void principal.refetch()} />;
  const p = principal.data;
  return (
    <Stack gap="md" maw={960} mx="auto">
      <CatalogueTabs current="principals" />
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h3">
            {p.name}
          </Title>
          {canManageWorkspace(me) && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('catalogue.editPrincipal')}
            </Button>
          ) : null}
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="principal-details">
          <Title order={2} size="h4" id="principal-details" mb="sm">
            {t('catalogue.details')}
          </Title>
          {editing ? (
            <PrincipalEditor principal={p} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
          ) : (
            <dl className={classes.details}>
              <dt>{t('fields.website')}</dt>
              <dd>
                {p.website ? (
                  <Anchor href={p.website} target="_blank" rel="noopener noreferrer" size="sm">
                    {p.website}
                  </Anchor>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('fields.country')}</dt>
              <dd>{p.country ?? '—'}</dd>
            </dl>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="principal-solutions">
          <Title order={2} size="h4" id="principal-solutions" mb="sm">
            {t('catalogue.solutions')}
          </Title>
          {solutions.isPending ? <Loading /> : null}
          {solutions.error ? <ErrorState error={solutions.error} onRetry={() => void solutions.refetch()} /> : null}
          {solutions.isSuccess && solutions.data.items.length === 0 ? <Empty title={t('catalogue.noSolutions')} /> : null}
          <Stack gap={6}>
            {(solutions.data?.items ?? []).map((s) => (
              <Group key={s.id} gap={6}>
                <Anchor component={Link} to={`/solutions/${s.id}`} size="sm">
                  {s.name}
                </Anchor>
                <Badge size="sm" variant="light">
                  {t(`category.${s.category}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
