import { z } from 'zod';
import { adopterCategories } from '../../domain/adopters.js';
import { firstTouchChannels } from '../../domain/firstTouch.js';
import { industries, sizeBands, stages, tiers } from '../vocabulary.js';
import { dateSchema, idSchema } from './common.js';

/**
 * Requests and responses of the diffusion and funnel analytics (ANALYTICS.md, DESIGN.md §5).
 * Times in stage and adoption times are in days; adoption time counts from the solution's
 * launch date (or, without one, from its first journey).
 */

const stageSchema = z.enum(stages);

export { channelOfActivity, firstTouchChannels, type FirstTouchChannel } from '../../domain/firstTouch.js';
const rate = z.number().min(0).max(1).nullable().describe('Share between 0 and 1; null when the denominator is 0');

// ---------------------------------------------------------------------------------------
// Filters shared by funnel and selling practice
// ---------------------------------------------------------------------------------------

export const analyticsFilter = z.object({
  solutionId: idSchema.optional(),
  principalId: idSchema.optional().describe('Only solutions of this principal (vendor)'),
  city: z.string().trim().min(1).max(100).optional(),
  province: z.string().trim().min(1).max(100).optional(),
  region: z.string().trim().min(1).max(100).optional(),
  industry: z.enum(industries).optional(),
  sizeBand: z.enum(sizeBands).optional(),
  tier: z.enum(tiers).optional(),
  teamId: idSchema.optional().describe('The account’s team'),
  ownerId: idSchema.optional().describe('The journey’s account manager'),
  channel: z.enum(firstTouchChannels).optional().describe('The journey’s first-touch channel (docs/analytics.md); none = no activity yet'),
  from: dateSchema.optional().describe('First day of the period (UTC), inclusive'),
  to: dateSchema.optional().describe('Last day of the period (UTC), inclusive'),
});
export type AnalyticsFilter = z.infer<typeof analyticsFilter>;

export const funnelSlices = ['solution', 'industry', 'city', 'province', 'region', 'sizeBand', 'tier', 'team', 'owner', 'cohort', 'channel'] as const;
export type FunnelSlice = (typeof funnelSlices)[number];

export const funnelQuery = analyticsFilter.extend({
  by: z.enum(funnelSlices).optional().describe('Also break the funnel down by this dimension; cohort = month the journey was opened; channel = first-touch channel'),
});
export type FunnelQuery = z.infer<typeof funnelQuery>;

// ---------------------------------------------------------------------------------------
// Funnel
// ---------------------------------------------------------------------------------------

const stageRow = z.object({
  stage: stageSchema,
  entered: z.number().int().describe('Journeys that entered the stage in the period (each journey once)'),
  advanced: z.number().int().describe('Of those, journeys that later entered the next stage (after confirmation: adopted)'),
  conversion: rate,
  timeInStage: z.object({
    stays: z.number().int().describe('Completed stays that began in the period (stays still running are left out)'),
    medianDays: z.number().nullable(),
    p90Days: z.number().nullable(),
  }),
});

const outcomeCounts = z.object({
  closed: z.number().int().describe('Journeys that adopted, were rejected or were discontinued in the period'),
  adopted: z.number().int(),
  rejected: z.number().int(),
  discontinued: z.number().int(),
  adoptedRate: rate,
  rejectedRate: rate,
  discontinuedRate: rate,
});

const sliceRow = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  stages: z.array(z.object({ stage: stageSchema, entered: z.number().int(), advanced: z.number().int(), conversion: rate })),
  adopted: z.number().int(),
});

export const funnelReport = z.object({
  filter: funnelQuery,
  stages: z.array(stageRow),
  outcomes: outcomeCounts,
  reasons: z.array(z.object({ outcome: z.enum(['rejected', 'discontinued']), reason: z.string(), count: z.number().int() })),
  slices: z.object({ by: z.enum(funnelSlices), groups: z.array(sliceRow) }).nullable(),
});
export type FunnelReport = z.infer<typeof funnelReport>;

// ---------------------------------------------------------------------------------------
// Bass fit (shared by the diffusion report and POST /bass/fit)
// ---------------------------------------------------------------------------------------

const bassPriorInput = z.object({
  p: z.number().positive().max(5),
  q: z.number().min(0).max(5),
  m: z.number().positive().optional(),
});

export const bassFitBody = z.object({
  series: z.array(z.number().min(0).max(1e12)).min(1).max(1000).describe('Adoptions per period since launch, oldest first'),
  marketSize: z.number().positive().max(1e12).optional().describe('Size of the target segment: m for thin data'),
  prior: bassPriorInput.optional().describe('Prior for thin data; default Sultan, Farley & Lehmann 1990 (p 0.03, q 0.38)'),
  forecastPeriods: z.number().int().min(0).max(120).default(0).describe('Periods to forecast, with a bootstrap band'),
});
export type BassFitBody = z.infer<typeof bassFitBody>;

const band = z.object({ expected: z.number(), lower: z.number(), upper: z.number() });
export const bassForecastSchema = z.object({
  level: z.number(),
  points: z.array(z.object({ period: z.number().int(), adoptions: band, cumulative: band })),
});

export const bassFitSuccess = z.object({
  ok: z.literal(true),
  p: z.number().describe('Coefficient of innovation (external influence)'),
  q: z.number().describe('Coefficient of imitation (word of mouth)'),
  m: z.number().describe('Market potential: adopters there will ever be'),
  peak: z.object({
    kind: z.enum(['interior', 'at_launch']),
    t: z.number().describe('Periods since launch'),
    cumulativeShare: z.number(),
    rate: z.number().describe('Adoptions per period at the peak'),
  }),
  r2: z.number().nullable(),
  rmse: z.number(),
  sse: z.number(),
  start: z.enum(['ols', 'grid', 'prior']),
  flags: z.object({
    prePeak: z.boolean().describe('The observed series has not peaked: m is unreliable'),
    thinData: z.boolean().describe('Fewer than 6 periods or pre-peak: estimates were shrunk toward the prior'),
    activeBounds: z.array(z.enum(['p_lower', 'p_upper', 'q_lower', 'q_upper', 'm_lower', 'm_upper'])),
    usedPrior: z.array(z.enum(['p', 'q', 'm'])),
  }),
  prior: z
    .object({
      p: z.number(),
      q: z.number(),
      m: z.number().nullable(),
      source: z.enum(['sultan_farley_lehmann_1990', 'user', 'solution_prior']).describe('solution_prior: the prior saved for this solution'),
      mSource: z.enum(['prior', 'market_size']).nullable(),
    })
    .nullable(),
  fitted: z.array(z.number()),
  residuals: z.array(z.number()),
  forecast: bassForecastSchema.nullable(),
});
export const bassFitFailure = z.object({
  ok: z.literal(false),
  reason: z.string().describe('empty_series, too_few_periods, no_adoptions, invalid_option or fit_failed'),
  message: z.string(),
});
export const bassFitResponse = z.discriminatedUnion('ok', [bassFitSuccess, bassFitFailure]);
export type BassFitResponse = z.infer<typeof bassFitResponse>;

// ---------------------------------------------------------------------------------------
// Diffusion
// ---------------------------------------------------------------------------------------

export const diffusionQuery = z.object({
  solutionId: idSchema.optional().describe('Alternative to the path parameter'),
  bucket: z.enum(['month', 'quarter']).default('month'),
  to: dateSchema.optional().describe('Last day observed; default today'),
  forecastPeriods: z.coerce.number().int().min(0).max(120).default(12),
});
export type DiffusionQuery = z.infer<typeof diffusionQuery>;
export const diffusionParams = z.object({ solutionId: idSchema });

export const diffusionReport = z.object({
  solution: z.object({ id: idSchema, name: z.string() }),
  launch: z.object({
    date: z.string().nullable().describe('YYYY-MM-DD; null when the solution has no journeys yet'),
    source: z.enum(['launch_date', 'first_journey', 'none']),
  }),
  bucket: z.enum(['month', 'quarter']),
  periods: z.array(
    z.object({
      period: z.string(),
      index: z.number().int().describe('Period number since launch (1 = the launch period)'),
      adoptions: z.number().int(),
      cumulative: z.number().int(),
      complete: z.boolean().describe('False for the running period, which the fit leaves out'),
    }),
  ),
  adopters: z.number().int(),
  market: z.object({ size: z.number().int(), source: z.literal('all_accounts'), note: z.string() }),
  savedPrior: z
    .object({ source: z.string(), periodUnit: z.enum(['month', 'quarter']), savedAt: z.string(), p: z.number(), q: z.number(), m: z.number().nullable() })
    .nullable()
    .describe('The prior saved for this solution, if any, with p and q converted to this report’s bucket; the fit uses it for thin data'),
  fit: bassFitResponse,
});
export type DiffusionReport = z.infer<typeof diffusionReport>;

// ---------------------------------------------------------------------------------------
// Adopter categories, innovativeness, approach first
// ---------------------------------------------------------------------------------------

const category = z.enum(adopterCategories);
const categoryCounts = z.array(z.object({ category, count: z.number().int(), share: z.number(), rogersShare: z.number() }));

export const adoptersQuery = z.object({ solutionId: idSchema });

export const adoptersReport = z.object({
  solution: z.object({ id: idSchema, name: z.string() }),
  launch: diffusionReport.shape.launch,
  provisional: z.object({
    value: z.boolean().describe('Labels may still change: the solution is still spreading'),
    reasons: z.array(z.enum(['pre_peak', 'at_peak', 'cannot_fit'])),
  }),
  classification: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      meanDays: z.number(),
      sdDays: z.number().describe('Population standard deviation'),
      cutPoints: z.object({ earlyAdopter: z.number(), earlyMajority: z.number(), lateMajority: z.number(), laggard: z.number() }),
      categories: categoryCounts,
    }),
    z.object({ ok: z.literal(false), reason: z.string(), count: z.number().int() }),
  ]),
  adopters: z.array(
    z.object({
      accountId: idSchema,
      accountName: z.string(),
      journeyId: idSchema,
      adoptedAt: z.string(),
      adoptionTimeDays: z.number(),
      category: category.nullable(),
      z: z.number().nullable(),
    }),
  ),
});
export type AdoptersReport = z.infer<typeof adoptersReport>;

/** A solution's adopter categories without the list of adopters (the reports over every solution). */
export const adopterSummary = adoptersReport.omit({ adopters: true }).extend({ adopters: z.number().int().describe('Adopting accounts') });
export type AdopterSummary = z.infer<typeof adopterSummary>;

export const innovativenessQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const innovativenessReport = z.object({
  accounts: z.array(z.object({ accountId: idSchema, accountName: z.string(), innovativeness: z.number(), solutions: z.number().int() })),
  skipped: z.array(z.object({ solutionId: idSchema, reason: z.enum(['unclassifiable', 'invalid_time']) })),
});
export type InnovativenessReport = z.infer<typeof innovativenessReport>;

export const approachFirstQuery = z.object({
  solutionId: idSchema,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  minSolutions: z.coerce.number().int().min(1).max(50).default(2).describe('Only accounts with an adoption record on at least this many classifiable solutions: one early adoption is luck, two are a habit'),
});
export type ApproachFirstQuery = z.infer<typeof approachFirstQuery>;
export const approachFirstReport = z.object({
  solution: z.object({ id: idSchema, name: z.string() }),
  accounts: z.array(
    z.object({
      accountId: idSchema,
      accountName: z.string(),
      city: z.string(),
      industry: z.string(),
      ownerId: idSchema.nullable(),
      innovativeness: z.number(),
      solutions: z.number().int().describe('Solutions the score is based on'),
      journey: z.object({ id: idSchema, stage: stageSchema, outcome: z.string() }).nullable().describe('Their journey for this solution, if any'),
    }),
  ),
});
export type ApproachFirstReport = z.infer<typeof approachFirstReport>;

export const classifyBody = z.object({
  items: z.array(z.object({ id: z.string().min(1).max(200), adoptionTime: z.number() })).max(100_000).describe('Adoption times of adopters, any unit (e.g. days since launch)'),
});
export type ClassifyBody = z.infer<typeof classifyBody>;
export const classifyResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    mean: z.number(),
    sd: z.number(),
    cutPoints: z.object({ earlyAdopter: z.number(), earlyMajority: z.number(), lateMajority: z.number(), laggard: z.number() }),
    items: z.array(z.object({ id: z.string(), adoptionTime: z.number(), category, z: z.number() })),
    categories: categoryCounts,
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['unclassifiable', 'invalid_time']), message: z.string(), count: z.number().int() }),
]);
export type ClassifyResponse = z.infer<typeof classifyResponse>;

// ---------------------------------------------------------------------------------------
// Selling practice
// ---------------------------------------------------------------------------------------

const conversionRow = z.object({ decided: z.number().int(), adopted: z.number().int(), conversion: rate });

export const responseBuckets = ['within_1_day', '1_to_3_days', '3_to_7_days', '7_to_30_days', 'over_30_days', 'no_touch'] as const;

export const sellingPracticeReport = z.object({
  filter: analyticsFilter,
  overall: conversionRow,
  demo: z.object({ withDemo: conversionRow, withoutDemo: conversionRow }),
  responseTime: z.array(conversionRow.extend({ bucket: z.enum(responseBuckets) })),
  accountManagers: z.array(
    conversionRow.extend({
      ownerId: idSchema.nullable(),
      ownerName: z.string().nullable(),
      teamId: idSchema.nullable(),
      teamName: z.string().nullable(),
      teamConversion: rate,
      difference: z.number().nullable().describe('AM conversion minus team conversion'),
    }),
  ),
});
export type SellingPracticeReport = z.infer<typeof sellingPracticeReport>;

// ---------------------------------------------------------------------------------------
// A Bass prior saved for a solution
// ---------------------------------------------------------------------------------------

export const bassPeriodUnits = ['month', 'quarter'] as const;
const analogueSeries = z
  .array(z.object({ period: z.string().trim().min(1).max(40), adoptions: z.number().min(0).max(1e12) }))
  .min(1)
  .max(1000);

export const bassPriorBody = z.object({
  p: z.number().positive().max(5).describe('Coefficient of innovation per period'),
  q: z.number().min(0).max(5).describe('Coefficient of imitation per period'),
  m: z.number().positive().max(1e12).nullable().default(null).describe('Market potential; null: the market size is used'),
  periodUnit: z.enum(bassPeriodUnits).default('month').describe('What one period of p and q is; converted (×3 or ÷3) when a report uses the other bucket'),
  source: z.string().trim().min(1).max(200).describe('Where it comes from, e.g. "analogue: Campus Wi-Fi 5" or "fitted series"'),
  series: analogueSeries.nullable().default(null).describe('The analogue series the prior was fitted on, oldest first'),
  version: z.number().int().positive().optional().describe('The version you last read; required when replacing a saved prior'),
});
export type BassPriorBody = z.infer<typeof bassPriorBody>;

export const bassPrior = z.object({
  solutionId: idSchema,
  p: z.number(),
  q: z.number(),
  m: z.number().nullable(),
  periodUnit: z.enum(bassPeriodUnits),
  source: z.string(),
  series: z.array(z.object({ period: z.string(), adoptions: z.number() })).nullable(),
  savedBy: idSchema.nullable(),
  savedAt: z.string(),
  version: z.number().int(),
});
export type BassPrior = z.infer<typeof bassPrior>;
export const bassPriorParams = z.object({ id: idSchema });
