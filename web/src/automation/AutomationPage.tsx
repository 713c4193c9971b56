import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { User } from '../api/types';
import { actorOf, canManageWorkspace } from '../auth/permissions';
import { formatDate, formatDateTime } from '../format/format';
import { Link } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { can } from '../../../src/domain/policy';
import { runOutcomes } from '../../../src/shared/schemas/automation';
import { automationApi, type AutomationRule, type AutomationRun, type Holiday } from './automationApi';
import { draftFromRule, emptyDraft, normaliseHolidays, outcomeColor, statusColor, type RuleDraft } from './automationModel';
import { RuleEditor, ruleSummary } from './RuleEditor';

/** Automation: rules (marcomm, product specialists, admins write them), the run log, and the holidays due dates skip. */
export default function AutomationPage({ me }: { me: User }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string>('rules');
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('automation.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('automation.intro')}
      </Text>
      <Tabs value={tab} onChange={(v) => setTab(v ?? 'rules')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rules">{t('automation.rulesTab')}</Tabs.Tab>
          <Tabs.Tab value="runs">{t('automation.runsTab')}</Tabs.Tab>
          <Tabs.Tab value="holidays">{t('automation.holidaysTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md">
          <Rules me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="runs" pt="md">
          <RunLog me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="holidays" pt="md">
          <Holidays me={me} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function canWriteRules(me: User): boolean {
  return can(actorOf(me), 'write', { type: 'automation_rule' });
}

function Rules({ me }: { me: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['automationRules'], queryFn: automationApi.rules });
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const writable = canWriteRules(me);
  const toggle = useMutation({
    mutationFn: (rule: AutomationRule) => automationApi.updateRule(rule.id, { enabled: !rule.enabled, version: rule.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['automationRules'] }),
  });
  const remove = useMutation({
    mutationFn: (rule: AutomationRule) => automationApi.removeRule(rule.id, rule.version),
    onSuccess: async () => {
      setDeleting(null);
      await client.invalidateQueries({ queryKey: ['automationRules'] });
    },
  });

  if (editing) {
    return (
      <RuleEditor
        initial={editing}
        onDone={() => {
          setEditing(null);
          void client.invalidateQueries({ queryKey: ['automationRules'] });
        }}
      />
    );
  }
  if (rules.isPending) return <Loading />;
  if (rules.error) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <Stack gap="sm">
      {writable ? (
        <Group>
          <Button onClick={() => setEditing(emptyDraft())}>{t('automation.newRule')}</Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('automation.readOnly')}
        </Text>
      )}
      {toggle.error ? (
        <Alert color="red" role="alert">
          {toggle.error instanceof ApiError ? toggle.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      {rules.data.items.length === 0 ? <Empty title={t('automation.noRules')} hint={t('automation.noRulesHint')} /> : null}
      {rules.data.items.map((rule) => (
        <Paper key={rule.id} withBorder p="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
              <Group gap="xs">
                <Text fw={600}>{rule.name}</Text>
                {rule.isDefault ? (
                  <Badge size="xs" variant="light">
                    {t('automation.default')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm">{ruleSummary(rule, t)}</Text>
              {rule.description ? (
                <Text size="xs" c="dimmed">
                  {rule.description}
                </Text>
              ) : null}
            </Stack>
            <Group gap="sm">
              <Switch
                checked={rule.enabled}
                disabled={!writable || toggle.isPending}
                onChange={() => toggle.mutate(rule)}
                label={rule.enabled ? t('automation.enabled') : t('automation.disabled')}
                aria-label={t('automation.toggle', { name: rule.name })}
              />
              {writable ? (
                <>
                  <Button size="xs" variant="light" onClick={() => setEditing(draftFromRule(rule))}>
                    {t('automation.edit')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(rule)}>
                    {t('automation.delete')}
                  </Button>
                </>
              ) : null}
            </Group>
          </Group>
        </Paper>
      ))}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('automation.deleteTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('automation.deleteConfirm', { name: deleting?.name ?? '' })}</Text>
          {remove.error ? (
            <Alert color="red" role="alert">
              {remove.error instanceof ApiError ? remove.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('automation.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
              {t('automation.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function RunLog({ me }: { me: User }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const runs = useInfiniteQuery({
    queryKey: ['automationRuns', outcome],
    queryFn: ({ pageParam }) => automationApi.runs({ cursor: pageParam, outcome: outcome || undefined }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (jobId: string) => automationApi.retryJob(jobId),
    onSettled: () => client.invalidateQueries({ queryKey: ['automationRuns'] }),
  });
  const items: AutomationRun[] = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const writable = canWriteRules(me);

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <NativeSelect
          label={t('automation.filterOutcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          data={[{ value: '', label: t('automation.allOutcomes') }, ...runOutcomes.map((o) => ({ value: o, label: t(`automation.outcome.${o}`) }))]}
        />
      </Group>
      {retry.error ? (
        <Alert color="red" role="alert">
          {retry.error instanceof ApiError ? retry.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      {retry.isSuccess ? (
        <Text size="sm" c="teal.8" role="status">
          {t('automation.retried')}
        </Text>
      ) : null}
      {runs.isPending ? <Loading /> : null}
      {runs.error ? <ErrorState error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      {runs.data && items.length === 0 ? <Empty title={t('automation.noRuns')} hint={t('automation.noRunsHint')} /> : null}
      {items.length > 0 ? (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automation.at')}</Table.Th>
              <Table.Th>{t('automation.rule')}</Table.Th>
              <Table.Th>{t('automation.subject')}</Table.Th>
              <Table.Th>{t('automation.attempt')}</Table.Th>
              <Table.Th>{t('automation.result')}</Table.Th>
              <Table.Th>{t('automation.jobStatus')}</Table.Th>
              <Table.Th>{t('automation.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>{formatDateTime(run.at, i18n.language)}</Table.Td>
                <Table.Td>{run.job.ruleName}</Table.Td>
                <Table.Td>
                  {run.job.journeyId ? <Link to={`/journeys/${run.job.journeyId}`}>{run.job.accountName ?? t('automation.journey')}</Link> : (run.job.accountName ?? '—')}
                </Table.Td>
                <Table.Td>{run.attempt}</Table.Td>
                <Table.Td>
                  <Badge color={outcomeColor[run.outcome]} variant="light">
                    {t(`automation.outcome.${run.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge color={statusColor[run.job.status]} variant="outline">
                      {t(`automation.status.${run.job.status}`)}
                    </Badge>
                    {run.job.status === 'dead' && writable ? (
                      <Button size="compact-xs" variant="light" loading={retry.isPending && retry.variables === run.job.id} onClick={() => retry.mutate(run.job.id)}>
                        {t('automation.retry')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ wordBreak: 'break-word' }}>
                    {run.message ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {runs.hasNextPage ? (
        <Button variant="default" loading={runs.isFetchingNextPage} onClick={() => void runs.fetchNextPage()}>
          {t('automation.more')}
        </Button>
      ) : null}
    </Stack>
  );
}

function Holidays({ me }: { me: User }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const holidays = useQuery({ queryKey: ['holidays'], queryFn: () => automationApi.holidays() });
  const [draft, setDraft] = useState<Holiday[] | null>(null);
  const [newDate, setNewDate] = useState('');
  const [newName, setNewName] = useState('');
  const admin = canManageWorkspace(me);
  const save = useMutation({
    mutationFn: (items: Holiday[]) => automationApi.saveHolidays(items),
    onSuccess: async () => {
      setDraft(null);
      await client.invalidateQueries({ queryKey: ['holidays'] });
    },
  });
  if (holidays.isPending) return <Loading />;
  if (holidays.error) return <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />;
  const list = draft ?? holidays.data.items;
  const validNew = /^\d{4}-\d{2}-\d{2}$/.test(newDate) && newName.trim() !== '';

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('automation.holidaysIntro')}
      </Text>
      {!admin ? (
        <Text size="sm" c="dimmed">
          {t('automation.holidaysAdminOnly')}
        </Text>
      ) : null}
      {save.error ? (
        <Alert color="red" role="alert">
          {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
        </Alert>
      ) : null}
      {list.length === 0 ? <Empty title={t('automation.noHolidays')} /> : null}
      {list.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automation.date')}</Table.Th>
              <Table.Th>{t('automation.holidayName')}</Table.Th>
              {admin ? <Table.Th aria-label={t('automation.actions')} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((h) => (
              <Table.Tr key={h.date}>
                <Table.Td>{formatDate(h.date, i18n.language)}</Table.Td>
                <Table.Td>{h.name}</Table.Td>
                {admin ? (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={t('automation.removeHoliday', { name: h.name })} onClick={() => setDraft(list.filter((x) => x.date !== h.date))}>
                      {t('automation.remove')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {admin ? (
        <Paper withBorder p="sm">
          <Group align="flex-end" wrap="wrap">
            <TextInput type="date" label={t('automation.date')} value={newDate} onChange={(e) => setNewDate(e.currentTarget.value)} />
            <TextInput label={t('automation.holidayName')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <Button
              variant="light"
              disabled={!validNew}
              onClick={() => {
                setDraft(normaliseHolidays([...list, { date: newDate, name: newName }]));
                setNewDate('');
                setNewName('');
              }}
            >
              {t('automation.addHoliday')}
            </Button>
          </Group>
          <Group mt="sm">
            <Button disabled={draft === null} loading={save.isPending} onClick={() => draft && save.mutate(draft)}>
              {t('automation.saveHolidays')}
            </Button>
            {draft !== null ? (
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('automation.cancel')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}
