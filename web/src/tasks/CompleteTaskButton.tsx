import { Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Task } from '../api/types';

/**
 * Marks a task done with the version that was read; a 409 (someone changed it) or 403 is
 * shown as the server's message, and the lists are loaded again.
 */
export function CompleteTaskButton({ task, onDone }: { task: Task; onDone?: (task: Task) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const complete = useMutation({
    mutationFn: () => api.updateTask(task.id, { status: 'done', version: task.version }),
    onSuccess: async (done) => {
      onDone?.(done);
      await client.invalidateQueries({ queryKey: ['tasks'] });
      await client.invalidateQueries({ queryKey: ['myDay'] });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) await client.invalidateQueries({ queryKey: ['myDay'] });
    },
  });
  return (
    <>
      <Button size="compact-sm" variant="light" loading={complete.isPending} onClick={() => complete.mutate()} aria-label={t('tasks.completeNamed', { title: task.title })}>
        {t('tasks.complete')}
      </Button>
      {complete.error ? (
        <Text size="xs" c="red.8" role="alert">
          {complete.error instanceof ApiError && complete.error.status === 409 ? t('tasks.conflict') : complete.error instanceof ApiError ? complete.error.message : t('common.networkError')}
        </Text>
      ) : null}
    </>
  );
}
