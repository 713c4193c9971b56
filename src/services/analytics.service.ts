import { classifyAdopters, innovativeness, type AdoptionTime, type ClassifiedAdopter } from '../domain/adopters.js';
import { fitBass, forecastBass, type BassFitResult, type FitBassOptions } from '../domain/bass.js';
import type { AdoptionRow, AdoptionTimeRow, AnalyticsScope, FunnelStep, SolutionOrigin } from '../db/repositories/analytics.repository.js';
import type { CalendarBucket } from '../db/dialect.js';
import { AppError } from '../shared/errors.js';
import type {
  AdopterSummary,
  AdoptersReport,
  AnalyticsFilter,
  ApproachFirstQuery,
  BassPrior,
  BassPriorBody,
  ApproachFirstReport,
  BassFitBody,
  BassFitResponse,
  ClassifyBody,
  ClassifyResponse,
  DiffusionReport,
  FunnelQuery,
  FunnelReport,
  InnovativenessReport,
  SellingPracticeReport,
} from '../shared/schemas/analytics.js';
import { responseBuckets } from '../shared/schemas/analytics.js';
import { stages } from '../shared/vocabulary.js';
import type { Actor } from '../domain/policy.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

/** Forecast bands use this many bootstrap refits: enough for a stable 80% band, quick enough for a request. */
const forecastResamples = 200;

const marketNote =
  'Solutions have no target segment yet, so m for thin data is the number of accounts in the workspace (ANALYTICS.md: take m from the target segment when there is one).';

/** Read-only use cases: everyone signed in may read analytics (DESIGN.md §6), so there is no policy check. */
export function analyticsService(deps: Deps) {
  const repos = () => read(deps).analytics;

  async function solutionOrThrow(idOrName: string): Promise<SolutionOrigin> {
    const solution = await repos().solutionOrigin(idOrName);
    if (!solution) throw new AppError('not_found', { record: 'solution', id: idOrName }, `solution ${idOrName} was not found`);
    return solution;
  }

  async function diffusion(idOrName: string, options: DiffusionOptions): Promise<DiffusionReport> {
    const solution = await solutionOrThrow(idOrName);
    const toAt = observedUntil(options);
    const [buckets, marketSize, saved] = await Promise.all([
      repos().adoptionsPerBucket(solution.id, options.bucket, toAt),
      repos().liveAccountCount(),
      repos().findPrior(solution.id),
    ]);
    return diffusionReportOf(solution, buckets, marketSize, saved, options, toAt);
  }

  /** The diffusion of every live solution: three statements for all of them, then one fit each. */
  async function diffusionAll(options: DiffusionOptions): Promise<DiffusionReport[]> {
    const toAt = observedUntil(options);
    const repo = repos();
    const [solutions, buckets, marketSize, priors] = await Promise.all([repo.solutionOrigins(), repo.adoptionsPerBucketAll(options.bucket, toAt), repo.liveAccountCount(), repo.priors()]);
    const perSolution = new Map<string, { period: string; adoptions: number }[]>();
    for (const b of buckets) {
      const list = perSolution.get(b.solutionId) ?? [];
      list.push({ period: b.period, adoptions: b.adoptions });
      perSolution.set(b.solutionId, list);
    }
    return solutions.map((s) => diffusionReportOf(s, perSolution.get(s.id) ?? [], marketSize, priors.get(s.id) ?? null, options, toAt));
  }

  function observedUntil(options: DiffusionOptions): string {
    return options.to !== undefined ? nextDayIso(options.to) : deps.clock.now().toISOString();
  }

  return {
    /** Funnel by stage: entries, conversion to the next stage, time in stage, outcomes and reasons. */
    async funnel(query: FunnelQuery): Promise<FunnelReport> {
      const scope = toScope(query);
      const repo = repos();
      const [entries, quantileRows, outcomes, sliceEntries] = await Promise.all([
        repo.stageEntries(scope, null),
        repo.stayQuantileRows(scope, [0.5, 0.9]),
        repo.outcomeEvents(scope),
        query.by === undefined ? Promise.resolve(null) : repo.stageEntries(scope, query.by),
      ]);

      const rows = stages.map((stage) => {
        const entry = entries.find((e) => e.stage === stage);
        const durations = quantileRows.filter((r) => r.stage === stage);
        const stays = durations[0]?.stays ?? 0;
        return {
          stage,
          entered: entry?.entered ?? 0,
          advanced: entry?.advanced ?? 0,
          conversion: ratio(entry?.advanced ?? 0, entry?.entered ?? 0),
          timeInStage: { stays, medianDays: quantileFromRanks(durations, stays, 0.5), p90Days: quantileFromRanks(durations, stays, 0.9) },
        };
      });

      const count = (kind: string) => outcomes.filter((o) => o.kind === kind).reduce((n, o) => n + o.count, 0);
      const adopted = count('adopt');
      const rejected = count('reject');
      const discontinued = count('discontinue');
      const closed = adopted + rejected + discontinued;
      const reasons = outcomes
        .filter((o) => o.kind !== 'adopt')
        .map((o) => ({ outcome: o.kind === 'reject' ? ('rejected' as const) : ('discontinued' as const), reason: o.reason ?? 'unspecified', count: o.count }))
        .sort((a, b) => a.outcome.localeCompare(b.outcome) || b.count - a.count || a.reason.localeCompare(b.reason));

      let slices: FunnelReport['slices'] = null;
      if (query.by !== undefined && sliceEntries !== null) {
        const groups = new Map<string, { key: string | null; label: string | null; steps: Map<FunnelStep, { entered: number; advanced: number }> }>();
        for (const e of sliceEntries) {
          const id = e.key ?? '\u0000';
          const group = groups.get(id) ?? { key: e.key, label: e.label, steps: new Map() };
          group.steps.set(e.stage, { entered: e.entered, advanced: e.advanced });
          groups.set(id, group);
        }
        slices = {
          by: query.by,
          groups: [...groups.values()]
            .map((g) => ({
              key: g.key,
              label: g.label,
              stages: stages.map((stage) => {
                const s = g.steps.get(stage) ?? { entered: 0, advanced: 0 };
                return { stage, entered: s.entered, advanced: s.advanced, conversion: ratio(s.advanced, s.entered) };
              }),
              adopted: g.steps.get('adopted')?.entered ?? 0,
            }))
            .sort((a, b) => (a.label ?? a.key ?? '').localeCompare(b.label ?? b.key ?? '')),
        };
      }

      return {
        filter: query,
        stages: rows,
        outcomes: {
          closed,
          adopted,
          rejected,
          discontinued,
          adoptedRate: ratio(adopted, closed),
          rejectedRate: ratio(rejected, closed),
          discontinuedRate: ratio(discontinued, closed),
        },
        reasons,
        slices,
      };
    },

    /** Adoptions per period since launch and cumulative, with the Bass fit and forecast. */
    diffusion,

    /** The diffusion of every live solution (no forecast unless asked). */
    diffusionAll,

    /** Rogers' category of each adopting account of a solution (provisional while it spreads). */
    async adopters(solutionIdOrName: string): Promise<AdoptersReport> {
      const report = await diffusion(solutionIdOrName, { bucket: 'month', forecastPeriods: 0 });
      return adoptersReportOf(report, await repos().adoptionTimes(report.solution.id));
    },

    overview,

    /** The adopter categories of every live solution, without the lists of adopters (API, CLI). */
    async adopterSummaries(): Promise<AdopterSummary[]> {
      const solutions = await adoptionsBySolution({ bucket: 'month', forecastPeriods: 0 });
      return solutions.map(({ report, rows }) => adopterSummaryOf(report, rows).summary);
    },

    /** Accounts ranked by innovativeness across every solution they adopted (earliest first). */
    async innovativeness(limit: number): Promise<InnovativenessReport> {
      const { result } = await innovativenessAll();
      const top = result.accounts.slice(0, limit);
      const names = await repos().accountNames(top.map((a) => a.id));
      return {
        accounts: top.map((a) => ({ accountId: a.id, accountName: names.get(a.id) ?? '', innovativeness: a.innovativeness, solutions: a.solutions })),
        skipped: result.skipped,
      };
    },

    /** Accounts that adopt early again and again (negative innovativeness) and have not adopted this solution yet. */
    async approachFirst(query: ApproachFirstQuery): Promise<ApproachFirstReport> {
      const solution = await solutionOrThrow(query.solutionId);
      const { rows, result } = await innovativenessAll();
      const adopters = new Set(rows.filter((r) => r.solutionId === solution.id).map((r) => r.accountId));
      const candidates = result.accounts
        .filter((a) => a.innovativeness < 0 && a.solutions >= query.minSolutions && !adopters.has(a.id))
        .slice(0, query.limit);
      const briefs = new Map((await repos().accountBriefs(candidates.map((c) => c.id), solution.id)).map((b) => [b.id, b]));
      return {
        solution: { id: solution.id, name: solution.name },
        accounts: candidates.flatMap((c) => {
          const brief = briefs.get(c.id);
          if (!brief) return [];
          return [
            {
              accountId: c.id,
              accountName: brief.name,
              city: brief.city,
              industry: brief.industry,
              ownerId: brief.ownerId,
              innovativeness: c.innovativeness,
              solutions: c.solutions,
              journey: brief.journeyId !== null && brief.stage !== null ? { id: brief.journeyId, stage: brief.stage, outcome: brief.outcome ?? 'open' } : null,
            },
          ];
        }),
      };
    },

    /** Decision → implementation conversion with and without an SA demo, by response time, and per AM against the team. */
    async sellingPractice(filter: AnalyticsFilter): Promise<SellingPracticeReport> {
      const rows = await repos().practiceRows(toScope(filter));
      const total = (list: typeof rows) => {
        const decided = list.reduce((n, r) => n + r.decided, 0);
        const adopted = list.reduce((n, r) => n + r.adopted, 0);
        return { decided, adopted, conversion: ratio(adopted, decided) };
      };
      const owners = new Map<string, typeof rows>();
      const teams = new Map<string, typeof rows>();
      for (const row of rows) {
        const ownerKey = row.ownerId ?? '';
        owners.set(ownerKey, [...(owners.get(ownerKey) ?? []), row]);
        const teamKey = row.teamId ?? '';
        teams.set(teamKey, [...(teams.get(teamKey) ?? []), row]);
      }
      const accountManagers = [...owners.values()]
        .map((list) => {
          const first = list[0];
          const own = total(list);
          const team = first?.teamId ? total(teams.get(first.teamId) ?? []) : null;
          const teamConversion = team?.conversion ?? null;
          return {
            ...own,
            ownerId: first?.ownerId ?? null,
            ownerName: first?.ownerName ?? null,
            teamId: first?.teamId ?? null,
            teamName: first?.teamName ?? null,
            teamConversion,
            difference: own.conversion !== null && teamConversion !== null ? own.conversion - teamConversion : null,
          };
        })
        .sort((a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '') || (a.ownerName ?? '').localeCompare(b.ownerName ?? ''));
      return {
        filter,
        overall: total(rows),
        demo: { withDemo: total(rows.filter((r) => r.demo)), withoutDemo: total(rows.filter((r) => !r.demo)) },
        responseTime: responseBuckets.map((bucket) => ({ bucket, ...total(rows.filter((r) => r.responseBucket === bucket)) })),
        accountManagers,
      };
    },

    /** Fits Bass to a series given by the caller (no database). */
    fitSeries(body: BassFitBody): BassFitResponse {
      const options: FitBassOptions = {};
      if (body.marketSize !== undefined) options.marketSize = body.marketSize;
      if (body.prior !== undefined) options.prior = body.prior.m === undefined ? { p: body.prior.p, q: body.prior.q } : { p: body.prior.p, q: body.prior.q, m: body.prior.m };
      return fitResponse(body.series, options, body.forecastPeriods);
    },

    /** Classifies adoption times given by the caller (no database). */
    classify(body: ClassifyBody): ClassifyResponse {
      return classifyResponseOf(body.items.map((i) => ({ id: i.id, time: i.adoptionTime })));
    },

    /** Resolves a solution by id or name, for the CLI. */
    async solution(idOrName: string): Promise<{ id: string; name: string }> {
      const s = await solutionOrThrow(idOrName);
      return { id: s.id, name: s.name };
    },

    solutions: () => repos().solutions(),

    /** The Bass prior saved for a solution (404 when the solution is unknown or has none). */
    async prior(solutionId: string): Promise<BassPrior> {
      const solution = await solutionOrThrow(solutionId);
      const saved = await repos().findPrior(solution.id);
      if (!saved) throw notFound('bass_prior', solution.id);
      return saved;
    },

    /**
     * Saves (creates or replaces) a solution's Bass prior: product specialists, marcomm and
     * admins; the CLI acts as the system (actor null). Replacing needs the version last read.
     */
    savePrior(actor: Actor | null, solutionId: string, body: BassPriorBody): Promise<BassPrior> {
      if (actor) authorize(actor, 'write', { type: 'bass_prior' });
      return transact(deps, async (repos) => {
        const solution = await repos.analytics.solutionOrigin(solutionId);
        if (!solution || solution.id !== solutionId) throw notFound('solution', solutionId);
        const current = await repos.analytics.findPrior(solutionId);
        const next: Omit<BassPrior, 'version'> = {
          solutionId,
          p: body.p,
          q: body.q,
          m: body.m,
          periodUnit: body.periodUnit,
          source: body.source,
          series: body.series,
          savedBy: actor?.userId ?? null,
          savedAt: nowIso(deps),
        };
        if (current === null) {
          if (body.version !== undefined) throw versionConflict('bass_prior', solutionId, null);
          const created = await repos.analytics.insertPrior(next);
          await audit(repos, deps, actor, 'create', 'bass_prior', solutionId, null, created);
          return created;
        }
        if (body.version === undefined || body.version !== current.version) throw versionConflict('bass_prior', solutionId, current.version);
        const saved = await repos.analytics.updatePrior(next, current.version);
        if (!saved) throw versionConflict('bass_prior', solutionId, null);
        await audit(repos, deps, actor, 'update', 'bass_prior', solutionId, current, saved);
        return saved;
      });
    },

    /** Removes a solution's saved prior; the fit falls back to the literature prior. */
    async removePrior(actor: Actor, solutionId: string, version: number): Promise<void> {
      authorize(actor, 'write', { type: 'bass_prior' });
      await transact(deps, async (repos) => {
        const current = await repos.analytics.findPrior(solutionId);
        if (!current) throw notFound('bass_prior', solutionId);
        if (version !== current.version) throw versionConflict('bass_prior', solutionId, current.version);
        if (!(await repos.analytics.deletePrior(solutionId, version))) throw versionConflict('bass_prior', solutionId, null);
        await audit(repos, deps, actor, 'delete', 'bass_prior', solutionId, current, null);
      });
    },
  };

  /**
   * Diffusion and adopter categories of every live solution at once (`difusi report adopters`
   * without a solution, the benchmark): each adopting account's category and z per solution,
   * without the names and dates a listing shows. A handful of statements, one Bass fit per solution.
   */
  async function overview(options: DiffusionOptions): Promise<{ diffusion: DiffusionReport[]; adopters: AdopterCategories[] }> {
    const solutions = await adoptionsBySolution(options);
    return {
      diffusion: solutions.map(({ report }) => report),
      adopters: solutions.map(({ report, rows }) => {
        const { summary, classified } = adopterSummaryOf(report, rows);
        return {
          ...summary,
          accounts: rows.map((r, i) => ({ accountId: r.accountId, adoptionTimeDays: r.days, category: classified[i]?.category ?? null, z: classified[i]?.z ?? null })),
        };
      }),
    };
  }

  /** Every live solution's diffusion report with its adopters' times (two reads, in parallel). */
  async function adoptionsBySolution(options: DiffusionOptions): Promise<{ report: DiffusionReport; rows: AdoptionTimeRow[] }[]> {
    const [reports, times] = await Promise.all([diffusionAll(options), repos().adoptionTimesAll()]);
    const perSolution = groupBySolution(times);
    return reports.map((report) => ({ report, rows: perSolution.get(report.solution.id) ?? [] }));
  }

  async function innovativenessAll() {
    const rows = await repos().adoptionTimesAll();
    const perSolution = new Map([...groupBySolution(rows)].map(([id, list]) => [id, list.map((r): AdoptionTime => ({ id: r.accountId, time: r.days }))]));
    return { rows, result: innovativeness(perSolution) };
  }
}

function groupBySolution(rows: readonly AdoptionTimeRow[]): Map<string, AdoptionTimeRow[]> {
  const perSolution = new Map<string, AdoptionTimeRow[]>();
  for (const row of rows) {
    const list = perSolution.get(row.solutionId);
    if (list) list.push(row);
    else perSolution.set(row.solutionId, [row]);
  }
  return perSolution;
}

/** A solution's adopter categories with each adopting account's category and z (the overview's shape). */
export interface AdopterCategories extends AdopterSummary {
  accounts: { accountId: string; adoptionTimeDays: number; category: ClassifiedAdopter['category'] | null; z: number | null }[];
}

export interface DiffusionOptions {
  bucket: CalendarBucket;
  to?: string;
  forecastPeriods: number;
}

/** A diffusion report from the adoptions per bucket: periods since launch, cumulative, and the Bass fit. */
function diffusionReportOf(
  solution: SolutionOrigin,
  buckets: readonly { period: string; adoptions: number }[],
  marketSize: number,
  saved: BassPrior | null,
  options: DiffusionOptions,
  toAt: string,
): DiffusionReport {
  const launch = launchOf(solution);
  const last = periodOf(new Date(new Date(toAt).getTime() - 1).toISOString(), options.bucket);
  const first = [launch.date === null ? null : periodOf(`${launch.date}T00:00:00.000Z`, options.bucket), buckets[0]?.period ?? null]
    .filter((p): p is string => p !== null)
    .sort()[0];
  const counts = new Map(buckets.map((b) => [b.period, b.adoptions]));
  const labels = first === undefined ? [] : periodRange(first, last > first ? last : first, options.bucket);
  let cumulative = 0;
  // The last bucket is incomplete unless the observation ends exactly where the next one begins.
  const lastComplete = periodOf(toAt, options.bucket) !== last;
  const periods = labels.map((period, i) => {
    const adoptions = counts.get(period) ?? 0;
    cumulative += adoptions;
    return { period, index: i + 1, adoptions, cumulative, complete: i < labels.length - 1 || lastComplete };
  });
  // A part-period would look like a fall in adoptions: the fit sees complete periods only.
  const series = periods.filter((p) => p.complete).map((p) => p.adoptions);
  const savedPrior = saved === null ? null : priorForBucket(saved, options.bucket);
  const fitOptions: FitBassOptions = marketSize > 0 ? { marketSize } : {};
  if (savedPrior !== null) fitOptions.prior = savedPrior.m === null ? { p: savedPrior.p, q: savedPrior.q } : { p: savedPrior.p, q: savedPrior.q, m: savedPrior.m };
  const fit = fitResponse(series, fitOptions, options.forecastPeriods);
  if (fit.ok && fit.prior !== null && savedPrior !== null) fit.prior.source = 'solution_prior';
  return {
    solution: { id: solution.id, name: solution.name },
    launch,
    bucket: options.bucket,
    periods,
    adopters: cumulative,
    market: { size: marketSize, source: 'all_accounts', note: marketNote },
    savedPrior,
    fit,
  };
}

/** Categories of a solution's adopters, provisional while the (monthly) diffusion says it still spreads. */
function adoptersReportOf(report: DiffusionReport, rows: readonly AdoptionRow[]): AdoptersReport {
  const { summary, classified } = adopterSummaryOf(report, rows);
  const { adopters: _count, ...rest } = summary;
  return {
    ...rest,
    adopters: rows.map((r, i) => ({
      accountId: r.accountId,
      accountName: r.accountName,
      journeyId: r.journeyId,
      adoptedAt: r.adoptedAt,
      adoptionTimeDays: r.days,
      category: classified[i]?.category ?? null,
      z: classified[i]?.z ?? null,
    })),
  };
}

/**
 * Rogers' categories of a solution's adopters, provisional while its curve has not passed the
 * peak. `classified[i]` is the i-th row's category (classifyAdopters keeps its input's order),
 * absent when the set cannot be classified.
 */
function adopterSummaryOf(report: DiffusionReport, rows: readonly { accountId: string; days: number }[]): { summary: AdopterSummary; classified: readonly (ClassifiedAdopter | undefined)[] } {
  const result = classifyAdopters(rows.map((r) => ({ id: r.accountId, time: r.days })));
  const reasons: AdoptersReport['provisional']['reasons'] = [];
  if (!report.fit.ok) reasons.push('cannot_fit');
  else if (report.fit.flags.prePeak) reasons.push('pre_peak');
  const series = report.periods.filter((p) => p.complete).map((p) => p.adoptions);
  const peakIndex = series.indexOf(Math.max(...series, 0));
  if (series.length > 0 && peakIndex >= series.length - 2 && !reasons.includes('pre_peak')) reasons.push('at_peak');

  return {
    summary: {
      solution: report.solution,
      launch: report.launch,
      provisional: { value: reasons.length > 0, reasons },
      classification: result.ok
        ? { ok: true, meanDays: result.mean, sdDays: result.sd, cutPoints: result.cutPoints, categories: result.categories }
        : { ok: false, reason: result.reason === 'unclassifiable' ? result.cause : result.reason, count: 'count' in result ? result.count : rows.length },
      adopters: rows.length,
    },
    classified: result.ok ? result.adopters : [],
  };
}

/**
 * A saved prior in the report's bucket. Bass in continuous time rescales exactly: with time
 * counted in quarters instead of months, p and q are three times as large; m is unchanged.
 */
export function priorForBucket(prior: BassPrior, bucket: CalendarBucket): NonNullable<DiffusionReport['savedPrior']> {
  const factor = prior.periodUnit === bucket ? 1 : bucket === 'quarter' ? 3 : 1 / 3;
  return { source: prior.source, periodUnit: prior.periodUnit, savedAt: prior.savedAt, p: prior.p * factor, q: prior.q * factor, m: prior.m };
}

/** The launch adoption times count from: the solution's launch date, else its first journey. */
function launchOf(solution: SolutionOrigin): DiffusionReport['launch'] {
  if (solution.launchDate !== null) return { date: solution.launchDate, source: 'launch_date' };
  if (solution.firstJourneyAt !== null) return { date: solution.firstJourneyAt.slice(0, 10), source: 'first_journey' };
  return { date: null, source: 'none' };
}

/** Bass fit plus forecast, shaped for the API: the internal objective is left out. */
export function fitResponse(series: readonly number[], options: FitBassOptions, forecastPeriods: number): BassFitResponse {
  const fit: BassFitResult = fitBass(series, options);
  if (!fit.ok) return { ok: false, reason: fit.reason, message: fit.message };
  let forecast: Extract<BassFitResponse, { ok: true }>['forecast'] = null;
  if (forecastPeriods > 0) {
    const f = forecastBass(fit, forecastPeriods, { resamples: forecastResamples, seed: 1 });
    if (f.ok) forecast = { level: f.level, points: f.points };
  }
  return {
    ok: true,
    p: fit.p,
    q: fit.q,
    m: fit.m,
    peak: fit.peak,
    r2: fit.r2,
    rmse: fit.rmse,
    sse: fit.sse,
    start: fit.start,
    flags: fit.flags,
    prior: fit.prior,
    fitted: fit.fitted,
    residuals: fit.residuals,
    forecast,
  };
}

export function classifyResponseOf(items: readonly AdoptionTime[]): ClassifyResponse {
  const result = classifyAdopters(items);
  if (result.ok) {
    return {
      ok: true,
      mean: result.mean,
      sd: result.sd,
      cutPoints: result.cutPoints,
      items: result.adopters.map((a) => ({ id: a.id, adoptionTime: a.time, category: a.category, z: a.z })),
      categories: result.categories,
    };
  }
  if (result.reason === 'invalid_time') return { ok: false, reason: 'invalid_time', message: `Adoption time of ${result.id} is not a finite number.`, count: items.length };
  const message =
    result.cause === 'fewer_than_two_adopters'
      ? 'Unclassifiable: categories need at least two adopters.'
      : 'Unclassifiable: every adopter has the same adoption time (sd = 0).';
  return { ok: false, reason: 'unclassifiable', message, count: result.count };
}

function toScope(filter: AnalyticsFilter): AnalyticsScope {
  const { from, to, ...rest } = filter;
  const scope: AnalyticsScope = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string') (scope as Record<string, string>)[key] = value;
  }
  if (from !== undefined) scope.fromAt = `${from}T00:00:00.000Z`;
  if (to !== undefined) scope.toAt = nextDayIso(to);
  return scope;
}

/** Midnight UTC after `date`: the exclusive end of a period whose last day is `date`. */
function nextDayIso(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Type-7 quantile from the rows around its position (ranks are 1-based), rounded to a microday. */
function quantileFromRanks(rows: readonly { rank: number; days: number }[], n: number, probability: number): number | null {
  if (n === 0) return null;
  const position = probability * (n - 1);
  const below = Math.floor(position);
  const low = rows.find((r) => r.rank === below + 1)?.days;
  const high = rows.find((r) => r.rank === below + 2)?.days ?? low;
  if (low === undefined || high === undefined) return null;
  return Math.round((low + (position - below) * (high - low)) * 1e6) / 1e6;
}

/** The calendar bucket of a UTC ISO timestamp, spelled as the database spells it. */
export function periodOf(iso: string, bucket: CalendarBucket): string {
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7));
  return bucket === 'month' ? iso.slice(0, 7) : `${year}-Q${Math.floor((month + 2) / 3)}`;
}

/** Every bucket label from `first` to `last`, inclusive. */
export function periodRange(first: string, last: string, bucket: CalendarBucket): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let step = bucket === 'month' ? Number(first.slice(5, 7)) : Number(first.slice(6));
  const perYear = bucket === 'month' ? 12 : 4;
  for (let guard = 0; guard < 10_000; guard++) {
    const label = bucket === 'month' ? `${year}-${String(step).padStart(2, '0')}` : `${year}-Q${step}`;
    out.push(label);
    if (label >= last) break;
    step += 1;
    if (step > perYear) {
      step = 1;
      year += 1;
    }
  }
  return out;
}

