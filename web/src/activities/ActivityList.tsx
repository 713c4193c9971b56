import { Anchor, Badge, Checkbox } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityTypes } from '../../../src/shared/vocabulary';
import { api, type ListParams } from '../api/client';
import type { Activity } from '../api/types';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/format';
import { ChoiceFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { useUsers, withAccountNames } from '../lists/lookups';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link } from '../router';

type ActivityRow = Activity & { accountName: string };
const fetchActivities = async (params: ListParams) => withAccountNames(await api.activities(params));

/** Every logged activity, newest first; by type, and only mine if asked. */
export default function ActivityList() {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.user;
  const { byId: users } = useUsers();
  const [type, setType] = useState('all');
  const [mine, setMine] = useState(false);
  const params = filterParams({ type, participantUserId: mine ? (me?.id ?? null) : null });

  const columns = useMemo<ListColumn<ActivityRow>[]>(
    () => [
      {
        key: 'occurredAt',
        label: t('fields.occurredAt'),
        sort: 'occurredAt',
        render: (r) => <time dateTime={r.occurredAt}>{formatDateTime(r.occurredAt, i18n.language, me?.timeZone)}</time>,
        text: (r) => r.occurredAt,
      },
      { key: 'type', label: t('fields.activityType'), render: (r) => <Badge variant="light">{t(`activityType.${r.type}`)}</Badge>, text: (r) => t(`activityType.${r.type}`) },
      { key: 'subject', label: t('fields.subject'), render: (r) => r.subject, text: (r) => r.subject },
      {
        key: 'account',
        label: t('fields.account'),
        render: (r) => (
          <Anchor component={Link} to={`/accounts/${r.accountId}`} size="sm">
            {r.accountName || t('common.open')}
          </Anchor>
        ),
        text: (r) => r.accountName,
      },
      { key: 'outcome', label: t('fields.activityOutcome'), render: (r) => r.outcome ?? '—', text: (r) => r.outcome },
      { key: 'nextStep', label: t('fields.nextStep'), render: (r) => r.nextStep ?? '—', text: (r) => r.nextStep },
      { key: 'notes', label: t('fields.notes'), render: (r) => r.notes ?? '—', text: (r) => r.notes },
      { key: 'createdBy', label: t('fields.loggedBy'), render: (r) => (r.createdBy ? users.get(r.createdBy)?.name : null) ?? '—', text: (r) => (r.createdBy ? users.get(r.createdBy)?.name : '') ?? '' },
    ],
    [t, i18n.language, users, me],
  );

  return (
    <ResourceList
      name="activities"
      title={t('activities.title')}
      columns={columns}
      defaultColumns={['occurredAt', 'type', 'subject', 'account', 'outcome', 'createdBy']}
      defaultSort="-occurredAt"
      params={params}
      fetchPage={fetchActivities}
      rowKey={(r) => r.id}
      emptyTitle={t('activities.empty')}
      emptyHint={t('activities.emptyHint')}
      filters={
        <>
          <ChoiceFilter label={t('fields.activityType')} value={type} onChange={setType} options={activityTypes.map((v) => ({ value: v, label: t(`activityType.${v}`) }))} />
          <Checkbox label={t('activities.mineOnly')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
        </>
      }
    />
  );
}
