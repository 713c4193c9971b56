import { Alert, Anchor, Badge, Button, FileInput, Group, List, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attributionModels } from '../../../src/domain/attribution';
import { responseKinds, type ResponseKind } from '../../../src/domain/campaigns';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { formatDate, formatDateTime, formatMoney } from '../format/format';
import { Link, navigate } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { CampaignForm, statusColor } from './CampaignList';
import { csvTemplate, importProblems, percent, responseFunnel } from './campaignModel';
import { campaignsApi, type Campaign, type CampaignResults } from './campaignsApi';
import { canManageCampaigns, canRecordResponses } from './permissions';

/** One campaign: its details and lifecycle, audience with hand-entered responses, CSV import, responses and results. */
export default function CampaignPage({ id, me }: { id: string; me: Me['user'] }) {
  const { t } = useTranslation();
  const campaign = useQuery({ queryKey: ['campaign', id], queryFn: () => campaignsApi.get(id) });
  if (campaign.isPending) return <Loading />;
  if (campaign.error) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Anchor component={Link} to="/campaigns" size="sm">
        ← {t('campaigns.title')}
      </Anchor>
      <Header campaign={c} me={me} />
      {c.status === 'draft' ? (
        <Paper withBorder p="md">
          <Empty title={t('campaigns.draftTitle')} hint={c.segmentId ? t('campaigns.draftHint') : t('campaigns.draftNoSegment')} />
        </Paper>
      ) : (
        <>
          <ResultsPanel campaign={c} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <AudiencePanel campaign={c} me={me} />
            <Stack gap="md">
              {c.status === 'launched' && canRecordResponses(me) ? <ImportPanel campaign={c} /> : null}
              <ResponsesPanel campaign={c} />
            </Stack>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Header({ campaign: c, me }: { campaign: Campaign; me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const mayManage = canManageCampaigns(me);
  const [confirm, setConfirm] = useState<'launch' | 'close' | 'delete' | null>(null);
  const [editing, setEditing] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['campaign', c.id] });
    void client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
  };
  const act = useMutation({
    mutationFn: async (what: 'launch' | 'close' | 'delete') => {
      if (what === 'launch') await campaignsApi.launch(c.id, c.version);
      else if (what === 'close') await campaignsApi.close(c.id, c.version);
      else await campaignsApi.remove(c.id, c.version);
      return what;
    },
    onSuccess: (what) => {
      setConfirm(null);
      if (what === 'delete') {
        void client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
        navigate('/campaigns');
      } else refresh();
    },
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h3">
              {c.name}
            </Title>
            <Badge variant="light" color={statusColor[c.status]}>
              {t(`campaigns.status.${c.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`campaigns.type.${c.type}`)}
            {c.channels.length > 0 ? ` · ${c.channels.map((ch) => t(`campaigns.channel.${ch}`)).join(', ')}` : ''}
          </Text>
          <Text size="sm">
            {t('campaigns.solution')}: {c.solutionName ?? t('campaigns.noSolution')} · {t('campaigns.segment')}:{' '}
            {c.segmentId ? (
              <Anchor component={Link} to={`/segments/${c.segmentId}`} size="sm">
                {c.segmentName}
              </Anchor>
            ) : (
              '—'
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {c.startsOn ? `${formatDate(c.startsOn, i18n.language)}${c.endsOn && c.endsOn !== c.startsOn ? ` – ${formatDate(c.endsOn, i18n.language)}` : ''} · ` : ''}
            {t('campaigns.budget')}: {formatMoney(c.budgetMinor, c.currency, i18n.language)}
            {c.launchedAt ? ` · ${t('campaigns.launchedAt', { at: formatDateTime(c.launchedAt, i18n.language) })}` : ''}
          </Text>
          {c.description ? <Text size="sm">{c.description}</Text> : null}
        </Stack>
        {mayManage ? (
          <Group gap="xs">
            {c.status !== 'closed' ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('campaigns.edit')}
              </Button>
            ) : null}
            {c.status === 'draft' ? (
              <>
                <Button onClick={() => setConfirm('launch')} disabled={!c.segmentId}>
                  {t('campaigns.launch')}
                </Button>
                <Button variant="default" color="red" onClick={() => setConfirm('delete')}>
                  {t('campaigns.delete')}
                </Button>
              </>
            ) : null}
            {c.status === 'launched' ? (
              <Button variant="default" onClick={() => setConfirm('close')}>
                {t('campaigns.close')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {editing ? <CampaignForm campaign={c} onClose={() => setEditing(false)} /> : null}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t(`campaigns.confirm.${confirm}Title`) : ''}>
        <Stack gap="sm">
          <Text size="sm">{confirm ? t(`campaigns.confirm.${confirm}`, { segment: c.segmentName ?? '' }) : ''}</Text>
          {act.error ? (
            <Alert color="red" role="alert">
              {act.error instanceof ApiError ? act.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button color={confirm === 'delete' ? 'red' : undefined} loading={act.isPending} onClick={() => confirm && act.mutate(confirm)}>
              {confirm ? t(`campaigns.${confirm}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Figure({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Stack>
  );
}

function ResultsPanel({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const results = useQuery({ queryKey: ['campaign', campaign.id, 'results'], queryFn: () => campaignsApi.results(campaign.id) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-results">
      <Title order={2} size="h4" id="campaign-results" mb="sm">
        {t('campaigns.results.title')}
      </Title>
      {results.isPending ? <Loading /> : null}
      {results.error ? <ErrorState error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? <Results r={results.data} locale={i18n.language} /> : null}
    </Paper>
  );
}

function Results({ r, locale }: { r: CampaignResults; locale: string }) {
  const { t } = useTranslation();
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, r.currency, locale));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('campaigns.results.reach')} value={r.reach.contacts} hint={t('campaigns.results.reachAccounts', { count: r.reach.accounts })} />
        <Figure label={t('campaigns.results.respondents')} value={r.respondents} />
        <Figure label={t('campaigns.results.opened')} value={r.journeys.opened} hint={t('campaigns.results.touched', { count: r.journeys.touched })} />
        <Figure label={t('campaigns.results.advanced')} value={r.journeys.advanced} hint={t('campaigns.results.adopted', { count: r.journeys.adopted })} />
        <Figure label={t('campaigns.budget')} value={money(r.budgetMinor)} />
        <Figure label={t('campaigns.results.costPerJourney')} value={money(r.costPerJourneyMinor)} />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.results.response')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.results.count')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.results.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {responseFunnel(r.responses, r.reach.contacts).map((f) => (
              <Table.Tr key={f.kind}>
                <Table.Td>{t(`campaigns.kind.${f.kind}`)}</Table.Td>
                <Table.Td ta="right">{f.count}</Table.Td>
                <Table.Td ta="right">{percent(f.rate, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <Table.Caption>{t('campaigns.results.attributionHint')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.results.model')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.results.pipeline')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.results.won')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.results.roi')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attributionModels.map((m) => (
              <Table.Tr key={m}>
                <Table.Td>{t(`campaigns.model.${m}`)}</Table.Td>
                <Table.Td ta="right">{money(r.attribution[m].pipelineMinor)}</Table.Td>
                <Table.Td ta="right">{money(r.attribution[m].wonMinor)}</Table.Td>
                <Table.Td ta="right">{percent(r.roi[m], locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function AudiencePanel({ campaign, me }: { campaign: Campaign; me: Me['user'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const audience = useInfiniteQuery({
    queryKey: ['campaign', campaign.id, 'audience'],
    queryFn: ({ pageParam }) => campaignsApi.audience(campaign.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const respond = useMutation({
    mutationFn: (v: { contactId: string; kind: ResponseKind }) => campaignsApi.respond(campaign.id, v),
    onSuccess: (result) => {
      setNotice(result.journeyOpened ? t('campaigns.recordedOpened') : t('campaigns.recorded'));
      void client.invalidateQueries({ queryKey: ['campaign', campaign.id] });
    },
  });
  const mayRecord = campaign.status === 'launched' && canRecordResponses(me);
  const first = audience.data?.pages[0];
  const members = audience.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-audience">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="campaign-audience">
          {t('campaigns.audience')}
        </Title>
        {first ? (
          <Text size="sm" c="dimmed">
            {t('campaigns.audienceCount', { contacts: first.contacts, accounts: first.accounts })}
          </Text>
        ) : null}
      </Group>
      {notice ? (
        <Alert color="green" mb="sm" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {respond.error ? (
        <Alert color="red" mb="sm" role="alert">
          {respond.error instanceof ApiError ? respond.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      {audience.isPending ? <Loading /> : null}
      {audience.error ? <ErrorState error={audience.error} onRetry={() => void audience.refetch()} /> : null}
      {first && members.length === 0 ? <Empty title={t('campaigns.audienceEmpty')} /> : null}
      {members.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.contact')}</Table.Th>
                <Table.Th>{t('campaigns.responsesCount')}</Table.Th>
                {mayRecord ? <Table.Th>{t('campaigns.record')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.contactId}>
                  <Table.Td>
                    <Text size="sm">{m.fullName}</Text>
                    <Anchor component={Link} to={`/accounts/${m.accountId}`} size="xs">
                      {m.accountName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.responses.map((k) => (
                        <Badge key={k} size="sm" variant="light">
                          {t(`campaigns.kind.${k}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  {mayRecord ? (
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('campaigns.recordFor', { name: m.fullName })}
                        value=""
                        disabled={respond.isPending}
                        onChange={(e) => {
                          const kind = e.currentTarget.value as ResponseKind;
                          if (kind) respond.mutate({ contactId: m.contactId, kind });
                        }}
                        data={[
                          { value: '', label: t('campaigns.recordPlaceholder') },
                          ...responseKinds.filter((k) => !m.responses.includes(k)).map((k) => ({ value: k, label: t(`campaigns.kind.${k}`) })),
                        ]}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {audience.hasNextPage ? (
        <Button variant="subtle" mt="sm" onClick={() => void audience.fetchNextPage()} loading={audience.isFetchingNextPage}>
          {t('campaigns.more')}
        </Button>
      ) : null}
    </Paper>
  );
}

function ImportPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async () => campaignsApi.importCsv(campaign.id, file ? await file.text() : text),
    onSuccess: () => {
      setText('');
      setFile(null);
      void client.invalidateQueries({ queryKey: ['campaign', campaign.id] });
    },
  });
  const problems = run.error instanceof ApiError ? importProblems(run.error.details) : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-import">
      <Title order={2} size="h4" id="campaign-import" mb={4}>
        {t('campaigns.import.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('campaigns.import.hint')}
      </Text>
      <Stack gap="sm">
        <FileInput label={t('campaigns.import.file')} accept=".csv,text/csv" value={file} onChange={setFile} clearable />
        <Textarea
          label={t('campaigns.import.paste')}
          placeholder={csvTemplate}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          disabled={file !== null}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {run.data ? (
          <Alert color="green" role="status">
            {t('campaigns.import.done', { imported: run.data.imported, skipped: run.data.skipped, opened: run.data.journeysOpened })}
          </Alert>
        ) : null}
        {run.error ? (
          <Alert color="red" role="alert" title={t('campaigns.import.refused')}>
            {problems.length > 0 ? (
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={`${p.row}-${p.field}`}>{t('campaigns.import.problem', { row: p.row, field: p.field, reason: p.reason })}</List.Item>
                ))}
              </List>
            ) : run.error instanceof ApiError ? (
              run.error.message
            ) : (
              t('common.networkError')
            )}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!file && !text.trim()}>
            {t('campaigns.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ResponsesPanel({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const responses = useInfiniteQuery({
    queryKey: ['campaign', campaign.id, 'responses'],
    queryFn: ({ pageParam }) => campaignsApi.responses(campaign.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = responses.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-responses">
      <Title order={2} size="h4" id="campaign-responses" mb="sm">
        {t('campaigns.responses')}
      </Title>
      {responses.isPending ? <Loading /> : null}
      {responses.error ? <ErrorState error={responses.error} onRetry={() => void responses.refetch()} /> : null}
      {responses.data && items.length === 0 ? <Empty title={t('campaigns.responsesEmpty')} hint={t('campaigns.responsesEmptyHint')} /> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.contact')}</Table.Th>
                <Table.Th>{t('campaigns.kindLabel')}</Table.Th>
                <Table.Th>{t('campaigns.at')}</Table.Th>
                <Table.Th>{t('campaigns.journey')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{r.contactName}</Text>
                    <Text size="xs" c="dimmed">
                      {r.accountName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`campaigns.kind.${r.kind}`)}
                    <Text size="xs" c="dimmed">
                      {t(`campaigns.source.${r.source}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {r.journeyId && r.journeyEffect ? (
                      <Anchor component={Link} to={`/journeys/${r.journeyId}`} size="sm">
                        {t(`campaigns.effect.${r.journeyEffect}`)}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {responses.hasNextPage ? (
        <Button variant="subtle" mt="sm" onClick={() => void responses.fetchNextPage()} loading={responses.isFetchingNextPage}>
          {t('campaigns.more')}
        </Button>
      ) : null}
    </Paper>
  );
}
