import { Anchor } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industries, tiers } from '../../../src/shared/vocabulary';
import { api } from '../api/client';
import type { Account } from '../api/types';
import { formatDateTime } from '../format/format';
import { ChoiceFilter, SearchFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { useUsers } from '../lists/lookups';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link } from '../router';

/** Every account, filterable by segment and owner. */
export default function AccountList() {
  const { t, i18n } = useTranslation();
  const { byId: users, users: userList } = useUsers();
  const [q, setQ] = useState('');
  const [tier, setTier] = useState('all');
  const [industry, setIndustry] = useState('all');
  const [ownerId, setOwnerId] = useState('all');
  const params = filterParams({ q, tier, industry, ownerId });

  const columns = useMemo<ListColumn<Account>[]>(
    () => [
      {
        key: 'name',
        label: t('fields.account'),
        sort: 'name',
        render: (a) => (
          <Anchor component={Link} to={`/accounts/${a.id}`} size="sm">
            {a.name}
          </Anchor>
        ),
        text: (a) => a.name,
      },
      { key: 'industry', label: t('fields.industry'), render: (a) => t(`industry.${a.industry}`), text: (a) => t(`industry.${a.industry}`) },
      { key: 'tier', label: t('fields.tier'), render: (a) => t(`tier.${a.tier}`), text: (a) => t(`tier.${a.tier}`) },
      { key: 'sizeBand', label: t('fields.sizeBand'), render: (a) => a.sizeBand, text: (a) => a.sizeBand },
      { key: 'city', label: t('fields.city'), sort: 'city', render: (a) => a.city, text: (a) => a.city },
      { key: 'province', label: t('fields.province'), render: (a) => a.province, text: (a) => a.province },
      { key: 'region', label: t('fields.region'), render: (a) => t(`region.${a.region}`), text: (a) => t(`region.${a.region}`) },
      { key: 'relationship', label: t('fields.relationship'), render: (a) => t(`relationship.${a.relationship}`), text: (a) => t(`relationship.${a.relationship}`) },
      { key: 'owner', label: t('fields.owner'), render: (a) => (a.ownerId ? users.get(a.ownerId)?.name : null) ?? '—', text: (a) => (a.ownerId ? users.get(a.ownerId)?.name : '') ?? '' },
      { key: 'updatedAt', label: t('fields.updatedAt'), sort: 'updatedAt', render: (a) => formatDateTime(a.updatedAt, i18n.language), text: (a) => a.updatedAt },
    ],
    [t, i18n.language, users],
  );

  return (
    <ResourceList
      name="accounts"
      title={t('accounts.title')}
      columns={columns}
      defaultColumns={['name', 'industry', 'tier', 'city', 'owner']}
      defaultSort="name"
      params={params}
      fetchPage={api.accounts}
      rowKey={(a) => a.id}
      emptyTitle={t('accounts.empty')}
      emptyHint={t('accounts.emptyHint')}
      filters={
        <>
          <SearchFilter label={t('lists.search')} onChange={setQ} />
          <ChoiceFilter label={t('fields.tier')} value={tier} onChange={setTier} options={tiers.map((v) => ({ value: v, label: t(`tier.${v}`) }))} />
          <ChoiceFilter label={t('fields.industry')} value={industry} onChange={setIndustry} options={industries.map((v) => ({ value: v, label: t(`industry.${v}`) }))} />
          <ChoiceFilter label={t('fields.owner')} value={ownerId} onChange={setOwnerId} options={userList.map((u) => ({ value: u.id, label: u.name }))} />
        </>
      }
    />
  );
}
