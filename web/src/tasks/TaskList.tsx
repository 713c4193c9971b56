import { Anchor, Badge, Checkbox } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from '../../../src/shared/vocabulary';
import { api, type ListParams } from '../api/client';
import type { Task } from '../api/types';
import { useMe } from '../auth/session';
import { canWriteTask } from '../auth/permissions';
import { formatDateTime } from '../format/format';
import { ChoiceFilter } from '../lists/filters';
import { filterParams } from '../lists/listModel';
import { useUsers, withAccountNames } from '../lists/lookups';
import { ResourceList, type ListColumn } from '../lists/ResourceList';
import { Link } from '../router';
import { CompleteTaskButton } from './CompleteTaskButton';

type TaskRow = Task & { accountName: string };
const fetchTasks = async (params: ListParams) => withAccountNames(await api.tasks(params));

/** Tasks: mine by default, open first by due date; overdue ones can be singled out. */
export default function TaskList() {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.user;
  const { byId: users, users: userList } = useUsers();
  const [status, setStatus] = useState('open');
  const [assigneeId, setAssignee] = useState(me?.id ?? 'all');
  const [overdue, setOverdue] = useState(false);
  const params = filterParams({ status, assigneeId, overdue: overdue ? 'true' : null });

  const columns = useMemo<ListColumn<TaskRow>[]>(
    () => [
      { key: 'title', label: t('fields.taskTitle'), render: (r) => r.title, text: (r) => r.title },
      {
        key: 'dueAt',
        label: t('fields.dueAt'),
        sort: 'dueAt',
        render: (r) => (r.dueAt ? <time dateTime={r.dueAt}>{formatDateTime(r.dueAt, i18n.language, me?.timeZone)}</time> : '—'),
        text: (r) => r.dueAt,
      },
      { key: 'status', label: t('fields.status'), render: (r) => <Badge variant="outline">{t(`taskStatus.${r.status}`)}</Badge>, text: (r) => t(`taskStatus.${r.status}`) },
      { key: 'assignee', label: t('fields.assignee'), render: (r) => (r.assigneeId ? users.get(r.assigneeId)?.name : null) ?? '—', text: (r) => (r.assigneeId ? users.get(r.assigneeId)?.name : '') ?? '' },
      {
        key: 'account',
        label: t('fields.account'),
        render: (r) =>
          r.accountId ? (
            <Anchor component={Link} to={`/accounts/${r.accountId}`} size="sm">
              {r.accountName || t('common.open')}
            </Anchor>
          ) : (
            '—'
          ),
        text: (r) => r.accountName,
      },
      { key: 'source', label: t('fields.source'), render: (r) => t(`taskSource.${r.source}`), text: (r) => t(`taskSource.${r.source}`) },
      { key: 'createdAt', label: t('fields.createdAt'), sort: 'createdAt', render: (r) => formatDateTime(r.createdAt, i18n.language, me?.timeZone), text: (r) => r.createdAt },
      {
        key: 'actions',
        label: t('lists.actions'),
        render: (r) => (r.status === 'open' && canWriteTask(me, r) ? <CompleteTaskButton task={r} /> : null),
        text: () => null,
      },
    ],
    [t, i18n.language, users, me],
  );

  return (
    <ResourceList
      name="tasks"
      title={t('tasks.title')}
      columns={columns}
      defaultColumns={['title', 'dueAt', 'status', 'assignee', 'account', 'actions']}
      defaultSort="dueAt"
      params={params}
      fetchPage={fetchTasks}
      rowKey={(r) => r.id}
      emptyTitle={t('tasks.empty')}
      emptyHint={t('tasks.emptyHint')}
      filters={
        <>
          <ChoiceFilter label={t('fields.status')} value={status} onChange={setStatus} options={taskStatuses.map((v) => ({ value: v, label: t(`taskStatus.${v}`) }))} />
          <ChoiceFilter label={t('fields.assignee')} value={assigneeId} onChange={setAssignee} options={userList.map((u) => ({ value: u.id, label: u.name }))} />
          <Checkbox label={t('tasks.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
        </>
      }
    />
  );
}
