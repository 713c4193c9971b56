import { Alert, Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Account, Me, Recommendation } from '../api/types';
import { canOpenJourney } from '../auth/permissions';
import { navigate } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { scoreBand } from './assessmentModel';
import classes from './Account.module.css';

const bandColor = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' } as const;

/** Solutions the account's unresolved risks call for, ranked, each with its reasons and "open a journey". */
export function Recommendations({ account, me }: { account: Account; me: Me['user'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const recs = useQuery({ queryKey: ['account', account.id, 'recommendations'], queryFn: () => api.recommendations(account.id) });
  const mayOpen = canOpenJourney(me, account);
  const open = useMutation({
    mutationFn: (rec: Recommendation) => api.createJourney({ accountId: account.id, solutionId: rec.solutionId }),
    onSuccess: async (journey) => {
      await Promise.all([client.invalidateQueries({ queryKey: ['journeys'] }), client.invalidateQueries({ queryKey: ['account', account.id] })]);
      navigate(`/journeys/${journey.id}`);
    },
  });
  const items = recs.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recs-heading">
      <Title order={2} size="h4" id="recs-heading" mb={4}>
        {t('recommendations.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('recommendations.hint')}
      </Text>
      {recs.isPending ? <Loading /> : null}
      {recs.error ? <ErrorState error={recs.error} onRetry={() => void recs.refetch()} /> : null}
      {open.error ? (
        <Alert color="red" role="alert" mb="xs">
          {open.error instanceof ApiError ? open.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      {recs.isSuccess && items.length === 0 ? <Empty title={t('recommendations.none')} hint={t('recommendations.noneHint')} /> : null}
      {items.length > 0 ? (
        <ol className={classes.contacts} aria-label={t('recommendations.title')}>
          {items.map((rec) => (
            <li key={rec.solutionId} className={classes.contact}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {rec.solutionName}
                    </Text>
                    <Badge color={bandColor[scoreBand(rec.score)]} variant="light" aria-label={t('recommendations.scoreLabel', { score: rec.score, total: rec.totalScore })}>
                      {t('recommendations.score', { score: rec.score })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t(`category.${rec.solutionCategory}`, { defaultValue: rec.solutionCategory })} · {t('recommendations.because', { count: rec.reasons.length })}
                  </Text>
                  <ul className={classes.reasons} aria-label={t('recommendations.reasonsFor', { solution: rec.solutionName })}>
                    {rec.reasons.map((r) => (
                      <li key={r.riskId}>
                        <Text size="xs">
                          {r.threat} ({t(`itCategory.${r.category}`)}, {t('recommendations.riskScore', { score: r.score })})
                        </Text>
                      </li>
                    ))}
                  </ul>
                </div>
                {mayOpen ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={open.isPending && open.variables?.solutionId === rec.solutionId}
                    disabled={open.isPending}
                    onClick={() => open.mutate(rec)}
                    aria-label={t('recommendations.openNamed', { solution: rec.solutionName })}
                  >
                    {t('recommendations.open')}
                  </Button>
                ) : null}
              </Group>
            </li>
          ))}
        </ol>
      ) : null}
    </Paper>
  );
}
