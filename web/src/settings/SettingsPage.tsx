import { Alert, Button, Group, NativeSelect, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../src/shared/vocabulary';
import { api, ApiError } from '../api/client';
import type { Locale, Me, Team, User } from '../api/types';
import { canManageWorkspace } from '../auth/permissions';
import { meKey } from '../auth/session';
import { serverFieldErrors } from '../auth/authModel';
import { applyLocale } from '../i18n';
import { useTeams, useUsers } from '../lists/lookups';
import { Empty, ErrorState, Loading } from '../ui/States';
import ChannelSettings from '../channels/ChannelSettings';
import { emptyNewUser, MIN_PASSWORD, timeZoneOptions, validateNewUser, validateTeamName, type NewUserInput } from './settingsModel';

function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.status === 409) return t('settings.conflict');
  return error instanceof ApiError ? error.message : t('common.networkError');
}

/** My language and time zone; for admins, the users and teams of the workspace. */
export default function SettingsPage({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const admin = canManageWorkspace(me);
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Title order={1} size="h3">
        {t('nav.settings')}
      </Title>
      <Profile me={me} />
      {admin ? (
        <>
          <Users me={me} />
          <Teams />
          <ChannelSettings />
        </>
      ) : null}
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Profile({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const zones = useMemo(() => timeZoneOptions(), []);
  const save = useMutation({
    mutationFn: () => api.updateMe({ locale, timeZone, version: me.version }),
    onSuccess: async (user) => {
      client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, user } : old));
      await applyLocale(user.locale);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) await client.invalidateQueries({ queryKey: meKey });
    },
  });
  return (
    <Section id="settings-profile" title={t('settings.profile')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        aria-label={t('settings.profile')}
      >
        <Stack gap="sm" maw={480}>
          {save.error ? (
            <Alert color="red" role="alert">
              {errorText(save.error, t)}
            </Alert>
          ) : null}
          {save.isSuccess ? (
            <Text size="sm" c="teal.9" role="status">
              {t('journey.saved')}
            </Text>
          ) : null}
          <NativeSelect
            label={t('shell.language')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value as Locale)}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Select
            label={t('settings.timeZone')}
            description={t('settings.timeZoneHint')}
            searchable
            value={timeZone}
            onChange={(z) => z && setTimeZone(z)}
            data={zones}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            limit={100}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function Users({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const { users, query } = useUsers();
  const { teams } = useTeams();
  return (
    <Section id="settings-users" title={t('settings.users')}>
      <NewUser teams={teams} />
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && users.length === 0 ? <Empty title={t('settings.noUsers')} /> : null}
      {users.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <Table miw={760} mt="md" aria-label={t('settings.users')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.name')}</Table.Th>
                <Table.Th scope="col">{t('fields.email')}</Table.Th>
                <Table.Th scope="col">{t('fields.role')}</Table.Th>
                <Table.Th scope="col">{t('fields.team')}</Table.Th>
                <Table.Th scope="col">{t('fields.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} teams={teams} self={u.id === me.id} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Section>
  );
}

function UserRow({ user, teams, self }: { user: User; teams: Team[]; self: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (patch: { role?: User['role']; teamId?: string | null; active?: boolean }) => api.updateUser(user.id, { ...patch, version: user.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={500}>
          {user.name}
        </Table.Th>
        <Table.Td>{user.email}</Table.Td>
        <Table.Td>
          <NativeSelect
            size="xs"
            aria-label={t('settings.roleOf', { name: user.name })}
            value={user.role}
            disabled={self || update.isPending}
            onChange={(e) => update.mutate({ role: e.currentTarget.value as User['role'] })}
            data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Table.Td>
        <Table.Td>
          <NativeSelect
            size="xs"
            aria-label={t('settings.teamOf', { name: user.name })}
            value={user.teamId ?? ''}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ teamId: e.currentTarget.value || null })}
            data={[{ value: '', label: t('settings.noTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          />
        </Table.Td>
        <Table.Td>
          <Switch
            aria-label={t('settings.activeOf', { name: user.name })}
            checked={user.active}
            disabled={self || update.isPending}
            onChange={(e) => update.mutate({ active: e.currentTarget.checked })}
          />
        </Table.Td>
      </Table.Tr>
      {update.error ? (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Text size="sm" c="red.8" role="alert">
              {errorText(update.error, t)}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function NewUser({ teams }: { teams: Team[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [input, setInput] = useState<NewUserInput>(emptyNewUser);
  const [errors, setErrors] = useState<Partial<Record<keyof NewUserInput, string>>>({});
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.createUser({ ...input, name: input.name.trim(), email: input.email.trim(), locale: i18n.language === 'en' ? 'en' : 'id' }),
    onSuccess: async (user) => {
      setCreated(user.name);
      setInput(emptyNewUser);
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error, ['name', 'email', 'password'] as const));
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const found = validateNewUser(input);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate();
  }
  const err = (key: keyof NewUserInput) => (errors[key] ? t(errors[key] ?? '', { min: MIN_PASSWORD }) : undefined);
  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.newUser')}>
      <Title order={3} size="h5" mb="xs">
        {t('settings.newUser')}
      </Title>
      <Stack gap="xs">
        {create.error ? (
          <Alert color="red" role="alert">
            {errorText(create.error, t)}
          </Alert>
        ) : null}
        {created ? (
          <Text size="sm" c="teal.9" role="status">
            {t('settings.userCreated', { name: created })}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          <TextInput label={t('fields.name')} required value={input.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} error={err('name')} />
          <TextInput label={t('fields.email')} type="email" required value={input.email} onChange={(e) => setInput({ ...input, email: e.currentTarget.value })} error={err('email')} />
          <PasswordInput
            label={t('settings.initialPassword')}
            required
            autoComplete="new-password"
            value={input.password}
            onChange={(e) => setInput({ ...input, password: e.currentTarget.value })}
            error={err('password')}
          />
          <NativeSelect label={t('fields.role')} value={input.role} onChange={(e) => setInput({ ...input, role: e.currentTarget.value as NewUserInput['role'] })} data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <NativeSelect
            label={t('fields.team')}
            value={input.teamId ?? ''}
            onChange={(e) => setInput({ ...input, teamId: e.currentTarget.value || null })}
            data={[{ value: '', label: t('settings.noTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('settings.createUser')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Teams() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { teams, query } = useTeams();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.createTeam({ name: name.trim() }),
    onSuccess: async () => {
      setName('');
      await client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
  return (
    <Section id="settings-teams" title={t('settings.teams')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const found = validateTeamName(name);
          setError(found);
          if (!found) create.mutate();
        }}
        noValidate
        aria-label={t('settings.newTeam')}
      >
        <Group align="flex-end" gap="xs">
          <TextInput label={t('settings.newTeam')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error ? t(error) : undefined} />
          <Button type="submit" loading={create.isPending}>
            {t('settings.createTeam')}
          </Button>
        </Group>
        {create.error ? (
          <Text size="sm" c="red.8" role="alert" mt="xs">
            {errorText(create.error, t)}
          </Text>
        ) : null}
      </form>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && teams.length === 0 ? <Empty title={t('settings.noTeams')} /> : null}
      <Stack gap="xs" mt="md">
        {teams.map((team) => (
          <TeamRow key={team.id} team={team} />
        ))}
      </Stack>
    </Section>
  );
}

function TeamRow({ team }: { team: Team }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: () => api.updateTeam(team.id, { name: name.trim(), version: team.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['teams'] }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const found = validateTeamName(name);
        setError(found);
        if (!found && name.trim() !== team.name) rename.mutate();
      }}
      noValidate
      aria-label={t('settings.renameTeam', { name: team.name })}
    >
      <Group align="flex-end" gap="xs">
        <TextInput aria-label={t('settings.teamName', { name: team.name })} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error ? t(error) : undefined} />
        <Button type="submit" variant="default" loading={rename.isPending}>
          {t('settings.rename')}
        </Button>
        {rename.isSuccess ? (
          <Text size="sm" c="teal.9" role="status">
            {t('journey.saved')}
          </Text>
        ) : null}
      </Group>
      {rename.error ? (
        <Text size="sm" c="red.8" role="alert">
          {errorText(rename.error, t)}
        </Text>
      ) : null}
    </form>
  );
}
