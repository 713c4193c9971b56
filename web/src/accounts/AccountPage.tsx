import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { industries, regions, relationships, sizeBands, stages, tiers } from '../../../src/shared/vocabulary';
import { api, ApiError } from '../api/client';
import type { Account, Contact, Me } from '../api/types';
import { canLogActivity, canWriteAccount, canWriteTask } from '../auth/permissions';
import { whatsAppLink } from '../contacts/whatsapp';
import { ContactChannels } from '../channels/ContactChannels';
import { formatDateTime, formatMoney } from '../format/format';
import { useSolutions, useTeams, useUsers } from '../lists/lookups';
import { ActivityItems } from '../myday/MyDay';
import { useQuickLog } from '../quicklog/QuickLogProvider';
import { Link } from '../router';
import { CompleteTaskButton } from '../tasks/CompleteTaskButton';
import { Empty, ErrorState, Loading } from '../ui/States';
import { editFromAccount, solutionMatrix, validateAccountEdit, type AccountEdit, type AdoptionStatus } from './accountModel';
import classes from './Account.module.css';
import { AssessmentPanels } from './AssessmentPanels';
import { Recommendations } from './Recommendations';

const statusColor: Record<AdoptionStatus, string> = { none: 'gray', knows: 'blue', evaluates: 'violet', uses: 'teal', rejected: 'red', discontinued: 'orange' };

/** Account 360: the profile and its segment, who we know there, which solutions it knows and uses, what happened and what is due. */
export default function AccountPage({ id, me }: { id: string; me: Me['user'] }) {
  const { t } = useTranslation();
  const quickLog = useQuickLog();
  const overview = useQuery({ queryKey: ['account', id, 'overview'], queryFn: () => api.accountOverview(id) });
  const { byId: users } = useUsers();
  const { byId: teams } = useTeams();

  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const { account, contacts, journeys } = overview.data;
  const owner = account.ownerId ? users.get(account.ownerId) : undefined;

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/accounts" size="sm">
        ← {t('account.backToAccounts')}
      </Anchor>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {account.name}
            </Title>
            <Group gap={6}>
              <Badge variant="light">{t(`tier.${account.tier}`)}</Badge>
              <Badge variant="outline">{t(`industry.${account.industry}`)}</Badge>
              <Badge variant="outline" color="gray">
                {account.city}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('fields.owner')}: {owner?.name ?? t('pipeline.noOwner')}
              {account.teamId ? ` · ${teams.get(account.teamId)?.name ?? ''}` : ''}
            </Text>
          </Stack>
          {canLogActivity(me) ? <Button onClick={() => quickLog.open({ id: account.id, name: account.name })}>{t('quickLog.open')}</Button> : null}
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Profile account={account} me={me} onReload={() => void overview.refetch()} />
        <Contacts contacts={contacts.items} more={!!contacts.nextCursor} />
      </SimpleGrid>
      <Matrix account={account} journeys={journeys.items} />
      <Recommendations account={account} me={me} />
      <AssessmentPanels accountId={account.id} me={me} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Timeline accountId={account.id} me={me} />
        <OpenTasks accountId={account.id} me={me} />
      </SimpleGrid>
    </Stack>
  );
}

function Card({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const headingId = `card-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Profile({ account, me, onReload }: { account: Account; me: Me['user']; onReload(): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = canWriteAccount(me, account);
  return (
    <Card
      title={t('account.profile')}
      action={
        mayEdit && !editing ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('account.edit')}
          </Button>
        ) : null
      }
    >
      {saved ? (
        <Text size="sm" c="teal.9" role="status" mb="xs">
          {t('journey.saved')}
        </Text>
      ) : null}
      {editing ? (
        <ProfileForm
          account={account}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onReload={onReload}
        />
      ) : (
        <ProfileDetails account={account} />
      )}
    </Card>
  );
}

function ProfileDetails({ account }: { account: Account }) {
  const { t } = useTranslation();
  const groups: { title: string; rows: [string, ReactNode][] }[] = [
    {
      title: t('account.demographic'),
      rows: [
        [t('fields.industry'), t(`industry.${account.industry}`)],
        [t('fields.sizeBand'), t('account.employees', { band: account.sizeBand })],
        [t('fields.tier'), t(`tier.${account.tier}`)],
      ],
    },
    {
      title: t('account.geographic'),
      rows: [
        [t('fields.city'), account.city],
        [t('fields.province'), account.province],
        [t('fields.region'), t(`region.${account.region}`)],
      ],
    },
    { title: t('account.behavioural'), rows: [[t('fields.relationship'), t(`relationship.${account.relationship}`)]] },
    {
      title: t('account.reach'),
      rows: [
        [
          t('fields.website'),
          account.website ? (
            <Anchor href={account.website} target="_blank" rel="noopener noreferrer" size="sm">
              {account.website}
            </Anchor>
          ) : (
            '—'
          ),
        ],
        [t('fields.phone'), account.phone ?? '—'],
      ],
    },
  ];
  return (
    <Stack gap={4}>
      {groups.map((group) => (
        <div key={group.title}>
          <Text component="h3" className={classes.groupTitle}>
            {group.title}
          </Text>
          <dl className={classes.details}>
            {group.rows.map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Stack>
  );
}

function ProfileForm({ account, onCancel, onSaved, onReload }: { account: Account; onCancel(): void; onSaved(): void; onReload(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [input, setInput] = useState<AccountEdit>(() => editFromAccount(account));
  const [errors, setErrors] = useState<Partial<Record<keyof AccountEdit, string>>>({});
  const save = useMutation({
    mutationFn: (patch: Parameters<typeof api.updateAccount>[1]) => api.updateAccount(account.id, patch),
    onSuccess: async () => {
      onSaved();
      await client.invalidateQueries({ queryKey: ['account', account.id] });
      await client.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const set = <K extends keyof AccountEdit>(key: K, value: AccountEdit[K]) => setInput((old) => ({ ...old, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateAccountEdit(input, account);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (Object.keys(result.patch).length === 0) {
      onCancel();
      return;
    }
    save.mutate({ ...result.patch, version: account.version });
  }

  const err = (key: keyof AccountEdit) => (errors[key] ? t(errors[key] ?? '') : undefined);
  const options = (values: readonly string[], family: 'industry' | 'tier' | 'region' | 'relationship') => values.map((v) => ({ value: v, label: t(`${family}.${v}`) }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.profile')}>
      <Stack gap="xs">
        {conflict ? (
          <Alert color="orange" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('account.conflict')}</Text>
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={() => {
                  save.reset();
                  onCancel();
                  onReload();
                }}
              >
                {t('journey.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : save.error ? (
          <Alert color="red" role="alert">
            {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
          </Alert>
        ) : null}
        <TextInput label={t('fields.accountName')} required value={input.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <NativeSelect label={t('fields.industry')} value={input.industry} onChange={(e) => set('industry', e.currentTarget.value as AccountEdit['industry'])} data={options(industries, 'industry')} />
          <NativeSelect label={t('fields.sizeBand')} value={input.sizeBand} onChange={(e) => set('sizeBand', e.currentTarget.value as AccountEdit['sizeBand'])} data={[...sizeBands]} />
          <NativeSelect label={t('fields.tier')} value={input.tier} onChange={(e) => set('tier', e.currentTarget.value as AccountEdit['tier'])} data={options(tiers, 'tier')} />
          <NativeSelect label={t('fields.relationship')} value={input.relationship} onChange={(e) => set('relationship', e.currentTarget.value as AccountEdit['relationship'])} data={options(relationships, 'relationship')} />
          <TextInput label={t('fields.city')} required value={input.city} onChange={(e) => set('city', e.currentTarget.value)} error={err('city')} />
          <TextInput label={t('fields.province')} required value={input.province} onChange={(e) => set('province', e.currentTarget.value)} error={err('province')} />
          <NativeSelect label={t('fields.region')} value={input.region} onChange={(e) => set('region', e.currentTarget.value as AccountEdit['region'])} data={options(regions, 'region')} />
          <TextInput label={t('fields.phone')} type="tel" value={input.phone} onChange={(e) => set('phone', e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput label={t('fields.website')} type="url" placeholder="https://" value={input.website} onChange={(e) => set('website', e.currentTarget.value)} error={err('website')} />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Contacts({ contacts, more }: { contacts: Contact[]; more: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('account.contacts')}
      action={
        more ? (
          <Anchor component={Link} to="/contacts" size="sm">
            {t('account.allContacts')}
          </Anchor>
        ) : null
      }
    >
      {contacts.length === 0 ? <Empty title={t('account.noContacts')} hint={t('account.noContactsHint')} /> : null}
      <ul className={classes.contacts} aria-label={t('account.contacts')}>
        {contacts.map((c) => {
          const wa = whatsAppLink(c.whatsapp, undefined, c.consents);
          return (
            <li key={c.id} className={classes.contact}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div>
                  <Text size="sm" fw={600}>
                    {c.fullName}
                  </Text>
                  {c.title ? (
                    <Text size="xs" c="dimmed">
                      {c.title}
                    </Text>
                  ) : null}
                </div>
                <Group gap={8}>
                  {c.email ? (
                    <Anchor href={`mailto:${c.email}`} size="xs">
                      {t('fields.email')}
                    </Anchor>
                  ) : null}
                  {wa ? (
                    <Anchor href={wa} target="_blank" rel="noopener noreferrer" size="xs" aria-label={t('contacts.chatOnWhatsApp', { name: c.fullName })}>
                      WhatsApp
                    </Anchor>
                  ) : null}
                </Group>
              </Group>
              <Group gap={4} mt={4} aria-label={t('account.persona', { name: c.fullName })} role="group">
                <Badge size="sm" variant="light" color="indigo">
                  {t(`division.${c.division}`)}
                </Badge>
                <Badge size="sm" variant="light" color="grape">
                  {t(`seniority.${c.seniority}`)}
                </Badge>
                <Badge size="sm" variant="light" color={c.techProficiency === 'advanced' ? 'teal' : 'yellow'}>
                  {t(`techProficiency.${c.techProficiency}`)}
                </Badge>
                <Badge size="sm" variant="outline" color={c.influence === 'decision_maker' ? 'red' : 'gray'}>
                  {t(`influence.${c.influence}`)}
                </Badge>
              </Group>
              <ContactChannels contact={c} />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Matrix({ account, journeys }: { account: Account; journeys: Parameters<typeof solutionMatrix>[0] }) {
  const { t, i18n } = useTranslation();
  const { solutions, query } = useSolutions();
  const rows = useMemo(() => solutionMatrix(journeys, solutions), [journeys, solutions]);
  return (
    <Card title={t('account.matrix')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('account.matrixHint', { account: account.name })}
      </Text>
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {rows.length === 0 ? <Empty title={t('account.noSolutions')} /> : null}
      {rows.length > 0 ? (
        <div className={classes.tableWrap}>
          <Table className={classes.matrix} miw={820} aria-label={t('account.matrix')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.solution')}</Table.Th>
                {stages.map((s) => (
                  <Table.Th key={s} scope="col" ta="center">
                    {t(`stage.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('account.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fields.value')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const reached = row.journey ? stages.indexOf(row.journey.stage) : -1;
                return (
                  <Table.Tr key={row.solutionId}>
                    <Table.Th scope="row" fw={500}>
                      {row.journey ? (
                        <Anchor component={Link} to={`/journeys/${row.journey.id}`} size="sm">
                          {row.solutionName}
                        </Anchor>
                      ) : (
                        <Text size="sm">{row.solutionName}</Text>
                      )}
                    </Table.Th>
                    {stages.map((s, index) => (
                      <Table.Td key={s} className={classes.stageCell}>
                        {row.cells[s] ? (
                          <>
                            <span className={classes.dot} style={{ background: `var(--mantine-color-${statusColor[row.status]}-7)` }} aria-hidden />
                            <VisuallyHidden>{t('account.here')}</VisuallyHidden>
                          </>
                        ) : index < reached ? (
                          <span className={classes.passed} aria-hidden />
                        ) : null}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Badge variant={row.status === 'none' ? 'outline' : 'light'} color={statusColor[row.status]}>
                        {t(`adoptionStatus.${row.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{row.journey ? formatMoney(row.journey.valueMinor, row.journey.currency, i18n.language) : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Card>
  );
}

function Timeline({ accountId, me }: { accountId: string; me: Me['user'] }) {
  const { t } = useTranslation();
  const activities = useInfiniteQuery({
    queryKey: ['account', accountId, 'activities'],
    queryFn: ({ pageParam }) => api.activities({ accountId, sort: '-occurredAt', limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = activities.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('account.timeline')}>
      {activities.isPending ? <Loading /> : null}
      {activities.error ? <ErrorState error={activities.error} onRetry={() => void activities.refetch()} /> : null}
      {activities.isSuccess && items.length === 0 ? <Empty title={t('account.noActivities')} hint={t('account.noActivitiesHint')} /> : null}
      <ActivityItems items={items} me={me} label={t('account.timeline')} showAuthor />
      {activities.hasNextPage ? (
        <Button variant="light" size="xs" mt="sm" loading={activities.isFetchingNextPage} onClick={() => void activities.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Card>
  );
}

function OpenTasks({ accountId, me }: { accountId: string; me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const { byId: users } = useUsers();
  const tasks = useQuery({ queryKey: ['tasks', 'account', accountId], queryFn: () => api.tasks({ relatedType: 'account', relatedId: accountId, status: 'open', sort: 'dueAt', limit: 50 }) });
  return (
    <Card title={t('account.openTasks')}>
      {tasks.isPending ? <Loading /> : null}
      {tasks.error ? <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.isSuccess && tasks.data.items.length === 0 ? <Empty title={t('account.noTasks')} /> : null}
      <ul className={classes.contacts} aria-label={t('account.openTasks')}>
        {(tasks.data?.items ?? []).map((task) => (
          <li key={task.id} className={classes.contact}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {task.dueAt ? formatDateTime(task.dueAt, i18n.language, me.timeZone) : t('myDay.noDueDate')}
                  {task.assigneeId ? ` · ${users.get(task.assigneeId)?.name ?? ''}` : ''}
                </Text>
              </div>
              {canWriteTask(me, task) ? <CompleteTaskButton task={task} /> : null}
            </Group>
          </li>
        ))}
      </ul>
    </Card>
  );
}
