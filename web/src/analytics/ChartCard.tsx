import { Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/States';
import { toCsv, type DataTable } from './chartData';
import type { ChartOption } from './chartOptions';

/** The chart code (echarts) arrives only when a chart is first shown. */
const Chart = lazy(() => import('./Chart'));

/** Saves text as a file in the browser. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A table of a chart's numbers: the chart's text alternative and what the CSV holds. */
export function NumbersTable({ table, caption }: { table: DataTable; caption: string }) {
  return (
    <ScrollArea>
      <Table striped withTableBorder fz="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <Table.Th key={j} scope="row" fw={500}>
                    {cell ?? ''}
                  </Table.Th>
                ) : (
                  <Table.Td key={j} ta={typeof cell === 'number' ? 'right' : undefined}>
                    {cell ?? ''}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/**
 * A chart with its title, its numbers as a table (shown on request, always in the page for
 * assistive technology through the toggle) and downloads as CSV and PNG.
 */
export function ChartCard({
  title,
  table,
  option,
  fileName,
  children,
  showTable = false,
  height,
}: {
  title: string;
  table: DataTable;
  option: ChartOption | null;
  fileName: string;
  children?: ReactNode;
  showTable?: boolean;
  height?: number;
}) {
  const { t } = useTranslation();
  const [tableShown, setTableShown] = useState(showTable);
  const headingId = useId();
  const tableId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="light" aria-expanded={tableShown} aria-controls={tableId} onClick={() => setTableShown((v) => !v)}>
            {tableShown ? t('analytics.hideTable') : t('analytics.showTable')}
          </Button>
          <Button size="xs" variant="light" onClick={() => downloadText(toCsv(table), `${fileName}.csv`)}>
            {t('analytics.downloadCsv')}
          </Button>
        </Group>
      </Group>
      {children}
      {option ? (
        <Suspense fallback={<Loading label={t('analytics.loadingChart')} />}>
          <Chart option={option} label={title} fileName={fileName} {...(height ? { height } : {})} />
        </Suspense>
      ) : null}
      <div id={tableId} hidden={!tableShown}>
        {table.rows.length === 0 ? <Text c="dimmed">{t('analytics.noRows')}</Text> : <NumbersTable table={table} caption={title} />}
      </div>
    </Paper>
  );
}
