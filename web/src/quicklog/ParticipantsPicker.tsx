import { Button, Group, MultiSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact, User } from '../api/types';
import { useUsers } from '../lists/lookups';

interface Props {
  /** The account's contacts; the main contact of the log is left out here. */
  contacts: readonly Contact[];
  mainContactId: string | null;
  userIds: string[];
  contactIds: string[];
  meId: string | undefined;
  /** The journey's SA when a demo or meeting would not count for its SA gate without them. */
  missingSaId: string | null;
  disabled: boolean;
  onChange(next: { userIds: string[]; contactIds: string[] }): void;
}

/** Who else took part: colleagues (users) and further contacts of the chosen account. */
export function ParticipantsPicker({ contacts, mainContactId, userIds, contactIds, meId, missingSaId, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const { users, byId } = useUsers();
  const colleagues = users.filter((u: User) => (u.active && u.id !== meId) || userIds.includes(u.id)).sort((a, b) => a.name.localeCompare(b.name));
  const others = contacts.filter((c) => c.id !== mainContactId);
  const missingSa = missingSaId ? byId.get(missingSaId) : undefined;
  return (
    <>
      <Group grow align="flex-start" wrap="wrap">
        <MultiSelect
          label={t('quickLogParticipants.colleagues')}
          placeholder={userIds.length === 0 ? t('quickLogParticipants.colleaguesPlaceholder') : undefined}
          searchable
          clearable
          value={userIds}
          onChange={(ids) => onChange({ userIds: ids, contactIds })}
          data={colleagues.map((u) => ({ value: u.id, label: `${u.name} · ${t(`role.${u.role}`)}` }))}
          nothingFoundMessage={t('quickLogParticipants.nobodyFound')}
          comboboxProps={{ withinPortal: true }}
          miw={200}
        />
        <MultiSelect
          label={t('quickLogParticipants.contacts')}
          placeholder={contactIds.length === 0 ? t('quickLogParticipants.contactsPlaceholder') : undefined}
          searchable
          clearable
          disabled={disabled || others.length === 0}
          value={contactIds.filter((id) => others.some((c) => c.id === id))}
          onChange={(ids) => onChange({ userIds, contactIds: ids })}
          data={others.map((c) => ({ value: c.id, label: c.title ? `${c.fullName} (${c.title})` : c.fullName }))}
          nothingFoundMessage={t('quickLogParticipants.nobodyFound')}
          comboboxProps={{ withinPortal: true }}
          miw={200}
        />
      </Group>
      {missingSa ? (
        <Group gap="xs" wrap="wrap" role="note">
          <Text size="sm" c="orange.9">
            {t('quickLogParticipants.saMissing', { name: missingSa.name })}
          </Text>
          <Button size="compact-xs" variant="light" color="orange" onClick={() => onChange({ userIds: [...userIds, missingSa.id], contactIds })}>
            {t('quickLogParticipants.addSa', { name: missingSa.name })}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
