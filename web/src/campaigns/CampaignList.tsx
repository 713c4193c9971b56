import { Alert, Anchor, Badge, Button, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignChannels, campaignTypes, type CampaignChannel, type CampaignType } from '../../../src/domain/campaigns';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { formatDate, formatMoney } from '../format/format';
import { useSolutions } from '../lists/lookups';
import { Link, navigate } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { budgetToMinor } from './campaignModel';
import { campaignsApi, type Campaign } from './campaignsApi';
import { canManageCampaigns } from './permissions';

export const statusColor: Record<Campaign['status'], string> = { draft: 'gray', launched: 'green', closed: 'dark' };

/** Every campaign, newest first, and the form for a new one. */
export default function CampaignList({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const campaigns = useQuery({ queryKey: ['campaigns', 'list'], queryFn: () => campaignsApi.list() });
  const mayManage = canManageCampaigns(me);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('campaigns.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.intro')}
          </Text>
        </Stack>
        {mayManage ? <Button onClick={() => setCreating(true)}>{t('campaigns.new')}</Button> : null}
      </Group>
      <Paper withBorder p="md">
        {campaigns.isPending ? <Loading /> : null}
        {campaigns.error ? <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : null}
        {campaigns.data && campaigns.data.items.length === 0 ? <Empty title={t('campaigns.empty')} hint={mayManage ? t('campaigns.emptyHint') : t('campaigns.emptyReadOnly')} /> : null}
        {campaigns.data && campaigns.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.name')}</Table.Th>
                  <Table.Th>{t('campaigns.typeLabel')}</Table.Th>
                  <Table.Th>{t('campaigns.statusLabel')}</Table.Th>
                  <Table.Th>{t('campaigns.solution')}</Table.Th>
                  <Table.Th>{t('campaigns.dates')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.audience')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.responsesCount')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.budget')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {campaigns.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/campaigns/${c.id}`} size="sm">
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`campaigns.type.${c.type}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColor[c.status]}>
                        {t(`campaigns.status.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.solutionName ?? '—'}</Table.Td>
                    <Table.Td>
                      {c.startsOn ? formatDate(c.startsOn, i18n.language) : '—'}
                      {c.endsOn && c.endsOn !== c.startsOn ? ` – ${formatDate(c.endsOn, i18n.language)}` : ''}
                    </Table.Td>
                    <Table.Td ta="right">{c.status === 'draft' ? '—' : c.audienceContacts}</Table.Td>
                    <Table.Td ta="right">{c.responseCount}</Table.Td>
                    <Table.Td ta="right">{formatMoney(c.budgetMinor, c.currency, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      {creating ? <CampaignForm onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

/** The form for a new draft campaign, or for changing one (`campaign`); the audience is fixed only when it is launched. */
export function CampaignForm({ onClose, campaign }: { onClose: () => void; campaign?: Campaign }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { solutions } = useSolutions();
  const segments = useQuery({ queryKey: ['segments', 'list'], queryFn: () => campaignsApi.segments() });
  const [name, setName] = useState(campaign?.name ?? '');
  const [type, setType] = useState<CampaignType>(campaign?.type ?? 'webinar');
  const [channels, setChannels] = useState<CampaignChannel[]>(campaign?.channels ?? []);
  const [solutionId, setSolutionId] = useState<string | null>(campaign?.solutionId ?? null);
  const [segmentId, setSegmentId] = useState<string | null>(campaign?.segmentId ?? null);
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [budget, setBudget] = useState(campaign ? String(Math.round(campaign.budgetMinor / 100)) : '');
  const [description, setDescription] = useState(campaign?.description ?? '');
  const locked = campaign !== undefined && campaign.status !== 'draft';
  const budgetMinor = budgetToMinor(budget);

  const create = useMutation({
    mutationFn: () => {
      const values = {
        name: name.trim(),
        description: description.trim() || null,
        type,
        channels,
        solutionId,
        segmentId,
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        budgetMinor: budgetMinor ?? 0,
      };
      if (!campaign) return campaignsApi.create(values);
      const { segmentId: _segment, ...rest } = values;
      return campaignsApi.update(campaign.id, { ...(locked ? rest : values), version: campaign.version });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
      void client.invalidateQueries({ queryKey: ['campaign', saved.id] });
      onClose();
      if (!campaign) navigate(`/campaigns/${saved.id}`);
    },
  });
  const issues = create.error instanceof ApiError ? (create.error.details.issues ?? []) : [];
  const issueOf = (field: string) => issues.find((i) => i.field === `body.${field}`)?.reason;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && budgetMinor !== null) create.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={campaign ? t('campaigns.editTitle') : t('campaigns.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('campaigns.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus error={issueOf('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('campaigns.typeLabel')}
              data={campaignTypes.map((v) => ({ value: v, label: t(`campaigns.type.${v}`) }))}
              value={type}
              onChange={(v) => v && setType(v as CampaignType)}
              allowDeselect={false}
            />
            <MultiSelect
              label={t('campaigns.channels')}
              data={campaignChannels.map((v) => ({ value: v, label: t(`campaigns.channel.${v}`) }))}
              value={channels}
              onChange={(v) => setChannels(v as CampaignChannel[])}
              error={issueOf('channels')}
            />
            <Select
              label={t('campaigns.solution')}
              description={t('campaigns.solutionHint')}
              data={solutions.map((s) => ({ value: s.id, label: s.name }))}
              value={solutionId}
              onChange={setSolutionId}
              clearable
              searchable
              error={issueOf('solutionId')}
            />
            <Select
              label={t('campaigns.segment')}
              description={t('campaigns.segmentHint')}
              data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={segmentId}
              onChange={setSegmentId}
              clearable
              searchable
              disabled={locked}
              error={issueOf('segmentId')}
            />
            <TextInput type="date" label={t('campaigns.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={issueOf('startsOn')} />
            <TextInput type="date" label={t('campaigns.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={issueOf('endsOn')} />
            <TextInput
              label={t('campaigns.budgetIdr')}
              inputMode="numeric"
              value={budget}
              onChange={(e) => setBudget(e.currentTarget.value)}
              error={budgetMinor === null ? t('campaigns.budgetInvalid') : issueOf('budgetMinor')}
            />
          </SimpleGrid>
          <Textarea label={t('campaigns.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
          {create.error && issues.length === 0 ? (
            <Alert color="red" role="alert">
              {create.error instanceof ApiError ? create.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || budgetMinor === null}>
              {campaign ? t('common.save') : t('campaigns.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
