import { Button, Checkbox, Group, Popover, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListParams } from '../api/client';
import type { Page } from '../api/types';
import { Empty, ErrorState, Loading } from '../ui/States';
import { csvFileName, downloadCsv, toCsv } from './csv';
import { loadColumns, nextSort, saveColumns, sortDirection, toggleColumn } from './listModel';
import classes from './List.module.css';

export interface ListColumn<T> {
  key: string;
  label: string;
  /** The API's sort field for this column, when the server can sort by it. */
  sort?: string;
  align?: 'left' | 'right';
  render(row: T): ReactNode;
  /** The column's text in the CSV export. */
  text(row: T): string | number | null | undefined;
}

interface ResourceListProps<T> {
  /** Names the query, the saved column choice and the CSV file. */
  name: string;
  title: string;
  columns: ListColumn<T>[];
  defaultColumns: string[];
  defaultSort: string;
  /** Filters as API parameters; a change starts again from the first page. */
  params: Record<string, string>;
  fetchPage(params: ListParams): Promise<Page<T>>;
  rowKey(row: T): string;
  filters?: ReactNode;
  actions?: ReactNode;
  emptyTitle: string;
  emptyHint?: string;
  pageSize?: number;
}

/**
 * A list screen: sortable headers, filters, keyset paging ("load more" with nextCursor),
 * a choice of columns kept per list, and CSV export of the rows loaded so far.
 */
export function ResourceList<T>({ name, title, columns, defaultColumns, defaultSort, params, fetchPage, rowKey, filters, actions, emptyTitle, emptyHint, pageSize = 50 }: ResourceListProps<T>) {
  const { t } = useTranslation();
  const allKeys = useMemo(() => columns.map((c) => c.key), [columns]);
  const [visible, setVisible] = useState<string[]>(() => loadColumns(name, allKeys, defaultColumns));
  const [sort, setSort] = useState(defaultSort);
  const query = useInfiniteQuery({
    queryKey: [name, 'list', params, sort],
    queryFn: ({ pageParam }) => fetchPage({ ...params, sort, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const shown = columns.filter((c) => visible.includes(c.key));

  function choose(key: string) {
    const next = toggleColumn(visible, key, allKeys);
    setVisible(next);
    saveColumns(name, next);
  }

  function exportCsv() {
    downloadCsv(csvFileName(name), toCsv(shown.map((c) => ({ header: c.label, value: c.text })), rows));
  }

  return (
    <div>
      <Group justify="space-between" align="center" mb="sm" wrap="wrap" gap="xs">
        <Title order={1} size="h3">
          {title}
        </Title>
        <Group gap="xs">{actions}</Group>
      </Group>
      <div className={classes.toolbar}>
        <div className={classes.filters} role="search" aria-label={t('lists.filters', { list: title })}>
          {filters}
        </div>
        <Group gap="xs">
          <Popover position="bottom-end" withinPortal shadow="md" trapFocus>
            <Popover.Target>
              <Button variant="default" size="sm">
                {t('lists.columns')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 8 }}>{t('lists.chooseColumns')}</legend>
                <Stack gap={6}>
                  {columns.map((c) => (
                    <Checkbox key={c.key} label={c.label} checked={visible.includes(c.key)} onChange={() => choose(c.key)} />
                  ))}
                </Stack>
              </fieldset>
            </Popover.Dropdown>
          </Popover>
          <Button variant="default" size="sm" onClick={exportCsv} disabled={rows.length === 0}>
            {t('lists.exportCsv')}
          </Button>
        </Group>
      </div>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && rows.length === 0 ? <Empty title={emptyTitle} {...(emptyHint ? { hint: emptyHint } : {})} /> : null}
      {rows.length > 0 ? (
        <>
          <div className={classes.tableWrap}>
            <Table striped highlightOnHover miw={Math.max(480, shown.length * 130)} aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  {shown.map((c) => (
                    <Table.Th key={c.key} scope="col" ta={c.align ?? 'left'} aria-sort={c.sort ? sortDirection(sort, c.sort) : undefined}>
                      {c.sort ? (
                        <button type="button" className={classes.sortButton} onClick={() => setSort(nextSort(sort, c.sort ?? ''))}>
                          {c.label}
                          <span aria-hidden>{sortDirection(sort, c.sort) === 'ascending' ? '▲' : sortDirection(sort, c.sort) === 'descending' ? '▼' : '↕'}</span>
                        </button>
                      ) : (
                        c.label
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={rowKey(row)}>
                    {shown.map((c) => (
                      <Table.Td key={c.key} ta={c.align ?? 'left'}>
                        {c.render(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Group justify="space-between" mt="sm">
            <Text className={classes.count} role="status">
              {t('lists.loaded', { count: rows.length })}
            </Text>
            {query.hasNextPage ? (
              <Button variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Group>
        </>
      ) : null}
    </div>
  );
}
