import { Alert, Button, Group, Modal, NativeSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Contact } from '../api/types';
import { contentApi, shareChannels, type ShareChannel } from './contentApi';

interface Props {
  item: { id: string; title: string };
  /** From a journey page: its account's contacts are offered and the journey is fixed. */
  journey?: { id: string; accountId: string } | null;
  onClose(): void;
  onShared?(): void;
}

/** Records that a content item was shared with a contact; the server logs it as an activity. */
export function ShareDialog({ item, journey, onClose, onShared }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [contact, setContact] = useState<Contact | null>(null);
  const [journeyId, setJourneyId] = useState<string>(journey?.id ?? '');
  const [channel, setChannel] = useState<ShareChannel>('email');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const accountContacts = useQuery({
    queryKey: ['contacts', 'account', journey?.accountId],
    queryFn: () => contentApi.accountContacts(journey?.accountId ?? ''),
    enabled: !!journey,
  });
  const found = useQuery({
    queryKey: ['contacts', 'search', search],
    queryFn: () => contentApi.searchContacts(search),
    enabled: !journey && search.trim().length >= 2,
  });
  const journeys = useQuery({
    queryKey: ['journeys', 'account', contact?.accountId],
    queryFn: () => contentApi.accountJourneys(contact?.accountId ?? ''),
    enabled: !journey && !!contact,
  });
  const candidates = (journey ? accountContacts.data?.items : found.data?.items) ?? [];
  const known = contact && !candidates.some((c) => c.id === contact.id) ? [contact, ...candidates] : candidates;

  const share = useMutation({
    mutationFn: () => contentApi.share(item.id, { contactId: contact?.id ?? '', journeyId: journeyId || null, channel, note: note.trim() || null }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['content'] });
      await client.invalidateQueries({ queryKey: ['activities'] });
      onShared?.();
      onClose();
    },
    onError: (error) => setProblem(error instanceof ApiError ? error.message : t('common.networkError')),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!contact) {
      setProblem(t('content.share.contactRequired'));
      return;
    }
    setProblem(null);
    share.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={t('content.share.title', { title: item.title })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('content.share.contact')}
            placeholder={journey ? t('content.share.pickContact') : t('content.share.searchContact')}
            searchable
            required
            data-autofocus
            searchValue={journey ? undefined : search}
            onSearchChange={journey ? undefined : setSearch}
            value={contact?.id ?? null}
            onChange={(id) => {
              setContact(known.find((c) => c.id === id) ?? null);
              if (!journey) setJourneyId('');
            }}
            data={known.map((c) => ({ value: c.id, label: `${c.fullName}${c.title ? ` · ${c.title}` : ''} (${t(`techProficiency.${c.techProficiency}`)}, ${t(`division.${c.division}`)})` }))}
            nothingFoundMessage={journey || search.trim().length >= 2 ? t('content.share.noContacts') : t('content.share.typeToSearch')}
            filter={journey ? undefined : ({ options }) => options}
            comboboxProps={{ withinPortal: true }}
          />
          {journey ? null : (
            <NativeSelect
              label={t('content.share.journey')}
              value={journeyId}
              disabled={!contact}
              onChange={(e) => setJourneyId(e.currentTarget.value)}
              data={[{ value: '', label: t('content.share.noJourney') }, ...(journeys.data?.items ?? []).map((j) => ({ value: j.id, label: `${j.solutionName ?? j.solutionId} · ${t(`stage.${j.stage}`)}` }))]}
            />
          )}
          <NativeSelect
            label={t('content.share.channel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as ShareChannel)}
            data={shareChannels.map((c) => ({ value: c, label: t(`content.channel.${c}`) }))}
          />
          <Textarea label={t('content.share.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Text size="xs" c="dimmed">
            {t('content.share.logged')}
          </Text>
          {problem ? (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={share.isPending}>
              {t('content.share.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
