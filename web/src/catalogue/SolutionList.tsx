import { Anchor, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { solutionCategories } from '../../../src/shared/vocabulary';
import { api } from '../api/client';
import type { Me, Solution } from '../api/types';
import { canWriteSolutions } from '../auth/permissions';
import { formatDate } from '../format/format';
import { ChoiceFilter, SearchFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link, navigate } from '../router';
import { CatalogueTabs, CreateDialog, SolutionEditor } from './CatalogueForms';

/** The solutions (innovations) the integrator sells, with their principals. */
export default function SolutionList({ me }: { me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const principals = useQuery({ queryKey: ['principals', 'all'], queryFn: () => api.principals() });
  const principalNames = useMemo(() => new Map((principals.data?.items ?? []).map((p) => [p.id, p.name])), [principals.data]);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('all');
  const [principalId, setPrincipal] = useState('all');
  const [creating, setCreating] = useState(false);
  const params = filterParams({ q, category, principalId });

  const columns = useMemo<ListColumn<Solution>[]>(
    () => [
      {
        key: 'name',
        label: t('fields.recordName'),
        sort: 'name',
        render: (s) => (
          <Anchor component={Link} to={`/solutions/${s.id}`} size="sm">
            {s.name}
          </Anchor>
        ),
        text: (s) => s.name,
      },
      { key: 'category', label: t('fields.category'), render: (s) => t(`category.${s.category}`), text: (s) => t(`category.${s.category}`) },
      { key: 'principals', label: t('catalogue.principals'), render: (s) => s.principalIds.map((id) => principalNames.get(id) ?? '…').join(', ') || '—', text: (s) => s.principalIds.map((id) => principalNames.get(id) ?? id).join('; ') },
      { key: 'launchDate', label: t('fields.launchDate'), render: (s) => (s.launchDate ? formatDate(s.launchDate, i18n.language) : '—'), text: (s) => s.launchDate },
      { key: 'createdAt', label: t('fields.createdAt'), sort: 'createdAt', render: (s) => s.createdAt.slice(0, 10), text: (s) => s.createdAt },
    ],
    [t, i18n.language, principalNames],
  );

  return (
    <>
      <CatalogueTabs current="solutions" />
      <ResourceList
        name="solutions"
        title={t('catalogue.solutions')}
        columns={columns}
        defaultColumns={['name', 'category', 'principals', 'launchDate']}
        defaultSort="name"
        params={params}
        fetchPage={api.solutionList}
        rowKey={(s) => s.id}
        emptyTitle={t('catalogue.noSolutions')}
        emptyHint={t('catalogue.noSolutionsHint')}
        actions={canWriteSolutions(me) ? <Button onClick={() => setCreating(true)}>{t('catalogue.newSolution')}</Button> : null}
        filters={
          <>
            <SearchFilter label={t('lists.search')} onChange={setQ} />
            <ChoiceFilter label={t('fields.category')} value={category} onChange={setCategory} options={solutionCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
            <ChoiceFilter label={t('catalogue.principal')} value={principalId} onChange={setPrincipal} options={(principals.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </>
        }
      />
      <CreateDialog opened={creating} title={t('catalogue.newSolution')} onClose={() => setCreating(false)}>
        <SolutionEditor onCancel={() => setCreating(false)} onDone={(s) => navigate(`/solutions/${s.id}`)} />
      </CreateDialog>
    </>
  );
}
