import { Alert, Button, Checkbox, FileInput, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../src/domain/policy';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { actorOf } from '../auth/permissions';
import { formatDate } from '../format/format';
import { ErrorState, Loading } from '../ui/States';
import { analyticsApi, type BassFitResponse } from './analyticsApi';
import { NumbersTable } from './ChartCard';
import { round, significant, type DataTable } from './chartData';
import { parseSeriesCsv } from './seriesCsv';

/**
 * The solution's saved Bass prior, and fitting an analogous product's market history to save
 * as the prior (ANALYTICS.md "Thin data"): product specialists, marcomm and admins save.
 */
export function PriorPanel({ solutionId, bucket, me }: { solutionId: string; bucket: 'month' | 'quarter'; me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const canWrite = can(actorOf(me), 'write', { type: 'bass_prior' });
  const prior = useQuery({ queryKey: ['analytics', 'prior', solutionId], queryFn: () => analyticsApi.prior(solutionId) });
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [fitted, setFitted] = useState<{ result: BassFitResponse; rows: { period: string; adoptions: number }[] } | null>(null);
  const [source, setSource] = useState('');
  const [unit, setUnit] = useState<'month' | 'quarter'>(bucket);
  const [keepM, setKeepM] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['analytics'] });
  const fit = useMutation({
    mutationFn: (rows: { period: string; adoptions: number }[]) => analyticsApi.fit({ series: rows.map((r) => r.adoptions), forecastPeriods: 0 }),
    onSuccess: (result, rows) => setFitted({ result, rows }),
  });
  const save = useMutation({
    mutationFn: () => {
      if (!fitted?.result.ok) throw new Error('no fit');
      const current = prior.data;
      return analyticsApi.savePrior(solutionId, {
        p: fitted.result.p,
        q: fitted.result.q,
        m: keepM ? fitted.result.m : null,
        periodUnit: unit,
        source: source.trim() || t('analytics.prior.defaultSource'),
        series: fitted.rows,
        ...(current ? { version: current.version } : {}),
      });
    },
    onSuccess: () => {
      setFitted(null);
      setText('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (version: number) => analyticsApi.removePrior(solutionId, version),
    onSuccess: () => {
      setConfirmRemove(false);
      void refresh();
    },
  });

  const runFit = () => {
    const parsed = parseSeriesCsv(text);
    if (!parsed.ok) {
      setParseError(t(`analytics.prior.csvError.${parsed.reason}`, { line: parsed.line }));
      return;
    }
    setParseError(null);
    fit.mutate(parsed.rows);
  };
  const readFile = async (file: File | null) => {
    if (file) setText(await file.text());
  };

  const saved = prior.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bass-prior-heading">
      <Title order={2} size="h4" id="bass-prior-heading" mb="xs">
        {t('analytics.prior.title')}
      </Title>
      {prior.isPending ? <Loading /> : null}
      {prior.error ? <ErrorState error={prior.error} onRetry={() => void prior.refetch()} /> : null}
      {prior.isSuccess && saved === null ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('analytics.prior.none')}
        </Text>
      ) : null}
      {saved ? (
        <Stack gap={4} mb="sm">
          <Text size="sm">
            {t('analytics.prior.saved', {
              source: saved.source,
              p: significant(saved.p),
              q: significant(saved.q),
              m: saved.m === null ? t('analytics.prior.marketSize') : round(saved.m, 1),
              unit: t(`analytics.bucket.${saved.periodUnit}`),
              date: formatDate(saved.savedAt.slice(0, 10), i18n.language),
            })}
          </Text>
          {canWrite ? (
            <Group>
              <Button size="xs" variant="light" color="red" onClick={() => setConfirmRemove(true)}>
                {t('analytics.prior.remove')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}

      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('analytics.prior.fitTitle')}
        </Text>
        <Textarea
          label={t('analytics.prior.seriesLabel')}
          description={t('analytics.prior.seriesHint')}
          autosize
          minRows={4}
          maxRows={12}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={parseError}
        />
        <Group align="flex-end">
          <FileInput label={t('analytics.prior.upload')} accept=".csv,text/csv" clearable onChange={(f) => void readFile(f)} w={260} />
          <Button onClick={runFit} loading={fit.isPending} disabled={text.trim() === ''}>
            {t('analytics.prior.fit')}
          </Button>
        </Group>
        {fit.error ? <ErrorState error={fit.error} /> : null}
        {fitted ? <FitResult result={fitted.result} /> : null}
        {fitted?.result.ok && canWrite ? (
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput label={t('analytics.prior.source')} placeholder={t('analytics.prior.defaultSource')} value={source} onChange={(e) => setSource(e.currentTarget.value)} w={320} />
              <NativeSelect
                label={t('analytics.prior.unit')}
                value={unit}
                onChange={(e) => setUnit(e.currentTarget.value === 'quarter' ? 'quarter' : 'month')}
                data={[
                  { value: 'month', label: t('analytics.bucket.month') },
                  { value: 'quarter', label: t('analytics.bucket.quarter') },
                ]}
              />
            </Group>
            <Checkbox label={t('analytics.prior.keepM')} checked={keepM} onChange={(e) => setKeepM(e.currentTarget.checked)} />
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t('analytics.prior.save')}
              </Button>
            </Group>
            {save.error ? <Alert color="red">{save.error instanceof ApiError ? save.error.message : t('common.networkError')}</Alert> : null}
          </Stack>
        ) : null}
      </Stack>

      <Modal opened={confirmRemove} onClose={() => setConfirmRemove(false)} title={t('analytics.prior.removeTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{t('analytics.prior.removeBody')}</Text>
          {remove.error ? <Alert color="red">{remove.error instanceof ApiError ? remove.error.message : t('common.networkError')}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmRemove(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => saved && remove.mutate(saved.version)}>
              {t('analytics.prior.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function FitResult({ result }: { result: BassFitResponse }) {
  const { t } = useTranslation();
  if (!result.ok) return <Alert color="orange">{t('analytics.prior.cannotFit', { message: result.message })}</Alert>;
  const flags = [result.flags.prePeak ? t('analytics.fit.prePeak') : null, result.flags.thinData ? t('analytics.fit.thinData') : null, ...result.flags.activeBounds.map((b) => t('analytics.fit.bound', { bound: b }))].filter(Boolean);
  const table: DataTable = {
    headers: [t('analytics.col.parameter'), t('analytics.col.value')],
    rows: [
      ['p', significant(result.p)],
      ['q', significant(result.q)],
      ['m', round(result.m, 1)],
      [t('analytics.fit.peak'), result.peak.kind === 'interior' ? round(result.peak.t, 2) : t('analytics.fit.peakAtLaunch')],
      ['R²', round(result.r2, 3)],
      [t('analytics.fit.flags'), flags.length > 0 ? flags.join('; ') : '—'],
    ],
  };
  return <NumbersTable table={table} caption={t('analytics.prior.fitCaption')} />;
}
