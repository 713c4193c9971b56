import { Alert, Anchor, Badge, Button, Group, Modal, MultiSelect, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { campaignsApi, telemarketingApi } from '../campaigns/campaignsApi';
import { canManageCampaigns } from '../campaigns/permissions';
import { formatDateTime } from '../format/format';
import { useSolutions, useUsers } from '../lists/lookups';
import { Link, navigate } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';

/** Call lists: every list for campaign managers, the lists with your calls for everyone else. */
export default function CallLists({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const mayManage = canManageCampaigns(me);
  const [mine, setMine] = useState(!mayManage);
  const [creating, setCreating] = useState(false);
  const lists = useQuery({ queryKey: ['callLists', mine], queryFn: () => telemarketingApi.lists(mine) });
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('telemarketing.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('telemarketing.intro')}
          </Text>
        </Stack>
        <Group>
          <Switch label={t('telemarketing.onlyMine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
          {mayManage ? <Button onClick={() => setCreating(true)}>{t('telemarketing.new')}</Button> : null}
        </Group>
      </Group>
      <Paper withBorder p="md">
        {lists.isPending ? <Loading /> : null}
        {lists.error ? <ErrorState error={lists.error} onRetry={() => void lists.refetch()} /> : null}
        {lists.data && lists.data.items.length === 0 ? <Empty title={mine ? t('telemarketing.emptyMine') : t('telemarketing.empty')} hint={mayManage ? t('telemarketing.emptyHint') : undefined} /> : null}
        {lists.data && lists.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('telemarketing.name')}</Table.Th>
                  <Table.Th>{t('telemarketing.segment')}</Table.Th>
                  <Table.Th>{t('telemarketing.solution')}</Table.Th>
                  <Table.Th>{t('telemarketing.progress')}</Table.Th>
                  <Table.Th>{t('telemarketing.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lists.data.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/telemarketing/${l.id}`} size="sm">
                        {l.name}
                      </Anchor>{' '}
                      {l.status === 'closed' ? (
                        <Badge size="xs" color="gray">
                          {t('telemarketing.status.closed')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{l.segmentName ?? '—'}</Table.Td>
                    <Table.Td>{l.solutionName ?? '—'}</Table.Td>
                    <Table.Td miw={160}>
                      <Text size="xs">{t('telemarketing.calledOf', { called: l.called, total: l.total })}</Text>
                      <Progress value={l.total > 0 ? (l.called / l.total) * 100 : 0} size="sm" aria-label={t('telemarketing.calledOf', { called: l.called, total: l.total })} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(l.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      {creating ? <CallListForm onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

function CallListForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { users } = useUsers();
  const { solutions } = useSolutions();
  const segments = useQuery({ queryKey: ['segments', 'list'], queryFn: () => campaignsApi.segments() });
  const campaigns = useQuery({ queryKey: ['campaigns', 'list'], queryFn: () => campaignsApi.list() });
  const [name, setName] = useState('');
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [solutionId, setSolutionId] = useState<string | null>(null);
  const [callerIds, setCallerIds] = useState<string[]>([]);
  const [byShares, setByShares] = useState(false);
  const [shares, setShares] = useState<Record<string, number>>({});
  const nameOf = new Map(users.map((u) => [u.id, u.name]));

  const create = useMutation({
    mutationFn: () =>
      telemarketingApi.create({
        name: name.trim(),
        segmentId: segmentId ?? '',
        campaignId,
        solutionId,
        callerIds,
        ...(byShares ? { shares: callerIds.map((id) => shares[id] ?? 1) } : {}),
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['callLists'] });
      onClose();
      navigate(`/telemarketing/${created.id}`);
    },
  });
  const issues = create.error instanceof ApiError ? (create.error.details.issues ?? []) : [];
  const issueOf = (field: string) => issues.find((i) => i.field === `body.${field}` || i.field.startsWith(`body.${field}.`))?.reason;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && segmentId && callerIds.length > 0) create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('telemarketing.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('telemarketing.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('telemarketing.segment')}
              data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={segmentId}
              onChange={setSegmentId}
              searchable
              required
              error={issueOf('segmentId')}
            />
            <Select
              label={t('telemarketing.campaign')}
              data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={campaignId}
              onChange={setCampaignId}
              clearable
              searchable
              error={issueOf('campaignId')}
            />
            <Select
              label={t('telemarketing.solution')}
              description={t('telemarketing.solutionHint')}
              data={solutions.map((s) => ({ value: s.id, label: s.name }))}
              value={solutionId}
              onChange={setSolutionId}
              clearable
              searchable
              error={issueOf('solutionId')}
            />
            <MultiSelect
              label={t('telemarketing.callers')}
              data={users.filter((u) => u.role !== 'viewer' && u.active).map((u) => ({ value: u.id, label: u.name }))}
              value={callerIds}
              onChange={setCallerIds}
              searchable
              required
              error={issueOf('callerIds')}
            />
          </SimpleGrid>
          <Switch label={t('telemarketing.byShares')} description={t('telemarketing.bySharesHint')} checked={byShares} onChange={(e) => setByShares(e.currentTarget.checked)} />
          {byShares
            ? callerIds.map((id) => (
                <NumberInput
                  key={id}
                  label={t('telemarketing.shareOf', { name: nameOf.get(id) ?? id })}
                  min={1}
                  max={1000}
                  value={shares[id] ?? 1}
                  onChange={(v) => setShares({ ...shares, [id]: typeof v === 'number' ? v : 1 })}
                />
              ))
            : null}
          {create.error && issues.length === 0 ? (
            <Alert color="red" role="alert">
              {create.error instanceof ApiError ? create.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !segmentId || callerIds.length === 0}>
              {t('telemarketing.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
