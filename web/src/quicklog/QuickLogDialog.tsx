import { Alert, Anchor, Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Activity } from '../api/types';
import { whatsAppLink } from '../contacts/whatsapp';
import { AccountPicker, type PickedAccount } from './AccountPicker';
import { ParticipantsPicker } from './ParticipantsPicker';
import { useMe } from '../auth/session';
import { getDisplayTimeZone, toZonedInput } from '../format/format';
import { emptyQuickLog, missingSa, quickLogTypes, suggestedSubject, validateQuickLog, type QuickLogInput } from './quickLogModel';

interface Props {
  opened: boolean;
  preset: PickedAccount | null;
  onClose(): void;
  onLogged(activity: Activity, account: PickedAccount): void;
}

/** Logs an activity in a few keystrokes: type, account (search as you type), subject, Enter. */
export function QuickLogDialog({ opened, preset, onClose, onLogged }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 600px)');
  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('quickLog.title')} fullScreen={!!phone} size="lg">
      {opened ? <QuickLogForm preset={preset} onClose={onClose} onLogged={onLogged} /> : null}
    </Modal>
  );
}

function QuickLogForm({ preset, onClose, onLogged }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [account, setAccount] = useState<PickedAccount | null>(preset);
  const [input, setInput] = useState<QuickLogInput>(() => ({ ...emptyQuickLog, accountId: preset?.id ?? null, occurredAt: toZonedInput(new Date().toISOString()) ?? '' }));
  const [subjectTouched, setSubjectTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof QuickLogInput, string>>>({});
  const overview = useQuery({ queryKey: ['account', input.accountId, 'overview'], queryFn: () => api.accountOverview(input.accountId ?? ''), enabled: !!input.accountId });
  const contacts = overview.data?.contacts.items ?? [];
  const journeys = (overview.data?.journeys.items ?? []).filter((j) => j.outcome === 'open');
  const contact = contacts.find((c) => c.id === input.contactId) ?? null;
  const meId = useMe().data?.user.id;
  const saToAdd = missingSa(input, journeys.find((j) => j.id === input.journeyId)?.saId, meId);
  const waLink = input.type === 'whatsapp' ? whatsAppLink(contact?.whatsapp, undefined, contact?.consents ?? []) : null;

  // Until the user writes their own, the subject follows the type and the contact.
  useEffect(() => {
    if (!subjectTouched) setInput((old) => ({ ...old, subject: suggestedSubject(t(`activityType.${old.type}`), contact?.fullName ?? null) }));
  }, [input.type, contact?.fullName, subjectTouched, t]);

  const save = useMutation({
    mutationFn: api.createActivity,
    onSuccess: async (activity) => {
      if (account) onLogged(activity, account);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['activities'] }),
        client.invalidateQueries({ queryKey: ['myDay'] }),
        client.invalidateQueries({ queryKey: ['account', activity.accountId] }),
        client.invalidateQueries({ queryKey: ['journeys'] }),
        client.invalidateQueries({ queryKey: ['gates'] }),
        client.invalidateQueries({ queryKey: ['nextBestActions'] }),
      ]);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateQuickLog(input);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.body);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('quickLog.title')}>
      <Stack gap="sm">
        {save.error ? (
          <Alert color="red" role="alert">
            {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('fields.activityType')}
          value={input.type}
          onChange={(e) => setInput({ ...input, type: e.currentTarget.value as QuickLogInput['type'] })}
          data={quickLogTypes.map((type) => ({ value: type, label: t(`activityType.${type}`) }))}
          data-autofocus={preset ? true : undefined}
        />
        <AccountPicker
          value={account}
          autoFocus={!preset}
          onChange={(picked) => {
            setAccount(picked);
            setInput({ ...input, accountId: picked?.id ?? null, contactId: null, journeyId: null, contactIds: [] });
          }}
          error={errors.accountId ? t(errors.accountId) : undefined}
        />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('quickLog.contact')}
            disabled={!input.accountId || contacts.length === 0}
            value={input.contactId ?? ''}
            onChange={(e) => setInput({ ...input, contactId: e.currentTarget.value || null })}
            data={[{ value: '', label: input.accountId && contacts.length === 0 && overview.isSuccess ? t('quickLog.noContacts') : t('quickLog.none') }, ...contacts.map((c) => ({ value: c.id, label: c.title ? `${c.fullName} (${c.title})` : c.fullName }))]}
            miw={200}
          />
          <NativeSelect
            label={t('quickLog.journey')}
            disabled={!input.accountId || journeys.length === 0}
            value={input.journeyId ?? ''}
            onChange={(e) => setInput({ ...input, journeyId: e.currentTarget.value || null })}
            data={[{ value: '', label: t('quickLog.none') }, ...journeys.map((j) => ({ value: j.id, label: `${j.solutionName} · ${t(`stage.${j.stage}`)}` }))]}
            miw={200}
          />
        </Group>
        <ParticipantsPicker contacts={contacts} mainContactId={input.contactId} userIds={input.userIds} contactIds={input.contactIds} meId={meId} missingSaId={saToAdd} disabled={!input.accountId} onChange={(next) => setInput({ ...input, ...next })} />
        {waLink && contact ? (
          <Anchor href={waLink} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
            {t('quickLog.openWhatsApp', { name: contact.fullName })}
          </Anchor>
        ) : null}
        <TextInput
          label={t('fields.subject')}
          required
          value={input.subject}
          onChange={(e) => {
            setSubjectTouched(true);
            setInput({ ...input, subject: e.currentTarget.value });
          }}
          error={errors.subject ? t(errors.subject) : undefined}
        />
        <TextInput
          type="datetime-local"
          label={t('quickLog.when')}
          description={t('quickLog.whenHint', { zone: getDisplayTimeZone() })}
          value={input.occurredAt}
          max={toZonedInput(new Date().toISOString()) ?? undefined}
          onChange={(e) => setInput({ ...input, occurredAt: e.currentTarget.value })}
          error={errors.occurredAt ? t(errors.occurredAt) : undefined}
        />
        <Textarea label={t('fields.notes')} autosize minRows={2} maxRows={6} value={input.notes} onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} />
        <TextInput label={t('fields.activityOutcome')} value={input.outcome} onChange={(e) => setInput({ ...input, outcome: e.currentTarget.value })} />
        <TextInput label={t('fields.nextStep')} value={input.nextStep} onChange={(e) => setInput({ ...input, nextStep: e.currentTarget.value })} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('quickLog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
