import { Anchor, Button } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Me, Principal } from '../api/types';
import { canManageWorkspace } from '../auth/permissions';
import { SearchFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link, navigate } from '../router';
import { CatalogueTabs, CreateDialog, PrincipalEditor } from './CatalogueForms';

/** The principals (vendors) behind the solutions. */
export default function PrincipalList({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<ListColumn<Principal>[]>(
    () => [
      {
        key: 'name',
        label: t('fields.recordName'),
        sort: 'name',
        render: (p) => (
          <Anchor component={Link} to={`/principals/${p.id}`} size="sm">
            {p.name}
          </Anchor>
        ),
        text: (p) => p.name,
      },
      { key: 'country', label: t('fields.country'), render: (p) => p.country ?? '—', text: (p) => p.country },
      { key: 'website', label: t('fields.website'), render: (p) => p.website ?? '—', text: (p) => p.website },
      { key: 'createdAt', label: t('fields.createdAt'), sort: 'createdAt', render: (p) => p.createdAt.slice(0, 10), text: (p) => p.createdAt },
    ],
    [t],
  );
  return (
    <>
      <CatalogueTabs current="principals" />
      <ResourceList
        name="principals"
        title={t('catalogue.principals')}
        columns={columns}
        defaultColumns={['name', 'country', 'website']}
        defaultSort="name"
        params={filterParams({ q })}
        fetchPage={(p) => api.principals(p)}
        rowKey={(p) => p.id}
        emptyTitle={t('catalogue.noPrincipals')}
        actions={canManageWorkspace(me) ? <Button onClick={() => setCreating(true)}>{t('catalogue.newPrincipal')}</Button> : null}
        filters={<SearchFilter label={t('lists.search')} onChange={setQ} />}
      />
      <CreateDialog opened={creating} title={t('catalogue.newPrincipal')} onClose={() => setCreating(false)}>
        <PrincipalEditor onCancel={() => setCreating(false)} onDone={(p) => navigate(`/principals/${p.id}`)} />
      </CreateDialog>
    </>
  );
}
