import { Alert, Anchor, Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Contact } from '../api/types';
import { canLogActivity } from '../auth/permissions';
import { useMe } from '../auth/session';
import { whatsAppOptedOut } from '../contacts/whatsapp';
import { formatDateTime } from '../format/format';
import { ErrorState, Loading } from '../ui/States';
import { channelsApi, type Channel } from './channelsApi';
import { consentColor, type ConsentStatus } from './channelsModel';

const channels: Channel[] = ['email', 'whatsapp', 'phone', 'sms'];

function errorText(error: unknown, t: (key: string) => string): string {
  return error instanceof ApiError ? error.message : t('common.networkError');
}

/**
 * A contact's consent per channel, with what may be sent: change consent, email the contact (only
 * with a recorded email opt-in), open WhatsApp with a template (until the contact opts out). The
 * server applies the same rules; the buttons only mirror them.
 */
export function ContactChannels({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const me = useMe().data?.user;
  const [open, setOpen] = useState<'consent' | 'email' | 'whatsapp' | null>(null);
  const status = (channel: Channel): ConsentStatus => {
    const onRecord = contact.consents.find((c) => c.channel === channel);
    return onRecord ? (onRecord.granted ? 'opted_in' : 'opted_out') : 'unknown';
  };
  const mayAct = canLogActivity(me);
  const emailAllowed = !!contact.email && status('email') === 'opted_in';
  const whatsappAllowed = !!contact.whatsapp && !whatsAppOptedOut(contact.consents);
  return (
    <Group gap={4} mt={4} wrap="wrap" role="group" aria-label={t('channels.consent.of', { name: contact.fullName })}>
      {(['email', 'whatsapp', 'phone'] as const).map((channel) => (
        <Badge key={channel} size="sm" variant="dot" color={consentColor[status(channel)]}>
          {t(`channels.channel.${channel}`)}: {t(`channels.status.${status(channel)}`)}
        </Badge>
      ))}
      {mayAct ? (
        <>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen('consent')}>
            {t('channels.consent.manage')}
          </Button>
          {emailAllowed ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen('email')}>
              {t('channels.email.send')}
            </Button>
          ) : null}
          {whatsappAllowed ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen('whatsapp')}>
              {t('channels.whatsappLink.open')}
            </Button>
          ) : null}
        </>
      ) : null}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={open === 'consent'} onClose={() => setOpen(null)} title={t('channels.consent.title', { name: contact.fullName })} size="lg">
        {open === 'consent' ? <ConsentEditor contact={contact} /> : null}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={open === 'email'} onClose={() => setOpen(null)} title={t('channels.email.title', { name: contact.fullName })} size="lg">
        {open === 'email' ? <EmailComposer contact={contact} onSent={() => setOpen(null)} /> : null}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={open === 'whatsapp'} onClose={() => setOpen(null)} title={t('channels.whatsappLink.title', { name: contact.fullName })} size="lg">
        {open === 'whatsapp' ? <WhatsappComposer contact={contact} /> : null}
      </Modal>
    </Group>
  );
}

function useRefreshContact(contact: Contact) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['channels', 'consents', contact.id] });
    await client.invalidateQueries({ queryKey: ['account', contact.accountId] });
    await client.invalidateQueries({ queryKey: ['contacts'] });
  };
}

function ConsentEditor({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshContact(contact);
  const query = useQuery({ queryKey: ['channels', 'consents', contact.id], queryFn: () => channelsApi.consents(contact.id) });
  const [channel, setChannel] = useState<Channel>('email');
  const [status, setStatus] = useState<'opted_in' | 'opted_out'>('opted_in');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [sourceMissing, setSourceMissing] = useState(false);
  const record = useMutation({
    mutationFn: () => channelsApi.recordConsents(contact.id, { changes: [{ channel, status, source: source.trim(), note: note.trim() || null }] }),
    onSuccess: async () => {
      setSource('');
      setNote('');
      await refresh();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = source.trim().length === 0;
    setSourceMissing(missing);
    if (!missing) record.mutate();
  }
  return (
    <Stack gap="sm">
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Table aria-label={t('channels.consent.inForce')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('channels.consent.channel')}</Table.Th>
              <Table.Th scope="col">{t('channels.consent.status')}</Table.Th>
              <Table.Th scope="col">{t('channels.consent.source')}</Table.Th>
              <Table.Th scope="col">{t('channels.consent.at')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.channels.map((c) => (
              <Table.Tr key={c.channel}>
                <Table.Th scope="row">{t(`channels.channel.${c.channel}`)}</Table.Th>
                <Table.Td>
                  <Badge size="sm" variant="light" color={consentColor[c.status]}>
                    {t(`channels.status.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.source ?? '—'}</Table.Td>
                <Table.Td>{c.at ? formatDateTime(c.at, i18n.language) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('channels.consent.rule')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('channels.consent.record')}>
        <Stack gap="xs">
          {record.error ? (
            <Alert color="red" role="alert">
              {errorText(record.error, t)}
            </Alert>
          ) : null}
          {record.isSuccess ? (
            <Text size="sm" c="teal.9" role="status">
              {t('channels.saved')}
            </Text>
          ) : null}
          <Group grow align="flex-start">
            <NativeSelect
              label={t('channels.consent.channel')}
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as Channel)}
              data={channels.map((c) => ({ value: c, label: t(`channels.channel.${c}`) }))}
            />
            <NativeSelect
              label={t('channels.consent.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as 'opted_in' | 'opted_out')}
              data={(['opted_in', 'opted_out'] as const).map((s) => ({ value: s, label: t(`channels.status.${s}`) }))}
            />
          </Group>
          <TextInput
            label={t('channels.consent.source')}
            description={t('channels.consent.sourceHint')}
            required
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={sourceMissing ? t('channels.consent.sourceMissing') : undefined}
          />
          <TextInput label={t('channels.consent.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('channels.consent.record')}
            </Button>
          </Group>
        </Stack>
      </form>
      {query.data && query.data.history.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('channels.consent.history')}
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }} aria-label={t('channels.consent.history')}>
            {query.data.history.map((e) => (
              <li key={e.id}>
                <Text size="xs">
                  {formatDateTime(e.at, i18n.language)} · {t(`channels.channel.${e.channel}`)} · {t(`channels.status.${e.status}`)} · {e.source}
                  {e.note ? ` · ${e.note}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The open journeys of the contact's account, to log an email on or fill {{solution}}. */
function useOpenJourneys(accountId: string) {
  const overview = useQuery({ queryKey: ['account', accountId, 'overview'], queryFn: () => api.accountOverview(accountId) });
  return (overview.data?.journeys.items ?? []).filter((j) => j.outcome === 'open');
}

function EmailComposer({ contact, onSent }: { contact: Contact; onSent: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshContact(contact);
  const client = useQueryClient();
  const journeys = useOpenJourneys(contact.accountId);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [journeyId, setJourneyId] = useState('');
  const [missing, setMissing] = useState<{ subject?: boolean; text?: boolean }>({});
  const send = useMutation({
    mutationFn: () => channelsApi.emailContact(contact.id, { subject: subject.trim(), text: text.trim(), journeyId: journeyId || null }),
    onSuccess: async () => {
      await refresh();
      await client.invalidateQueries({ queryKey: ['activities'] });
      onSent();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { subject: !subject.trim(), text: !text.trim() };
    setMissing(found);
    if (!found.subject && !found.text) send.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('channels.email.title', { name: contact.fullName })}>
      <Stack gap="xs">
        <Text size="sm">
          {t('channels.email.to')}: {contact.email}
        </Text>
        {send.error ? (
          <Alert color="red" role="alert">
            {errorText(send.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t('channels.email.subject')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={missing.subject ? t('channels.required') : undefined} />
        <Textarea label={t('channels.email.body')} required autosize minRows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} error={missing.text ? t('channels.required') : undefined} />
        <NativeSelect
          label={t('channels.email.journey')}
          value={journeyId}
          onChange={(e) => setJourneyId(e.currentTarget.value)}
          data={[{ value: '', label: t('channels.email.noJourney') }, ...journeys.map((j) => ({ value: j.id, label: j.solutionName }))]}
        />
        <Text size="xs" c="dimmed">
          {t('channels.email.logged')}
        </Text>
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('channels.email.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WhatsappComposer({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const templates = useQuery({ queryKey: ['channels', 'templates'], queryFn: channelsApi.templates });
  const journeys = useOpenJourneys(contact.accountId);
  const [templateId, setTemplateId] = useState('');
  const [journeyId, setJourneyId] = useState('');
  const link = useQuery({
    queryKey: ['channels', 'whatsapp-link', contact.id, templateId, journeyId],
    queryFn: () => channelsApi.whatsappLink(contact.id, templateId || undefined, (templateId && journeyId) || undefined),
    retry: false,
  });
  const template = templates.data?.items.find((x) => x.id === templateId);
  const needsJourney = template?.placeholders.includes('solution') ?? false;
  return (
    <Stack gap="xs">
      {templates.error ? <ErrorState error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      <NativeSelect
        label={t('channels.whatsappLink.template')}
        value={templateId}
        onChange={(e) => setTemplateId(e.currentTarget.value)}
        data={[{ value: '', label: t('channels.whatsappLink.noTemplate') }, ...(templates.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.language.toUpperCase()})` }))]}
      />
      {needsJourney ? (
        <NativeSelect
          label={t('channels.whatsappLink.journey')}
          value={journeyId}
          onChange={(e) => setJourneyId(e.currentTarget.value)}
          data={[{ value: '', label: t('channels.whatsappLink.pickJourney') }, ...journeys.map((j) => ({ value: j.id, label: j.solutionName }))]}
        />
      ) : null}
      {link.isPending ? <Loading /> : null}
      {link.error && !(needsJourney && !journeyId) ? (
        <Alert color="red" role="alert">
          {errorText(link.error, t)}
        </Alert>
      ) : null}
      {link.data ? (
        <>
          {link.data.text ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} p="xs" bg="gray.0" aria-label={t('channels.whatsappLink.preview')}>
              {link.data.text}
            </Text>
          ) : null}
          <Group>
            <Anchor href={link.data.url} target="_blank" rel="noopener noreferrer">
              {t('channels.whatsappLink.go', { phone: link.data.phone })}
            </Anchor>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
