import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstTouchChannels } from '../../../src/domain/firstTouch';
import { tiers } from '../../../src/shared/vocabulary';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { Link, navigate, useLocation } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { analyticsApi, type FunnelReport } from './analyticsApi';
import { ChartCard, NumbersTable } from './ChartCard';
import {
  adopterDistribution,
  adopterSummaryTable,
  adopterTable,
  amTable,
  answerRate,
  csatTable,
  npsTable,
  surveyQuery,
  fitTable,
  funnelTable,
  heatMap,
  heatMapTable,
  outcomesTable,
  practiceBars,
  practiceTable,
  reasonsTable,
  sCurve,
  sCurveTable,
} from './chartData';
import { adoptersOption, countBarsOption, funnelOption, heatMapOption, outcomesOption, practiceOption, sCurveOption } from './chartOptions';
import { analyticsHref, analyticsViews, apiFilter, filtersFromSearch, viewFromSearch, type AnalyticsFilters, type AnalyticsView } from './filters';
import { PriorPanel } from './PriorPanel';

const heatDimensions = ['industry', 'city', 'province', 'region', 'sizeBand', 'tier', 'team', 'owner', 'channel', 'solution', 'cohort'] as const;
type HeatDimension = (typeof heatDimensions)[number];

/** Diffusion and funnel dashboards (DESIGN.md §5): each chart with its table, CSV and PNG. */
export default function AnalyticsPage({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const view = viewFromSearch(search);
  const filters = filtersFromSearch(search);
  const params = new URLSearchParams(search);
  const extras = { bucket: params.get('bucket'), by: params.get('by') };
  const go = (nextView: AnalyticsView, nextFilters: AnalyticsFilters, nextExtras = extras) => navigate(analyticsHref(nextView, nextFilters, nextExtras), { replace: true });

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('analytics.title')}
      </Title>
      <FilterBar filters={filters} onChange={(next) => go(view, next)} />
      <Tabs value={view} onChange={(v) => v && go(v as AnalyticsView, filters)} keepMounted={false}>
        <Tabs.List>
          {analyticsViews.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {t(`analytics.view.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {analyticsViews.map((v) => (
          <Tabs.Panel key={v} value={v} pt="md">
            {v === 'funnel' ? <FunnelView filters={filters} /> : null}
            {v === 'diffusion' ? <DiffusionView filters={filters} bucket={extras.bucket === 'quarter' ? 'quarter' : 'month'} onBucket={(b) => go(v, filters, { ...extras, bucket: b })} me={me} /> : null}
            {v === 'adopters' ? <AdoptersView filters={filters} /> : null}
            {v === 'heatmap' ? <HeatMapView filters={filters} by={(heatDimensions as readonly string[]).includes(extras.by ?? '') ? (extras.by as HeatDimension) : 'industry'} onBy={(b) => go(v, filters, { ...extras, by: b })} /> : null}
            {v === 'practice' ? <PracticeView filters={filters} /> : null}
            {v === 'satisfaction' ? <SatisfactionView filters={filters} /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function FilterBar({ filters, onChange }: { filters: AnalyticsFilters; onChange: (next: AnalyticsFilters) => void }) {
  const { t } = useTranslation();
  const solutions = useQuery({ queryKey: ['solutions', 'all'], queryFn: () => api.solutions() });
  const principals = useQuery({ queryKey: ['principals', 'all'], queryFn: () => api.principals() });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.teams() });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => api.users() });
  const [city, setCity] = useState(filters.city ?? '');
  useEffect(() => setCity(filters.city ?? ''), [filters.city]);
  const set = (key: keyof AnalyticsFilters, value: string) => onChange({ ...filters, [key]: value === '' ? null : value });
  const any = { value: '', label: t('analytics.filter.any') };
  return (
    <Paper withBorder p="sm" component="form" aria-label={t('analytics.filter.label')} onSubmit={(e) => (e.preventDefault(), set('city', city.trim()))}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs">
        <NativeSelect label={t('analytics.filter.solution')} value={filters.solution ?? ''} onChange={(e) => set('solution', e.currentTarget.value)} data={[any, ...(solutions.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]} />
        <NativeSelect label={t('analytics.filter.principal')} value={filters.principal ?? ''} onChange={(e) => set('principal', e.currentTarget.value)} data={[any, ...(principals.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
        <NativeSelect label={t('analytics.filter.team')} value={filters.team ?? ''} onChange={(e) => set('team', e.currentTarget.value)} data={[any, ...(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))]} />
        <NativeSelect
          label={t('analytics.filter.owner')}
          value={filters.owner ?? ''}
          onChange={(e) => set('owner', e.currentTarget.value)}
          data={[any, ...(users.data?.items ?? []).filter((u) => u.role === 'account_manager' || u.role === 'sales_manager').map((u) => ({ value: u.id, label: u.name }))]}
        />
        <TextInput label={t('analytics.filter.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} onBlur={() => city.trim() !== (filters.city ?? '') && set('city', city.trim())} />
        <NativeSelect label={t('analytics.filter.tier')} value={filters.tier ?? ''} onChange={(e) => set('tier', e.currentTarget.value)} data={[any, ...tiers.map((x) => ({ value: x, label: t(`tier.${x}`) }))]} />
        <NativeSelect label={t('analytics.filter.channel')} value={filters.channel ?? ''} onChange={(e) => set('channel', e.currentTarget.value)} data={[any, ...firstTouchChannels.map((c) => ({ value: c, label: t(`analytics.channel.${c}`) }))]} />
        <TextInput type="date" label={t('analytics.filter.from')} value={filters.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('analytics.filter.to')} value={filters.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
        <Group align="flex-end">
          <Button variant="subtle" onClick={() => onChange(Object.fromEntries(Object.keys(filters).map((k) => [k, null])) as AnalyticsFilters)}>
            {t('analytics.filter.clear')}
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}

function FunnelView({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const query = apiFilter(filters);
  const funnel = useQuery({ queryKey: ['analytics', 'funnel', query], queryFn: () => analyticsApi.funnel(query) });
  if (funnel.isPending) return <Loading />;
  if (funnel.error) return <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />;
  const report = funnel.data;
  if (report.stages.every((s) => s.entered === 0) && report.outcomes.closed === 0) return <Empty title={t('analytics.empty.funnel')} hint={t('analytics.empty.funnelHint')} />;
  return (
    <Stack gap="md">
      <ChartCard title={t('analytics.funnel.title')} table={funnelTable(report, t)} option={funnelOption(report, t)} fileName="funnel">
        <Text size="sm" c="dimmed">
          {t('analytics.funnel.help')}
        </Text>
      </ChartCard>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title={t('analytics.funnel.outcomes')} table={outcomesTable(report, t)} option={outcomesOption(report, t)} fileName="outcomes" height={260} />
        <ChartCard title={t('analytics.funnel.reasons')} table={reasonsTable(report, t)} option={null} fileName="reasons" showTable />
      </SimpleGrid>
    </Stack>
  );
}

function SolutionNeeded() {
  const { t } = useTranslation();
  return <Empty title={t('analytics.empty.chooseSolution')} hint={t('analytics.empty.chooseSolutionHint')} />;
}

function DiffusionView({ filters, bucket, onBucket, me }: { filters: AnalyticsFilters; bucket: 'month' | 'quarter'; onBucket: (b: string) => void; me: Me['user'] }) {
  const { t } = useTranslation();
  const solutionId = filters.solution;
  const query = { bucket, forecastPeriods: bucket === 'month' ? 12 : 4, ...(filters.to ? { to: filters.to } : {}) };
  const diffusion = useQuery({ queryKey: ['analytics', 'diffusion', solutionId, query], queryFn: () => analyticsApi.diffusion(solutionId ?? '', query), enabled: solutionId !== null });
  if (solutionId === null) return <SolutionNeeded />;
  if (diffusion.isPending) return <Loading />;
  if (diffusion.error) return <ErrorState error={diffusion.error} onRetry={() => void diffusion.refetch()} />;
  const report = diffusion.data;
  const curve = sCurve(report);
  const fit = report.fit;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {report.solution.name}
        </Title>
        <NativeSelect
          label={t('analytics.bucket.label')}
          value={bucket}
          onChange={(e) => onBucket(e.currentTarget.value)}
          data={[
            { value: 'month', label: t('analytics.bucket.month') },
            { value: 'quarter', label: t('analytics.bucket.quarter') },
          ]}
        />
      </Group>
      {report.adopters === 0 ? (
        <Empty title={t('analytics.empty.noAdoptions')} hint={t('analytics.empty.noAdoptionsHint')} />
      ) : (
        <ChartCard title={t('analytics.diffusion.title', { name: report.solution.name })} table={sCurveTable(curve, t)} option={sCurveOption(curve, t)} fileName={`s-curve-${bucket}`} height={360}>
          <Text size="sm" c="dimmed">
            {t('analytics.diffusion.help', { launch: report.launch.date ?? '—' })}
          </Text>
        </ChartCard>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="bass-fit-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="bass-fit-heading">
            {t('analytics.fit.title')}
          </Title>
          <Group gap={6}>
            {fit.ok && fit.flags.prePeak ? <Badge color="orange">{t('analytics.fit.prePeak')}</Badge> : null}
            {fit.ok && fit.flags.thinData ? <Badge color="yellow">{t('analytics.fit.thinData')}</Badge> : null}
            {fit.ok ? fit.flags.activeBounds.map((b) => <Badge key={b} color="gray">{t('analytics.fit.bound', { bound: b })}</Badge>) : null}
            {fit.ok && fit.flags.usedPrior.length > 0 ? <Badge color="blue">{t('analytics.fit.priorBadge', { parts: fit.flags.usedPrior.join(', ') })}</Badge> : null}
          </Group>
        </Group>
        <NumbersTable table={fitTable(report, t)} caption={t('analytics.fit.caption', { name: report.solution.name })} />
        <Text size="xs" c="dimmed" mt="xs">
          {t('analytics.fit.marketNote', { size: report.market.size })}
        </Text>
      </Paper>
      <PriorPanel solutionId={report.solution.id} bucket={bucket} me={me} />
    </Stack>
  );
}

function AdoptersView({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const solutionId = filters.solution;
  const adopters = useQuery({ queryKey: ['analytics', 'adopters', solutionId], queryFn: () => analyticsApi.adopters(solutionId ?? ''), enabled: solutionId !== null });
  const first = useQuery({ queryKey: ['analytics', 'approach-first', solutionId], queryFn: () => analyticsApi.approachFirst(solutionId ?? ''), enabled: solutionId !== null });
  if (solutionId === null) return <AdopterSummaries />;
  if (adopters.isPending) return <Loading />;
  if (adopters.error) return <ErrorState error={adopters.error} onRetry={() => void adopters.refetch()} />;
  const report = adopters.data;
  const bars = adopterDistribution(report);
  return (
    <Stack gap="md">
      {report.adopters.length === 0 ? (
        <Empty title={t('analytics.empty.noAdoptions')} hint={t('analytics.empty.noAdoptionsHint')} />
      ) : !report.classification.ok ? (
        <Empty title={t('analytics.adopters.unclassifiable')} hint={t('analytics.adopters.unclassifiableHint', { count: report.adopters.length })} />
      ) : (
        <ChartCard title={t('analytics.adopters.title', { name: report.solution.name })} table={adopterTable(bars, t)} option={adoptersOption(bars, report.adopters.length, t)} fileName="adopter-categories">
          <Group gap="xs" mb="xs">
            {report.provisional.value ? (
              <Badge color="orange" title={report.provisional.reasons.map((r) => t(`analytics.provisional.${r}`)).join('; ')}>
                {t('analytics.adopters.provisional')}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('analytics.adopters.help', { mean: report.classification.meanDays.toFixed(0), sd: report.classification.sdDays.toFixed(0) })}
            </Text>
          </Group>
          {report.provisional.value ? (
            <Text size="sm" mb="xs">
              {report.provisional.reasons.map((r) => t(`analytics.provisional.${r}`)).join(' ')}
            </Text>
          ) : null}
        </ChartCard>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="approach-first-heading">
        <Title order={2} size="h4" id="approach-first-heading" mb="xs">
          {t('analytics.approachFirst.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('analytics.approachFirst.help')}
        </Text>
        {first.isPending ? <Loading /> : null}
        {first.error ? <ErrorState error={first.error} onRetry={() => void first.refetch()} /> : null}
        {first.data && first.data.accounts.length === 0 ? <Text c="dimmed">{t('analytics.approachFirst.none')}</Text> : null}
        {first.data && first.data.accounts.length > 0 ? (
          <Stack gap={4} component="ol" pl="md">
            {first.data.accounts.map((a) => (
              <li key={a.accountId}>
                <Anchor component={Link} to={`/accounts/${a.accountId}`}>
                  {a.accountName}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {t('analytics.approachFirst.line', { city: a.city, score: a.innovativeness.toFixed(2), solutions: a.solutions })}
                  {a.journey ? ` · ${t(`stage.${a.journey.stage}`)}` : ` · ${t('analytics.approachFirst.noJourney')}`}
                </Text>
              </li>
            ))}
          </Stack>
        ) : null}
      </Paper>
    </Stack>
  );
}

/** Without a chosen solution: every solution's adopter categories in one table. */
function AdopterSummaries() {
  const { t } = useTranslation();
  const summaries = useQuery({ queryKey: ['analytics', 'adopter-categories'], queryFn: () => analyticsApi.adopterCategories() });
  if (summaries.isPending) return <Loading />;
  if (summaries.error) return <ErrorState error={summaries.error} onRetry={() => void summaries.refetch()} />;
  if (summaries.data.every((s) => s.adopters === 0)) return <Empty title={t('analytics.adopters.allNone')} hint={t('analytics.empty.noAdoptionsHint')} />;
  return (
    <ChartCard title={t('analytics.adopters.allTitle')} table={adopterSummaryTable(summaries.data, t)} option={null} fileName="adopter-categories-per-solution" showTable>
      <Text size="sm" c="dimmed" mb="xs">
        {t('analytics.adopters.allHint')}
      </Text>
    </ChartCard>
  );
}

function HeatMapView({ filters, by, onBy }: { filters: AnalyticsFilters; by: HeatDimension; onBy: (b: string) => void }) {
  const { t } = useTranslation();
  const query = { ...apiFilter(filters), by };
  const funnel = useQuery({ queryKey: ['analytics', 'funnel', query], queryFn: () => analyticsApi.funnel(query) });
  const labelOf = (key: string | null, label: string | null): string => {
    if (key === null) return t('analytics.none');
    if (by === 'channel') return t(`analytics.channel.${key}`);
    if (by === 'industry') return t(`industry.${key}`);
    if (by === 'tier') return t(`tier.${key}`);
    if (by === 'region') return t(`region.${key}`);
    return label ?? key;
  };
  const dimensionLabel = t(`analytics.dimension.${by}`);
  return (
    <Stack gap="md">
      <NativeSelect label={t('analytics.heatmap.by')} value={by} onChange={(e) => onBy(e.currentTarget.value)} data={heatDimensions.map((d) => ({ value: d, label: t(`analytics.dimension.${d}`) }))} maw={280} />
      {funnel.isPending ? <Loading /> : null}
      {funnel.error ? <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} /> : null}
      {funnel.data ? <HeatMapCard report={funnel.data} labelOf={labelOf} dimension={dimensionLabel} /> : null}
    </Stack>
  );
}

function HeatMapCard({ report, labelOf, dimension }: { report: FunnelReport; labelOf: (key: string | null, label: string | null) => string; dimension: string }) {
  const { t } = useTranslation();
  const map = heatMap(report, t('analytics.none'), labelOf);
  if (map.rows.length === 0) return <Empty title={t('analytics.empty.funnel')} hint={t('analytics.empty.funnelHint')} />;
  return (
    <ChartCard title={t('analytics.heatmap.title', { dimension })} table={heatMapTable(map, t, dimension)} option={heatMapOption(map, t)} fileName="conversion-heatmap" height={Math.max(260, 40 + map.rows.length * 28)}>
      <Text size="sm" c="dimmed">
        {t('analytics.heatmap.help')}
      </Text>
    </ChartCard>
  );
}

function PracticeView({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const query = apiFilter(filters);
  const practice = useQuery({ queryKey: ['analytics', 'practice', query], queryFn: () => analyticsApi.sellingPractice(query) });
  if (practice.isPending) return <Loading />;
  if (practice.error) return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  const report = practice.data;
  if (report.overall.decided === 0) return <Empty title={t('analytics.empty.practice')} hint={t('analytics.empty.funnelHint')} />;
  const bars = practiceBars(report, t);
  return (
    <Stack gap="md">
      <ChartCard title={t('analytics.practice.title')} table={practiceTable(report, t)} option={practiceOption(bars.names, bars.conversion, t)} fileName="selling-practice">
        <Text size="sm" c="dimmed">
          {t('analytics.practice.help', { conversion: report.overall.conversion === null ? '—' : `${(report.overall.conversion * 100).toFixed(1)}%`, decided: report.overall.decided })}
        </Text>
      </ChartCard>
      <ChartCard title={t('analytics.practice.perAm')} table={amTable(report, t)} option={null} fileName="conversion-per-am" showTable>
        <Text size="sm" c="dimmed">
          {t('analytics.practice.perAmHelp')}
        </Text>
      </ChartCard>
    </Stack>
  );
}

function SatisfactionView({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const query = surveyQuery(filters);
  const summary = useQuery({ queryKey: ['analytics', 'satisfaction', query], queryFn: () => analyticsApi.surveySummary(query) });
  if (summary.isPending) return <Loading />;
  if (summary.error) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (s.csat.answered === 0 && s.nps.answered === 0) return <Empty title={t('analytics.empty.satisfaction')} hint={t('analytics.empty.satisfactionHint')} />;
  const csat = csatTable(s, t);
  const nps = npsTable(s, t);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('analytics.satisfaction.filtersNote')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title={t('analytics.satisfaction.csatTitle')} table={csat} option={countBarsOption(csat.rows, t('analytics.satisfaction.answers'))} fileName="csat">
          <Text size="sm" c="dimmed">
            {t('analytics.satisfaction.csatHelp', { average: s.csat.average === null ? '—' : s.csat.average.toFixed(2), answered: s.csat.answered, sent: s.csat.sent, rate: answerRate(s.csat.answered, s.csat.sent) })}
          </Text>
        </ChartCard>
        <ChartCard title={t('analytics.satisfaction.npsTitle')} table={nps} option={countBarsOption(nps.rows, t('analytics.satisfaction.answers'))} fileName="nps">
          <Text size="sm" c="dimmed">
            {t('analytics.satisfaction.npsHelp', { score: s.nps.score ?? '—', answered: s.nps.answered, sent: s.nps.sent, rate: answerRate(s.nps.answered, s.nps.sent) })}
          </Text>
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
