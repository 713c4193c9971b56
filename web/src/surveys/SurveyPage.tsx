import { Alert, Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { LanguagePicker } from '../auth/LanguagePicker';
import { ErrorState, Loading } from '../ui/States';
import { scoreButtons, surveysApi } from './surveysApi';

/** The public page behind an emailed survey link: no sign-in, the token is the credential. */
export default function SurveyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const survey = useQuery({ queryKey: ['survey', token], queryFn: () => surveysApi.show(token), retry: false });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const answer = useMutation({ mutationFn: () => surveysApi.answer(token, { score: score ?? 0, comment: comment.trim() || null }) });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (score !== null) answer.mutate();
  }

  let content;
  if (survey.isPending) content = <Loading />;
  else if (survey.error) {
    const status = survey.error instanceof ApiError ? survey.error.status : 0;
    content =
      status === 404 || status === 410 ? (
        <Alert color="orange" role="alert" title={status === 410 ? t('surveys.expiredTitle') : t('surveys.invalidTitle')}>
          {status === 410 ? t('surveys.expired') : t('surveys.invalid')}
        </Alert>
      ) : (
        <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />
      );
  } else if (survey.data.answered || answer.isSuccess) {
    content = (
      <Stack gap="xs" role="status">
        <Title order={2} size="h4">
          {t('surveys.thanksTitle')}
        </Title>
        <Text>{answer.isSuccess ? t('surveys.thanks') : t('surveys.alreadyAnswered')}</Text>
      </Stack>
    );
  } else {
    const s = survey.data;
    const buttons = scoreButtons(s);
    content = (
      <form onSubmit={submit} aria-label={t('surveys.formLabel')}>
        <Stack gap="md">
          <Text>{t('surveys.greeting', { name: s.contactName })}</Text>
          <Title order={2} size="h4" id="survey-question">
            {s.kind === 'csat' ? t('surveys.csatQuestion', { solution: s.solutionName }) : t('surveys.npsQuestion', { solution: s.solutionName })}
          </Title>
          <Group gap={6} role="radiogroup" aria-labelledby="survey-question" wrap="wrap">
            {buttons.map((value) => (
              <Button
                key={value}
                role="radio"
                aria-checked={score === value}
                variant={score === value ? 'filled' : 'default'}
                onClick={() => setScore(value)}
                miw={44}
                aria-label={t('surveys.scoreLabel', { score: value, max: s.max })}
              >
                {value}
              </Button>
            ))}
          </Group>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {s.kind === 'csat' ? t('surveys.csatLow') : t('surveys.npsLow')}
            </Text>
            <Text size="xs" c="dimmed">
              {s.kind === 'csat' ? t('surveys.csatHigh') : t('surveys.npsHigh')}
            </Text>
          </Group>
          <Textarea label={t('surveys.comment')} autosize minRows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          {answer.error ? (
            <Alert color="red" role="alert">
              {answer.error instanceof ApiError ? answer.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" disabled={score === null} loading={answer.isPending}>
              {t('surveys.send')}
            </Button>
            {score === null ? (
              <Text size="sm" c="dimmed">
                {t('surveys.pickScore')}
              </Text>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t('surveys.about', { account: s.accountName })}
          </Text>
        </Stack>
      </form>
    );
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={640} w="100%" component="main">
        <Stack gap="md">
          <Group justify="space-between">
            <Text fw={700}>{t('surveys.brand')}</Text>
            <LanguagePicker />
          </Group>
          {content}
        </Stack>
      </Paper>
    </Center>
  );
}
