import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { JourneyWithPermissions } from '../api/types';
import { ErrorState, Loading } from '../ui/States';
import { pipelinesApi } from './pipelinesApi';

/**
 * The pipeline a journey follows, and (for those who may override gates: the team's sales
 * manager, admins) a way to choose another: the choice changes which gates apply from now on.
 */
export function JourneyPipelineChooser({ journey }: { journey: JourneyWithPermissions }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({ queryKey: ['journeyPipeline', journey.id, journey.version], queryFn: () => pipelinesApi.ofJourney(journey.id) });
  const mayChoose = journey.permissions.overrideGate && journey.outcome === 'open';
  const pipelines = useQuery({ queryKey: ['pipelines'], queryFn: pipelinesApi.list, enabled: mayChoose, staleTime: 60_000 });
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState('');
  const save = useMutation({
    mutationFn: (pipelineId: string | null) => pipelinesApi.choose(journey.id, pipelineId, journey.version),
    onSuccess: async () => {
      setEditing(false);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['journey', journey.id] }),
        client.invalidateQueries({ queryKey: ['journeyPipeline', journey.id] }),
        client.invalidateQueries({ queryKey: ['gates', journey.id] }),
        client.invalidateQueries({ queryKey: ['nextBestActions', journey.id] }),
      ]);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(choice || null);
  }

  return (
    <Stack gap={4} component="section" aria-labelledby="journey-pipeline-heading">
      <Text size="xs" c="dimmed" fw={600} id="journey-pipeline-heading">
        {t('pipelines.journey.title')}
      </Text>
      {current.isPending ? <Loading /> : null}
      {current.error ? <ErrorState error={current.error} onRetry={() => void current.refetch()} /> : null}
      {current.data && !editing ? (
        <>
          <Text size="sm">
            {current.data.pipeline.name} · {t('pipelines.versionShort', { version: current.data.pipeline.version })} ·{' '}
            {current.data.chosenPipelineId ? t('pipelines.journey.chosen') : t('pipelines.journey.inherited')}
          </Text>
          {mayChoose ? (
            <Button
              variant="subtle"
              size="compact-xs"
              w="fit-content"
              px={0}
              onClick={() => {
                setChoice(current.data.chosenPipelineId ?? '');
                save.reset();
                setEditing(true);
              }}
            >
              {t('pipelines.journey.choose')}
            </Button>
          ) : null}
        </>
      ) : null}
      {editing ? (
        <form onSubmit={submit} aria-label={t('pipelines.journey.choose')}>
          <Stack gap={6}>
            {pipelines.error ? <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} /> : null}
            <NativeSelect
              label={t('pipelines.journey.title')}
              description={t('pipelines.journey.hint')}
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
              data={[{ value: '', label: t('pipelines.journey.followLine') }, ...(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
              data-autofocus
            />
            {save.error ? (
              <Alert color="red" role="alert" p="xs">
                {save.error instanceof ApiError && save.error.status === 409 ? t('pipelines.conflict') : save.error instanceof ApiError ? save.error.message : t('common.networkError')}
              </Alert>
            ) : null}
            <Group gap="xs">
              <Button type="submit" size="xs" loading={save.isPending}>
                {t('common.save')}
              </Button>
              <Button variant="default" size="xs" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
