import { Anchor, Badge } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outcomes, stages } from '../../../src/shared/vocabulary';
import { api } from '../api/client';
import type { Journey } from '../api/types';
import { useMe } from '../auth/session';
import { formatDate, formatDateTime, formatMoney } from '../format/format';
import { ChoiceFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { useSolutions, useUsers } from '../lists/lookups';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link } from '../router';
import { SavedViewsMenu } from '../pipeline/SavedViewsMenu';

const outcomeColor = { open: 'blue', adopted: 'teal', rejected: 'gray', discontinued: 'gray' } as const;

/** Every journey, recently changed first, filterable by stage, outcome, solution and owner. */
export default function JourneyList() {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.user;
  const { byId: users, users: userList } = useUsers();
  const { solutions } = useSolutions();
  const [stage, setStage] = useState('all');
  const [outcome, setOutcome] = useState('all');
  const [solutionId, setSolution] = useState('all');
  const [ownerId, setOwner] = useState('all');
  const params = filterParams({ stage, outcome, solutionId, ownerId });
  // Saved views keep the filters under the board's names (stage, outcome, solution, owner).
  const viewQuery = Object.fromEntries(Object.entries({ stage, outcome, solution: solutionId, owner: ownerId }).filter(([, v]) => v !== 'all'));
  const applyView = (q: Record<string, string>) => (setStage(q.stage ?? 'all'), setOutcome(q.outcome ?? 'all'), setSolution(q.solution ?? 'all'), setOwner(q.owner ?? 'all'));

  const columns = useMemo<ListColumn<Journey>[]>(
    () => [
      {
        key: 'account',
        label: t('fields.account'),
        render: (j) => (
          <Anchor component={Link} to={`/journeys/${j.id}`} size="sm">
            {j.accountName}
          </Anchor>
        ),
        text: (j) => j.accountName,
      },
      { key: 'solution', label: t('fields.solution'), render: (j) => j.solutionName, text: (j) => j.solutionName },
      { key: 'stage', label: t('journey.stage'), render: (j) => t(`stage.${j.stage}`), text: (j) => t(`stage.${j.stage}`) },
      {
        key: 'outcome',
        label: t('journey.outcome'),
        render: (j) => (
          <Badge variant="outline" color={outcomeColor[j.outcome]}>
            {t(`outcome.${j.outcome}`)}
          </Badge>
        ),
        text: (j) => t(`outcome.${j.outcome}`),
      },
      { key: 'value', label: t('fields.value'), sort: 'valueMinor', align: 'right', render: (j) => formatMoney(j.valueMinor, j.currency, i18n.language), text: (j) => formatMoney(j.valueMinor, j.currency, i18n.language) },
      { key: 'owner', label: t('fields.owner'), render: (j) => (j.ownerId ? users.get(j.ownerId)?.name : null) ?? '—', text: (j) => (j.ownerId ? users.get(j.ownerId)?.name : '') ?? '' },
      {
        key: 'expectedDecisionDate',
        label: t('fields.expectedDecisionDate'),
        render: (j) => (j.expectedDecisionDate ? formatDate(j.expectedDecisionDate, i18n.language) : '—'),
        text: (j) => j.expectedDecisionDate,
      },
      { key: 'stageEnteredAt', label: t('fields.stageEnteredAt'), sort: 'stageEnteredAt', render: (j) => formatDateTime(j.stageEnteredAt, i18n.language, me?.timeZone), text: (j) => j.stageEnteredAt },
      { key: 'updatedAt', label: t('fields.updatedAt'), sort: 'updatedAt', render: (j) => formatDateTime(j.updatedAt, i18n.language, me?.timeZone), text: (j) => j.updatedAt },
    ],
    [t, i18n.language, users, me],
  );

  return (
    <ResourceList
      name="journeys"
      title={t('journeys.title')}
      columns={columns}
      defaultColumns={['account', 'solution', 'stage', 'outcome', 'value', 'owner']}
      defaultSort="-updatedAt"
      params={params}
      fetchPage={api.journeyList}
      rowKey={(j) => j.id}
      emptyTitle={t('journeys.empty')}
      emptyHint={t('journeys.emptyHint')}
      actions={me ? <SavedViewsMenu screen="journeys" me={me} query={viewQuery} onApply={applyView} /> : null}
      filters={
        <>
          <ChoiceFilter label={t('journey.stage')} value={stage} onChange={setStage} options={stages.map((v) => ({ value: v, label: t(`stage.${v}`) }))} />
          <ChoiceFilter label={t('journey.outcome')} value={outcome} onChange={setOutcome} options={outcomes.map((v) => ({ value: v, label: t(`outcome.${v}`) }))} />
          <ChoiceFilter label={t('fields.solution')} value={solutionId} onChange={setSolution} options={solutions.map((s) => ({ value: s.id, label: s.name }))} />
          <ChoiceFilter label={t('fields.owner')} value={ownerId} onChange={setOwner} options={userList.map((u) => ({ value: u.id, label: u.name }))} />
        </>
      }
    />
  );
}
