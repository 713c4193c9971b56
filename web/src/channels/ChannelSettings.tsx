import { Alert, Badge, Button, Checkbox, Code, Group, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatDateTime } from '../format/format';
import { Empty, ErrorState, Loading } from '../ui/States';
import { channelsApi, type SmtpSettingsView } from './channelsApi';
import { defaultPort, smtpBody, smtpFormFrom, smtpSecurities, validateSmtp, type SmtpErrors, type SmtpForm } from './channelsModel';

function errorText(error: unknown, t: (key: string) => string): string {
  return error instanceof ApiError ? error.message : t('common.networkError');
}

function Section({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

/** Admins: the SMTP server email goes through, the WhatsApp webhook's secrets, and inbound messages to review. */
export default function ChannelSettings() {
  return (
    <>
      <SmtpSection />
      <WhatsappSection />
      <InboundSection />
    </>
  );
}

function SmtpSection() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['channels', 'smtp'], queryFn: channelsApi.smtp });
  return (
    <Section id="settings-smtp" title={t('channels.smtp.title')} hint={t('channels.smtp.hint')}>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <SmtpFormView view={query.data} /> : null}
    </Section>
  );
}

function SmtpFormView({ view }: { view: SmtpSettingsView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<SmtpForm>(() => smtpFormFrom(view));
  const [errors, setErrors] = useState<SmtpErrors>({});
  useEffect(() => setForm(smtpFormFrom(view)), [view]);
  const save = useMutation({
    mutationFn: () => channelsApi.saveSmtp(smtpBody(form)),
    onSuccess: (saved) => client.setQueryData(['channels', 'smtp'], saved),
  });
  const test = useMutation({ mutationFn: channelsApi.testSmtp });
  const set = (patch: Partial<SmtpForm>) => setForm((old) => ({ ...old, ...patch }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSmtp(form, view.passwordSet);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }
  const err = (key: keyof SmtpErrors) => (errors[key] ? t(errors[key] ?? '') : undefined);
  return (
    <form onSubmit={submit} noValidate aria-label={t('channels.smtp.title')}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={view.configured ? 'teal' : 'gray'} variant="light">
            {view.configured ? t('channels.smtp.configured') : t('channels.smtp.notConfigured')}
          </Badge>
          {view.updatedAt ? (
            <Text size="xs" c="dimmed">
              {t('channels.updatedAt', { when: formatDateTime(view.updatedAt, i18n.language) })}
            </Text>
          ) : null}
        </Group>
        {save.error ? (
          <Alert color="red" role="alert">
            {errorText(save.error, t)}
          </Alert>
        ) : null}
        {save.isSuccess ? (
          <Text size="sm" c="teal.9" role="status">
            {t('channels.saved')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          <TextInput label={t('channels.smtp.host')} required value={form.host} onChange={(e) => set({ host: e.currentTarget.value })} error={err('host')} />
          <NativeSelect
            label={t('channels.smtp.security')}
            value={form.security}
            onChange={(e) => {
              const security = e.currentTarget.value as SmtpForm['security'];
              set({ security, port: defaultPort[security] });
            }}
            data={smtpSecurities.map((s) => ({ value: s, label: t(`channels.security.${s}`) }))}
          />
          <TextInput label={t('channels.smtp.port')} required inputMode="numeric" value={form.port} onChange={(e) => set({ port: e.currentTarget.value })} error={err('port')} />
          <TextInput label={t('channels.smtp.username')} autoComplete="off" value={form.username} onChange={(e) => set({ username: e.currentTarget.value })} error={err('username')} />
          <PasswordInput
            label={t('channels.smtp.password')}
            description={view.passwordSet ? t('channels.secretKept') : undefined}
            autoComplete="new-password"
            value={form.password}
            disabled={form.clearPassword}
            onChange={(e) => set({ password: e.currentTarget.value })}
          />
          <TextInput label={t('channels.smtp.fromAddress')} type="email" required value={form.fromAddress} onChange={(e) => set({ fromAddress: e.currentTarget.value })} error={err('fromAddress')} />
          <TextInput label={t('channels.smtp.fromName')} value={form.fromName} onChange={(e) => set({ fromName: e.currentTarget.value })} />
        </SimpleGrid>
        {view.passwordSet ? (
          <Checkbox label={t('channels.smtp.clearPassword')} checked={form.clearPassword} onChange={(e) => set({ clearPassword: e.currentTarget.checked, password: '' })} />
        ) : null}
        {form.security === 'none' ? (
          <Text size="sm" c="red.9">
            {t('channels.smtp.plainWarning')}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => test.mutate()} loading={test.isPending} disabled={!view.configured}>
            {t('channels.smtp.sendTest')}
          </Button>
        </Group>
        {test.isSuccess ? (
          <Text size="sm" c="teal.9" role="status">
            {t('channels.smtp.testSent', { to: test.data.to })}
          </Text>
        ) : null}
        {test.error ? (
          <Alert color="red" role="alert">
            {errorText(test.error, t)}
            {test.error instanceof ApiError && typeof test.error.details.reason === 'string' ? (
              <Text size="xs" mt={4}>
                {test.error.details.reason}
              </Text>
            ) : null}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}

function WhatsappSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['channels', 'whatsapp'], queryFn: channelsApi.whatsapp });
  const [appSecret, setAppSecret] = useState('');
  const [verifyToken, setVerifyToken] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const save = useMutation({
    mutationFn: () => channelsApi.saveWhatsapp({ ...(appSecret ? { appSecret } : {}), ...(verifyToken ? { verifyToken } : {}) }),
    onSuccess: (saved) => {
      client.setQueryData(['channels', 'whatsapp'], saved);
      setAppSecret('');
      setVerifyToken('');
    },
  });
  const view = query.data;
  const callback = `${window.location.origin}${view?.webhookPath ?? '/api/hooks/whatsapp'}`;
  return (
    <Section id="settings-whatsapp" title={t('channels.whatsapp.title')} hint={t('channels.whatsapp.hint')}>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {view ? (
        <form
          noValidate
          aria-label={t('channels.whatsapp.title')}
          onSubmit={(e) => {
            e.preventDefault();
            const short = [appSecret, verifyToken].some((v) => v.length > 0 && v.length < 8);
            setTooShort(short);
            if (!short && (appSecret || verifyToken)) save.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {t('channels.whatsapp.callback')} <Code>{callback}</Code>
            </Text>
            {save.error ? (
              <Alert color="red" role="alert">
                {errorText(save.error, t)}
              </Alert>
            ) : null}
            {save.isSuccess ? (
              <Text size="sm" c="teal.9" role="status">
                {t('channels.saved')}
              </Text>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <PasswordInput
                label={t('channels.whatsapp.appSecret')}
                description={view.appSecretSet ? t('channels.secretKept') : t('channels.whatsapp.notSet')}
                autoComplete="new-password"
                value={appSecret}
                onChange={(e) => setAppSecret(e.currentTarget.value)}
                error={tooShort && appSecret.length > 0 && appSecret.length < 8 ? t('channels.whatsapp.tooShort') : undefined}
              />
              <PasswordInput
                label={t('channels.whatsapp.verifyToken')}
                description={view.verifyTokenSet ? t('channels.secretKept') : t('channels.whatsapp.notSet')}
                autoComplete="new-password"
                value={verifyToken}
                onChange={(e) => setVerifyToken(e.currentTarget.value)}
                error={tooShort && verifyToken.length > 0 && verifyToken.length < 8 ? t('channels.whatsapp.tooShort') : undefined}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!appSecret && !verifyToken}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Section>
  );
}

function InboundSection() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: ['channels', 'inbound', 'unmatched'], queryFn: () => channelsApi.inbound('unmatched') });
  return (
    <Section id="settings-inbound" title={t('channels.inbound.title')} hint={t('channels.inbound.hint')}>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <Empty title={t('channels.inbound.empty')} /> : null}
      {query.data && query.data.items.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <Table miw={560} aria-label={t('channels.inbound.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('channels.inbound.received')}</Table.Th>
                <Table.Th scope="col">{t('channels.inbound.from')}</Table.Th>
                <Table.Th scope="col">{t('channels.inbound.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.receivedAt, i18n.language)}</Table.Td>
                  <Table.Td>{m.fromPhone}</Table.Td>
                  <Table.Td>{m.body}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Section>
  );
}

