import { Anchor } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions, influences, seniorities, techProficiencies } from '../../../src/shared/vocabulary';
import { api, type ListParams } from '../api/client';
import type { Contact } from '../api/types';
import { ChoiceFilter, SearchFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { withAccountNames } from '../lists/lookups';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link } from '../router';
import { whatsAppLink } from './whatsapp';

type ContactRow = Contact & { accountName: string };
const fetchContacts = async (params: ListParams) => withAccountNames(await api.contacts(params));

/** Every contact, filterable by persona: division, seniority, proficiency, influence. */
export default function ContactList() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [division, setDivision] = useState('all');
  const [seniority, setSeniority] = useState('all');
  const [techProficiency, setTech] = useState('all');
  const [influence, setInfluence] = useState('all');
  const params = filterParams({ q, division, seniority, techProficiency, influence });
  const columns = useMemo<ListColumn<ContactRow>[]>(
    () => [
      { key: 'fullName', label: t('fields.name'), sort: 'fullName', render: (c) => c.fullName, text: (c) => c.fullName },
      {
        key: 'account',
        label: t('fields.account'),
        render: (c) => (
          <Anchor component={Link} to={`/accounts/${c.accountId}`} size="sm">
            {c.accountName || t('common.open')}
          </Anchor>
        ),
        text: (c) => c.accountName,
      },
      { key: 'title', label: t('fields.title'), render: (c) => c.title ?? '—', text: (c) => c.title },
      { key: 'division', label: t('fields.division'), render: (c) => t(`division.${c.division}`), text: (c) => t(`division.${c.division}`) },
      { key: 'seniority', label: t('fields.seniority'), render: (c) => t(`seniority.${c.seniority}`), text: (c) => t(`seniority.${c.seniority}`) },
      { key: 'techProficiency', label: t('fields.techProficiency'), render: (c) => t(`techProficiency.${c.techProficiency}`), text: (c) => t(`techProficiency.${c.techProficiency}`) },
      { key: 'influence', label: t('fields.influence'), render: (c) => t(`influence.${c.influence}`), text: (c) => t(`influence.${c.influence}`) },
      { key: 'email', label: t('fields.email'), render: (c) => (c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '—'), text: (c) => c.email },
      { key: 'phone', label: t('fields.phone'), render: (c) => c.phone ?? '—', text: (c) => c.phone },
      {
        key: 'whatsapp',
        label: t('fields.whatsapp'),
        render: (c) => {
          const link = whatsAppLink(c.whatsapp, undefined, c.consents);
          return link ? (
            <Anchor href={link} target="_blank" rel="noopener noreferrer" size="sm" aria-label={`${c.whatsapp} — ${t('contacts.chatOnWhatsApp', { name: c.fullName })}`}>
              {c.whatsapp}
            </Anchor>
          ) : (
            '—'
          );
        },
        text: (c) => c.whatsapp,
      },
      { key: 'updatedAt', label: t('fields.updatedAt'), sort: 'updatedAt', render: (c) => c.updatedAt.slice(0, 10), text: (c) => c.updatedAt },
    ],
    [t],
  );

  return (
    <ResourceList
      name="contacts"
      title={t('contacts.title')}
      columns={columns}
      defaultColumns={['fullName', 'account', 'title', 'division', 'seniority', 'influence', 'whatsapp']}
      defaultSort="fullName"
      params={params}
      fetchPage={fetchContacts}
      rowKey={(c) => c.id}
      emptyTitle={t('contacts.empty')}
      emptyHint={t('contacts.emptyHint')}
      filters={
        <>
          <SearchFilter label={t('lists.search')} onChange={setQ} />
          <ChoiceFilter label={t('fields.division')} value={division} onChange={setDivision} options={divisions.map((v) => ({ value: v, label: t(`division.${v}`) }))} />
          <ChoiceFilter label={t('fields.seniority')} value={seniority} onChange={setSeniority} options={seniorities.map((v) => ({ value: v, label: t(`seniority.${v}`) }))} />
          <ChoiceFilter label={t('fields.techProficiency')} value={techProficiency} onChange={setTech} options={techProficiencies.map((v) => ({ value: v, label: t(`techProficiency.${v}`) }))} />
          <ChoiceFilter label={t('fields.influence')} value={influence} onChange={setInfluence} options={influences.map((v) => ({ value: v, label: t(`influence.${v}`) }))} />
        </>
      }
    />
  );
}
