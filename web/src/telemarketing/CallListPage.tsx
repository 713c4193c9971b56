import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomes, type CallOutcome } from '../../../src/domain/campaigns';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { telemarketingApi, type CallEntry, type CallListDetail, type Positioning } from '../campaigns/campaignsApi';
import { canManageCampaigns } from '../campaigns/permissions';
import { Link } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { hasScript, localized, messageFor } from './scriptModel';

const outcomeColor: Record<CallOutcome, string> = {
  no_answer: 'gray',
  call_back: 'yellow',
  not_interested: 'orange',
  interested: 'teal',
  meeting_booked: 'green',
  wrong_number: 'gray',
  do_not_call: 'red',
};

/** One call list: progress per caller, the script from the solution's positioning, and the calls to make. */
export default function CallListPage({ id, me }: { id: string; me: Me['user'] }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['callList', id], queryFn: () => telemarketingApi.get(id) });
  const solutionId = list.data?.solutionId ?? null;
  const positioning = useQuery({ queryKey: ['positioning', solutionId], queryFn: () => telemarketingApi.positioning(solutionId ?? ''), enabled: solutionId !== null, retry: false });
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const script = hasScript(positioning.data) ? positioning.data : null;
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/telemarketing" size="sm">
        ← {t('telemarketing.title')}
      </Anchor>
      <Header list={list.data} me={me} />
      <ProgressPanel list={list.data} />
      <SimpleGrid cols={{ base: 1, lg: script ? 3 : 1 }} spacing="md">
        <div style={{ gridColumn: script ? 'span 2' : undefined }}>
          <Calls list={list.data} me={me} script={script} />
        </div>
        {script ? <ScriptPanel script={script} /> : null}
      </SimpleGrid>
    </Stack>
  );
}

function Header({ list, me }: { list: CallListDetail; me: Me['user'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const close = useMutation({
    mutationFn: () => telemarketingApi.close(list.id, list.version),
    onSuccess: () => {
      setConfirm(false);
      void client.invalidateQueries({ queryKey: ['callList', list.id] });
      void client.invalidateQueries({ queryKey: ['callLists'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h3">
              {list.name}
            </Title>
            <Badge variant="light" color={list.status === 'open' ? 'green' : 'gray'}>
              {t(`telemarketing.status.${list.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('telemarketing.segment')}: {list.segmentName ?? '—'} · {t('telemarketing.solution')}: {list.solutionName ?? '—'}
            {list.campaignId ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/campaigns/${list.campaignId}`} size="sm">
                  {t('telemarketing.campaign')}
                </Anchor>
              </>
            ) : null}
          </Text>
        </Stack>
        {canManageCampaigns(me) && list.status === 'open' ? (
          <Button variant="default" onClick={() => setConfirm(true)}>
            {t('telemarketing.close')}
          </Button>
        ) : null}
      </Group>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('telemarketing.closeTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('telemarketing.closeConfirm')}</Text>
          {close.error ? (
            <Alert color="red" role="alert">
              {close.error instanceof ApiError ? close.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={close.isPending} onClick={() => close.mutate()}>
              {t('telemarketing.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function ProgressPanel({ list }: { list: CallListDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="call-progress">
      <Title order={2} size="h4" id="call-progress" mb="sm">
        {t('telemarketing.progressPerCaller')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('telemarketing.caller')}</Table.Th>
              <Table.Th>{t('telemarketing.progress')}</Table.Th>
              {callOutcomes.map((o) => (
                <Table.Th key={o} ta="right">
                  {t(`telemarketing.outcome.${o}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.progress.map((p) => (
              <Table.Tr key={p.callerId}>
                <Table.Td>{p.callerName}</Table.Td>
                <Table.Td miw={140}>
                  <Text size="xs">{t('telemarketing.calledOf', { called: p.called, total: p.total })}</Text>
                  <Progress value={p.total > 0 ? (p.called / p.total) * 100 : 0} size="sm" aria-label={t('telemarketing.progressOf', { name: p.callerName })} />
                </Table.Td>
                {callOutcomes.map((o) => (
                  <Table.Td key={o} ta="right">
                    {p.outcomes[o]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Calls({ list, me, script }: { list: CallListDetail; me: Me['user']; script: Positioning | null }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const mayManage = canManageCampaigns(me);
  const [scope, setScope] = useState<'mine' | 'all'>(mayManage && !list.progress.some((p) => p.callerId === me.id) ? 'all' : 'mine');
  const [pendingOnly, setPendingOnly] = useState(true);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const entries = useInfiniteQuery({
    queryKey: ['callList', list.id, 'entries', scope, pendingOnly],
    queryFn: ({ pageParam }) => telemarketingApi.entries(list.id, { mine: scope === 'mine', pending: pendingOnly, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const record = useMutation({
    mutationFn: (v: { entry: CallEntry; outcome: CallOutcome }) => telemarketingApi.outcome(v.entry.id, { outcome: v.outcome, note: notes[v.entry.id]?.trim() || null, version: v.entry.version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['callList', list.id] });
      void client.invalidateQueries({ queryKey: ['callLists'] });
    },
  });
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const open = list.status === 'open';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calls-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="calls-title">
          {scope === 'mine' ? t('telemarketing.myCalls') : t('telemarketing.allCalls')}
        </Title>
        <Group gap="xs">
          {mayManage ? (
            <SegmentedControl
              size="xs"
              value={scope}
              onChange={(v) => setScope(v as 'mine' | 'all')}
              data={[
                { value: 'mine', label: t('telemarketing.scope.mine') },
                { value: 'all', label: t('telemarketing.scope.all') },
              ]}
            />
          ) : null}
          <SegmentedControl
            size="xs"
            value={pendingOnly ? 'pending' : 'every'}
            onChange={(v) => setPendingOnly(v === 'pending')}
            data={[
              { value: 'pending', label: t('telemarketing.scope.pending') },
              { value: 'every', label: t('telemarketing.scope.every') },
            ]}
          />
        </Group>
      </Group>
      {record.error ? (
        <Alert color="red" mb="sm" role="alert">
          {record.error instanceof ApiError ? record.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      {entries.isPending ? <Loading /> : null}
      {entries.error ? <ErrorState error={entries.error} onRetry={() => void entries.refetch()} /> : null}
      {entries.data && items.length === 0 ? <Empty title={pendingOnly ? t('telemarketing.noPending') : t('telemarketing.noEntries')} /> : null}
      <Stack gap="sm">
        {items.map((e) => {
          const mayRecord = open && (mayManage || e.callerId === me.id);
          const persona = script ? messageFor(script.messages, e) : null;
          return (
            <Paper key={e.id} withBorder p="sm" data-testid="call-entry">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Text fw={600} size="sm">
                    {e.position}. {e.contactName}
                    {e.title ? ` · ${e.title}` : ''}
                  </Text>
                  <Anchor component={Link} to={`/accounts/${e.accountId}`} size="xs">
                    {e.accountName}
                  </Anchor>
                  {e.doNotCall ? (
                    <Badge color="red" variant="light" w="fit-content">
                      {t('telemarketing.doNotCall')}
                    </Badge>
                  ) : null}
                  <Text size="sm">
                    {e.phone && !e.doNotCall ? <Anchor href={`tel:${e.phone}`}>{e.phone}</Anchor> : (e.phone ?? t('telemarketing.noPhone'))}
                    {e.whatsapp && e.whatsapp !== e.phone ? ` · WA ${e.whatsapp}` : ''}
                  </Text>
                  {persona ? (
                    <Text size="xs" c="dimmed" fs="italic">
                      {t('telemarketing.say')}: {localized(persona, i18n.language)}
                    </Text>
                  ) : null}
                </Stack>
                {e.outcome ? (
                  <Badge color={outcomeColor[e.outcome]} variant="light">
                    {t(`telemarketing.outcome.${e.outcome}`)}
                  </Badge>
                ) : null}
              </Group>
              {e.note ? (
                <Text size="xs" mt={4}>
                  {e.note}
                </Text>
              ) : null}
              {mayRecord ? (
                <Stack gap={6} mt="xs">
                  <TextInput
                    size="xs"
                    label={t('telemarketing.note')}
                    value={notes[e.id] ?? ''}
                    onChange={(ev) => setNotes({ ...notes, [e.id]: ev.currentTarget.value })}
                    maxLength={2000}
                  />
                  <Group gap={6} role="group" aria-label={t('telemarketing.outcomeFor', { name: e.contactName })}>
                    {callOutcomes.map((o) => (
                      <Button
                        key={o}
                        size="compact-xs"
                        variant={e.outcome === o ? 'filled' : 'light'}
                        color={outcomeColor[o]}
                        loading={record.isPending && record.variables?.entry.id === e.id && record.variables.outcome === o}
                        onClick={() => record.mutate({ entry: e, outcome: o })}
                      >
                        {t(`telemarketing.outcome.${o}`)}
                      </Button>
                    ))}
                  </Group>
                </Stack>
              ) : null}
            </Paper>
          );
        })}
      </Stack>
      {entries.hasNextPage ? (
        <Button variant="subtle" mt="sm" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
          {t('telemarketing.more')}
        </Button>
      ) : null}
    </Paper>
  );
}

function ScriptPanel({ script }: { script: Positioning }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="call-script">
      <Title order={2} size="h4" id="call-script" mb="sm">
        {t('telemarketing.script')}
      </Title>
      <Stack gap="sm">
        {script.pillars.map((p) => (
          <Stack key={p.pillar} gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {t(`telemarketing.pillar.${p.pillar}`)}
            </Text>
            <Text size="sm">{localized(p, i18n.language)}</Text>
          </Stack>
        ))}
        {script.messages.map((m) => (
          <Stack key={m.id} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`techProficiency.${m.proficiency}`)}
              {m.division ? ` · ${t(`division.${m.division}`)}` : ''}
            </Text>
            <Text size="sm">{localized(m, i18n.language)}</Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
