import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { canLogActivity } from '../auth/permissions';
import { contentApi, type ContentSummary } from '../content/contentApi';
import { fileBadge, inLanguage } from '../content/contentModel';
import { ShareDialog } from '../content/ShareDialog';
import { Empty, ErrorState, Loading } from '../ui/States';
import { byKind, playbookContentApi } from './playbookContentApi';

/**
 * The playbook for this journey (issue 5 §5): talk tracks, questions, objection handling and
 * linked content for its stage and its contacts' personas, in the user's language.
 */
export function PlaybookGuide({ journey, me }: { journey: { id: string; accountId: string; stage: string }; me: Me['user'] | undefined }) {
  const { t, i18n } = useTranslation();
  const playbook = useQuery({ queryKey: ['playbookContent', 'journey', journey.id, journey.stage], queryFn: () => playbookContentApi.forJourney(journey.id) });
  const [sharing, setSharing] = useState<ContentSummary | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const lang = i18n.language;
  const toggle = (id: string) => setOpen((prev) => new Set(prev.has(id) ? [...prev].filter((x) => x !== id) : [...prev, id]));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="journey-playbook">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4" id="journey-playbook">
          {t('playbookContent.guide.title', { stage: t(`stage.${journey.stage}`) })}
        </Title>
      </Group>
      {playbook.data ? (
        <Group gap={4} mb="sm">
          <Text size="xs" c="dimmed">
            {playbook.data.personas.length === 0 ? t('playbookContent.guide.noPersonas') : t('playbookContent.guide.forPersonas')}
          </Text>
          {playbook.data.personas.map((p) => (
            <Badge key={`${p.proficiency}|${p.division}`} size="sm" variant="light" color="orange">
              {t(`techProficiency.${p.proficiency}`)} · {t(`division.${p.division}`)} ({p.contacts})
            </Badge>
          ))}
        </Group>
      ) : null}
      {playbook.isPending ? <Loading /> : null}
      {playbook.error ? <ErrorState error={playbook.error} onRetry={() => void playbook.refetch()} /> : null}
      {playbook.data && playbook.data.entries.length === 0 ? <Empty title={t('playbookContent.guide.empty')} hint={t('playbookContent.guide.emptyHint')} /> : null}
      {playbook.data ? (
        <Stack gap="md">
          {byKind(playbook.data.entries).map((group) => (
            <Stack key={group.kind} gap={6}>
              <Title order={3} size="h6" tt="uppercase" c="dimmed">
                {t(`playbookContent.kind.${group.kind}`)}
              </Title>
              {group.entries.map((entry) => {
                const expanded = open.has(entry.id) || entry.relevance > 1;
                return (
                  <Stack key={entry.id} gap={4}>
                    <Group gap={6} wrap="wrap">
                      <Anchor component="button" type="button" fw={600} size="sm" onClick={() => toggle(entry.id)} aria-expanded={expanded}>
                        {inLanguage(lang, entry.titleId, entry.titleEn)}
                      </Anchor>
                      {entry.proficiency ? (
                        <Badge size="xs" variant="light" color="orange">
                          {t(`techProficiency.${entry.proficiency}`)}
                        </Badge>
                      ) : null}
                      {entry.division ? (
                        <Badge size="xs" variant="light" color="gray">
                          {t(`division.${entry.division}`)}
                        </Badge>
                      ) : null}
                    </Group>
                    {expanded ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {inLanguage(lang, entry.bodyId, entry.bodyEn)}
                      </Text>
                    ) : null}
                    {entry.contentItems.length > 0 ? (
                      <Stack gap={2} pl="sm">
                        {entry.contentItems.map((c) => (
                          <Group key={c.id} gap={6} wrap="nowrap">
                            <Anchor size="sm" href={c.kind === 'link' ? (c.url ?? '#') : contentApi.fileUrl(c.id)} target={c.kind === 'link' ? '_blank' : undefined} rel="noopener noreferrer">
                              {c.title}
                            </Anchor>
                            <Badge size="xs" variant="outline">
                              {fileBadge(c) ?? t(`content.kind.${c.kind}`)}
                            </Badge>
                            {canLogActivity(me) ? (
                              <Button size="compact-xs" variant="light" onClick={() => setSharing(c)} aria-label={t('playbookContent.guide.shareItem', { title: c.title })}>
                                {t('content.share.action')}
                              </Button>
                            ) : null}
                          </Group>
                        ))}
                      </Stack>
                    ) : null}
                  </Stack>
                );
              })}
            </Stack>
          ))}
        </Stack>
      ) : null}
      {sharing ? <ShareDialog item={sharing} journey={{ id: journey.id, accountId: journey.accountId }} onClose={() => setSharing(null)} onShared={() => void playbook.refetch()} /> : null}
    </Paper>
  );
}
