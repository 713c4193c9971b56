import type { Command } from 'commander';
import { dateSchema } from '../../shared/schemas/common.js';
import { funnelSlices, type FunnelSlice } from '../../shared/schemas/analytics.js';
import type { Services } from '../../services/index.js';
import { output, withContext } from '../context.js';
import { CliError } from './admin.js';
import { adopterCategories, type AdopterCategory } from '../../domain/adopters.js';

export const formats = ['table', 'csv', 'json'] as const;
export type Format = (typeof formats)[number];

export interface Table {
  title?: string;
  headers: string[];
  rows: (string | number | null | undefined)[][];
}

interface ReportOptions {
  solution?: string;
  from?: string;
  to?: string;
  by?: string;
  bucket?: string;
  limit?: string;
  minSolutions?: string;
  format: string;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('Diffusion and funnel analytics (see docs/analytics.md)');
  const common = (command: Command) =>
    command
      .option('--solution <name-or-id>', 'the solution, by name or id')
      .option('--from <YYYY-MM-DD>', 'first day of the period (UTC)')
      .option('--to <YYYY-MM-DD>', 'last day of the period (UTC)')
      .option('--format <format>', `one of ${formats.join(', ')}`, 'table');

  common(report.command('funnel').description('Journeys entering each stage, conversion, time in stage, outcomes and reasons'))
    .option('--by <dimension>', `also break down by ${funnelSlices.join(', ')}`)
    .action((options: ReportOptions) =>
      run(options, async (services) => {
        if (options.by !== undefined && !(funnelSlices as readonly string[]).includes(options.by)) {
          throw new CliError(`--by must be one of ${funnelSlices.join(', ')}, not "${options.by}"`);
        }
        const solutionId = options.solution === undefined ? undefined : (await services.analytics.solution(options.solution)).id;
        const data = await services.analytics.funnel({
          ...(solutionId === undefined ? {} : { solutionId }),
          ...period(options),
          ...(options.by === undefined ? {} : { by: options.by as FunnelSlice }),
        });
        const tables: Table[] = [
          {
            title: 'Funnel',
            headers: ['stage', 'entered', 'advanced', 'conversion', 'stays', 'median days', 'p90 days'],
            rows: data.stages.map((s) => [s.stage, s.entered, s.advanced, percent(s.conversion), s.timeInStage.stays, fixed(s.timeInStage.medianDays), fixed(s.timeInStage.p90Days)]),
          },
          {
            title: 'Outcomes',
            headers: ['outcome', 'journeys', 'share of closed'],
            rows: [
              ['adopted', data.outcomes.adopted, percent(data.outcomes.adoptedRate)],
              ['rejected', data.outcomes.rejected, percent(data.outcomes.rejectedRate)],
              ['discontinued', data.outcomes.discontinued, percent(data.outcomes.discontinuedRate)],
            ],
          },
          { title: 'Reasons', headers: ['outcome', 'reason', 'journeys'], rows: data.reasons.map((r) => [r.outcome, r.reason, r.count]) },
        ];
        if (data.slices) {
          tables.push({
            title: `By ${data.slices.by}`,
            headers: [data.slices.by, ...data.slices.groups[0]?.stages.map((s) => s.stage) ?? [], 'adopted'],
            rows: data.slices.groups.map((g) => [g.label ?? g.key ?? '(none)', ...g.stages.map((s) => s.entered), g.adopted]),
          });
        }
        return { data, tables };
      }),
    );

  common(report.command('diffusion').description('Adoptions per period since launch, Bass fit (p, q, m) and forecast; every solution without --solution'))
    .option('--bucket <bucket>', 'month or quarter', 'month')
    .action((options: ReportOptions) =>
      run(options, async (services, format) => {
        const bucket = options.bucket === 'quarter' ? 'quarter' : options.bucket === 'month' ? 'month' : null;
        if (bucket === null) throw new CliError(`--bucket must be month or quarter, not "${options.bucket}"`);
        const to = period(options).to;
        if (options.solution === undefined) {
          const reports = await services.analytics.diffusionAll({ bucket, forecastPeriods: 0, ...(to ? { to } : {}) });
          return {
            data: reports.map(({ solution, launch, adopters, fit }) => ({ solution, launch, adopters, fit: summaryOfFit(fit) })),
            tables: [
              {
                title: 'Bass fit per solution',
                headers: ['solution', 'launch', 'adopters', 'p', 'q', 'm', 'peak (periods)', 'R²', 'flags'],
                rows: reports.map((r) => [r.solution.name, r.launch.date, r.adopters, ...fitCells(r.fit)]),
              },
            ],
          };
        }
        const data = await services.analytics.diffusion(options.solution, { bucket, forecastPeriods: format === 'json' ? 12 : 6, ...(to ? { to } : {}) });
        const tables: Table[] = [
          {
            title: `${data.solution.name}: launch ${data.launch.date ?? '(none)'} (${data.launch.source}), ${data.adopters} adopters, market ${data.market.size} accounts`,
            headers: ['period', 'index', 'adoptions', 'cumulative', 'fitted'],
            rows: data.periods.map((p, i) => [p.period + (p.complete ? '' : ' (running)'), p.index, p.adoptions, p.cumulative, data.fit.ok ? fixed(data.fit.fitted[i] ?? null) : '']),
          },
          { title: 'Bass fit', headers: ['p', 'q', 'm', 'peak (periods)', 'R²', 'flags'], rows: [fitCells(data.fit)] },
        ];
        if (data.fit.ok && data.fit.forecast) {
          tables.push({
            title: `Forecast (${Math.round(data.fit.forecast.level * 100)}% band)`,
            headers: ['period', 'adoptions', 'low', 'high', 'cumulative', 'low', 'high'],
            rows: data.fit.forecast.points.map((p) => [
              p.period,
              fixed(p.adoptions.expected),
              fixed(p.adoptions.lower),
              fixed(p.adoptions.upper),
              fixed(p.cumulative.expected),
              fixed(p.cumulative.lower),
              fixed(p.cumulative.upper),
            ]),
          });
        }
        return { data, tables };
      }),
    );

  common(report.command('adopters').description('Adopter category of each adopting account of a solution; the categories of every solution without --solution'))
    .action((options: ReportOptions) =>
      run(options, async (services) => {
        if (options.solution === undefined) {
          const summaries = await services.analytics.adopterSummaries();
          const count = (s: (typeof summaries)[number], category: AdopterCategory) =>
            s.classification.ok ? (s.classification.categories.find((k) => k.category === category)?.count ?? 0) : '';
          return {
            data: summaries,
            tables: [
              {
                title: 'Adopter categories per solution (Rogers: 2.5% · 13.5% · 34% · 34% · 16%)',
                headers: ['solution', 'adopters', ...adopterCategories, 'mean days', 'sd days', 'provisional'],
                rows: summaries.map((s) => [
                  s.solution.name,
                  s.adopters,
                  ...adopterCategories.map((category) => count(s, category)),
                  s.classification.ok ? fixed(s.classification.meanDays) : `unclassifiable (${s.classification.reason})`,
                  s.classification.ok ? fixed(s.classification.sdDays) : '',
                  s.provisional.value ? s.provisional.reasons.join(', ') : 'no',
                ]),
              },
            ],
          };
        }
        const data = await services.analytics.adopters(requireSolution(options));
        const c = data.classification;
        return {
          data,
          tables: [
            {
              title: `${data.solution.name}: ${c.ok ? `mean ${fixed(c.meanDays)} days, sd ${fixed(c.sdDays)}` : `unclassifiable (${c.reason})`}${data.provisional.value ? `; provisional (${data.provisional.reasons.join(', ')})` : ''}`,
              headers: ['account', 'adopted', 'days since launch', 'category', 'z'],
              rows: data.adopters.map((a) => [a.accountName, a.adoptedAt.slice(0, 10), fixed(a.adoptionTimeDays), a.category, fixed(a.z)]),
            },
            ...(c.ok ? [{ title: 'Categories', headers: ['category', 'count', 'share', 'Rogers'], rows: c.categories.map((k) => [k.category, k.count, percent(k.share), percent(k.rogersShare)]) }] : []),
          ],
        };
      }),
    );

  common(report.command('approach-first').description('Early adopters elsewhere that have not adopted this solution yet'))
    .option('--limit <n>', 'how many accounts', '25')
    .option('--min-solutions <n>', 'only accounts with an adoption record on at least this many solutions', '2')
    .action((options: ReportOptions) =>
      run(options, async (services) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500, not "${options.limit}"`);
        const minSolutions = Number(options.minSolutions);
        if (!Number.isInteger(minSolutions) || minSolutions < 1 || minSolutions > 50) throw new CliError(`--min-solutions must be a whole number from 1 to 50, not "${options.minSolutions}"`);
        const data = await services.analytics.approachFirst({ solutionId: requireSolution(options), limit, minSolutions });
        return {
          data,
          tables: [
            {
              title: `Approach first for ${data.solution.name}`,
              headers: ['account', 'city', 'industry', 'innovativeness', 'solutions', 'journey'],
              rows: data.accounts.map((a) => [a.accountName, a.city, a.industry, fixed(a.innovativeness), a.solutions, a.journey ? `${a.journey.stage} (${a.journey.outcome})` : '']),
            },
          ],
        };
      }),
    );

  common(report.command('selling-practice').description('Decision conversion with and without SA demos, by response time, per AM against the team'))
    .action((options: ReportOptions) =>
      run(options, async (services) => {
        const solutionId = options.solution === undefined ? undefined : (await services.analytics.solution(options.solution)).id;
        const data = await services.analytics.sellingPractice({ ...(solutionId === undefined ? {} : { solutionId }), ...period(options) });
        return {
          data,
          tables: [
            {
              title: 'Decision → implementation',
              headers: ['group', 'decided', 'adopted', 'conversion'],
              rows: [
                ['all', data.overall.decided, data.overall.adopted, percent(data.overall.conversion)],
                ['with SA demo', data.demo.withDemo.decided, data.demo.withDemo.adopted, percent(data.demo.withDemo.conversion)],
                ['without SA demo', data.demo.withoutDemo.decided, data.demo.withoutDemo.adopted, percent(data.demo.withoutDemo.conversion)],
                ...data.responseTime.map((r) => [`first touch ${r.bucket}`, r.decided, r.adopted, percent(r.conversion)]),
              ],
            },
            {
              title: 'Per account manager',
              headers: ['AM', 'team', 'decided', 'adopted', 'conversion', 'team', 'difference'],
              rows: data.accountManagers.map((a) => [a.ownerName ?? '(none)', a.teamName ?? '', a.decided, a.adopted, percent(a.conversion), percent(a.teamConversion), percent(a.difference)]),
            },
          ],
        };
      }),
    );
}

async function run(options: ReportOptions, work: (services: Services, format: Format) => Promise<{ data: unknown; tables: Table[] }>): Promise<void> {
  const format = parseFormat(options.format);
  period(options);
  await withContext(async ({ services }) => {
    const { data, tables } = await work(services, format);
    // CSV carries the report's main table only, so that it loads straight into a spreadsheet.
    output(format === 'json', data, () => (format === 'csv' ? toCsv({ headers: tables[0]?.headers ?? [], rows: tables[0]?.rows ?? [] }) : tables.map(renderTable).join('\n\n')));
  });
}

export function parseFormat(value: string, allowed: readonly Format[] = formats): Format {
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as Format;
}

function period(options: ReportOptions): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  for (const key of ['from', 'to'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (!dateSchema.safeParse(value).success) throw new CliError(`--${key} must be a date YYYY-MM-DD, not "${value}"`);
    out[key] = value;
  }
  if (out.from && out.to && out.from > out.to) throw new CliError('--from must not be after --to');
  return out;
}

function requireSolution(options: ReportOptions): string {
  if (options.solution === undefined) throw new CliError('--solution <name-or-id> is required for this report');
  return options.solution;
}

type FitLike = Awaited<ReturnType<Services['analytics']['diffusion']>>['fit'];

function fitCells(fit: FitLike): (string | number | null)[] {
  if (!fit.ok) return ['', '', '', '', '', `cannot fit: ${fit.reason}`];
  const flags = [fit.flags.prePeak ? 'pre-peak' : null, fit.flags.thinData ? 'thin data' : null, ...fit.flags.activeBounds.map((b) => `bound ${b}`), fit.flags.usedPrior.length ? `prior: ${fit.flags.usedPrior.join('')}` : null];
  return [fit.p.toPrecision(3), fit.q.toPrecision(3), fixed(fit.m, 1), fixed(fit.peak.t, 1), fixed(fit.r2, 3), flags.filter(Boolean).join(', ')];
}

function summaryOfFit(fit: FitLike) {
  if (!fit.ok) return fit;
  return { ok: true, p: fit.p, q: fit.q, m: fit.m, peak: fit.peak, r2: fit.r2, rmse: fit.rmse, flags: fit.flags, prior: fit.prior };
}

export function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '' : value.toFixed(digits);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`;
}

/** A plain-text table: numbers right-aligned, columns padded to their widest cell. */
export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = table.headers.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const numeric = table.headers.map((_, i) => cells.length > 0 && cells.every((row) => /^-?[\d.,]+%?$|^$/.test(row[i] ?? '')));
  const line = (row: string[]) => row.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [];
  if (table.title) out.push(table.title);
  out.push(line(table.headers), widths.map((w) => '─'.repeat(w)).join('  '));
  if (cells.length === 0) out.push('(none)');
  for (const row of cells) out.push(line(row));
  return out.join('\n');
}

/** RFC 4180 CSV of one table (a title, when there is one, goes in a comment line before it). */
export function toCsv(table: Table): string {
  const quote = (c: string | number | null | undefined) => {
    const s = c === null || c === undefined ? '' : String(c);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [...(table.title ? [`# ${table.title}`] : []), table.headers.map(quote).join(','), ...table.rows.map((r) => r.map(quote).join(','))].join('\n');
}
