import { stages, type Stage } from '../shared/vocabulary.js';

/**
 * The sales managers' coaching view (issue 5, capability 7) as pure functions over the SQL
 * aggregates of coaching.repository.ts: per account manager, and beside it the team median
 * (the median over the team's AMs of that same figure).
 *
 * Definitions (for the screen's help text and the tests):
 * - **Gates on time**: among the forward stage exits in the period (a move or reopen to a later
 *   stage, or the adoption that leaves confirmation), the share made with every gate of the stage
 *   met. The server checks the gates at the move, so such an exit had its evidence (activities,
 *   risks, contacts, manual ticks) recorded before the stage was left; an exit that needed a
 *   manager's override (`override_reason` on the history row) was not on time.
 * - **Touches per journey**: activities logged on the journey while it stayed in the stage
 *   (from entering it until leaving it, or until now), divided by the stays that began in the period.
 * - **Conversion**: journeys whose first entry into the stage falls in the period, and the share
 *   that later entered the next stage (confirmation: adoption).
 * - **Time in stage**: median days of the completed stays that began in the period.
 * Journeys are attributed to their current owner.
 */

export type Standing = 'above' | 'below' | 'at' | null;

/** The median of the known values; null when there are none. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? (known[mid] as number) : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
}

/**
 * The median of `n` sorted values when only the middle one or two come back from SQL:
 * `rows` are (1-based rank, value) for ranks ⌊(n−1)/2⌋+1 and ⌊(n−1)/2⌋+2.
 */
export function medianFromMiddle(n: number, rows: readonly { rank: number; value: number }[]): number | null {
  if (n <= 0) return null;
  const lower = Math.floor((n - 1) / 2) + 1;
  const low = rows.find((r) => r.rank === lower)?.value;
  if (low === undefined) return null;
  if (n % 2 === 1) return low;
  const high = rows.find((r) => r.rank === lower + 1)?.value;
  return high === undefined ? null : (low + high) / 2;
}

/** part / whole, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Where a value stands against the team median, with a tolerance for floating-point noise. */
export function standingOf(value: number | null, teamMedian: number | null, epsilon = 1e-9): Standing {
  if (value === null || teamMedian === null) return null;
  if (Math.abs(value - teamMedian) <= epsilon) return 'at';
  return value > teamMedian ? 'above' : 'below';
}

export interface Metric {
  value: number | null;
  teamMedian: number | null;
  standing: Standing;
}

// ---------------------------------------------------------------------------------------
// Assembling the report from the aggregates
// ---------------------------------------------------------------------------------------

export interface ExitCounts {
  ownerId: string;
  exits: number;
  onTime: number;
}
export interface StayTouches {
  ownerId: string;
  stage: Stage;
  stays: number;
  touches: number;
}
export interface StageConversion {
  ownerId: string;
  stage: Stage;
  entered: number;
  advanced: number;
}
export interface StayMiddle {
  ownerId: string;
  stage: Stage;
  /** Completed stays of the owner in the stage. */
  n: number;
  rank: number;
  days: number;
}

export interface CoachingAggregates {
  /** Every AM to report on (id and name), in display order. */
  ams: readonly { id: string; name: string }[];
  exits: readonly ExitCounts[];
  touches: readonly StayTouches[];
  conversions: readonly StageConversion[];
  stayMiddles: readonly StayMiddle[];
}

export interface CoachingStageFigures {
  stage: Stage;
  stays: number;
  touches: number;
  touchesPerJourney: Metric;
  entered: number;
  advanced: number;
  conversion: Metric;
  completedStays: number;
  medianDaysInStage: Metric;
}

export interface CoachingAmFigures {
  userId: string;
  name: string;
  stageExits: number;
  exitsOnTime: number;
  gatesOnTime: Metric;
  stages: CoachingStageFigures[];
}

export interface CoachingFigures {
  ams: CoachingAmFigures[];
  teamMedians: {
    gatesOnTime: number | null;
    stages: { stage: Stage; touchesPerJourney: number | null; conversion: number | null; medianDaysInStage: number | null }[];
  };
}

function metric(value: number | null, teamMedian: number | null): Metric {
  return { value, teamMedian, standing: standingOf(value, teamMedian) };
}

/** Per AM and stage, the figures and the team medians they are compared with. */
export function coachingFigures(input: CoachingAggregates): CoachingFigures {
  const raw = input.ams.map((am) => {
    const exits = input.exits.find((e) => e.ownerId === am.id) ?? { exits: 0, onTime: 0 };
    return {
      am,
      exits,
      onTimeRate: ratio(exits.onTime, exits.exits),
      stages: stages.map((stage) => {
        const touch = input.touches.find((t) => t.ownerId === am.id && t.stage === stage) ?? { stays: 0, touches: 0 };
        const conversion = input.conversions.find((c) => c.ownerId === am.id && c.stage === stage) ?? { entered: 0, advanced: 0 };
        const middles = input.stayMiddles.filter((m) => m.ownerId === am.id && m.stage === stage);
        const completed = middles[0]?.n ?? 0;
        return {
          stage,
          stays: touch.stays,
          touches: touch.touches,
          touchesPerJourney: ratio(touch.touches, touch.stays),
          entered: conversion.entered,
          advanced: conversion.advanced,
          conversion: ratio(conversion.advanced, conversion.entered),
          completedStays: completed,
          medianDays: medianFromMiddle(completed, middles.map((m) => ({ rank: m.rank, value: m.days }))),
        };
      }),
    };
  });

  const teamOnTime = median(raw.map((r) => r.onTimeRate));
  const teamStages = stages.map((stage, i) => ({
    stage,
    touchesPerJourney: median(raw.map((r) => r.stages[i]?.touchesPerJourney ?? null)),
    conversion: median(raw.map((r) => r.stages[i]?.conversion ?? null)),
    medianDaysInStage: median(raw.map((r) => r.stages[i]?.medianDays ?? null)),
  }));

  return {
    ams: raw.map((r) => ({
      userId: r.am.id,
      name: r.am.name,
      stageExits: r.exits.exits,
      exitsOnTime: r.exits.onTime,
      gatesOnTime: metric(r.onTimeRate, teamOnTime),
      stages: r.stages.map((s, i) => {
        const team = teamStages[i] as (typeof teamStages)[number];
        return {
          stage: s.stage,
          stays: s.stays,
          touches: s.touches,
          touchesPerJourney: metric(s.touchesPerJourney, team.touchesPerJourney),
          entered: s.entered,
          advanced: s.advanced,
          conversion: metric(s.conversion, team.conversion),
          completedStays: s.completedStays,
          medianDaysInStage: metric(s.medianDays, team.medianDaysInStage),
        };
      }),
    })),
    teamMedians: { gatesOnTime: teamOnTime, stages: teamStages },
  };
}
