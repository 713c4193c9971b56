import type { Action, Conditions, Trigger } from '../shared/schemas/automation.js';

/**
 * Automation rules as pure functions: does an event or a date fire a rule, under which key is it
 * acted on (exactly once per key), and when is a failed job tried again.
 *
 * "Go-live" (for `days_after` rules) is the moment the journey's go-live was confirmed: the first
 * tick of the implementation gate `go-live` (domain/gates.ts). A journey whose go-live gate was
 * never ticked (overridden, or a pipeline without that gate) counts from the first time it
 * entered confirmation, since leaving implementation means it went live. `implementation_started`
 * is the first time it entered implementation; `adopted` the first adopt in its stage history.
 */

/** The outbox event as the rules see it (see db/repositories/events.repository.ts). */
export interface TriggerEvent {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** What a job is about. */
export interface JobSubject {
  journeyId: string | null;
  accountId: string | null;
  contactId: string | null;
}

/** Facts about the subject that conditions are judged on; `inSegment` is null when no rule asked. */
export interface ConditionFacts {
  solutionId: string | null;
  teamId: string | null;
  inSegment: boolean | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Whether an outbox event fires a rule's trigger (time-based triggers never match events). */
export function eventMatches(event: TriggerEvent, trigger: Trigger): boolean {
  const p = event.payload;
  switch (trigger.kind) {
    case 'stage_entered':
      return event.type === 'journey.stage_entered' && p.stage === trigger.stage;
    case 'activity_logged':
      return event.type === 'activity.logged' && p.activityType === trigger.activityType;
    case 'campaign_response':
      return event.type === 'campaign.response' && p.kind === trigger.responseKind && (trigger.campaignType === null || p.campaignType === trigger.campaignType);
    case 'no_touch':
    case 'days_after':
      return false;
  }
}

/** The journey, account and contact an event is about. */
export function eventSubject(event: TriggerEvent): JobSubject {
  const p = event.payload;
  if (event.type === 'journey.stage_entered' || event.type === 'journey.outcome_set') {
    return { journeyId: event.subjectId, accountId: str(p.accountId), contactId: null };
  }
  if (event.type === 'activity.logged') {
    const contactIds = Array.isArray(p.contactIds) ? p.contactIds : [];
    return { journeyId: str(p.journeyId), accountId: str(p.accountId), contactId: str(contactIds[0]) };
  }
  return { journeyId: str(p.journeyId), accountId: str(p.accountId), contactId: str(p.contactId) };
}

export function conditionsHold(conditions: Conditions, facts: ConditionFacts): boolean {
  if (conditions.solutionId !== null && facts.solutionId !== conditions.solutionId) return false;
  if (conditions.teamId !== null && facts.teamId !== conditions.teamId) return false;
  if (conditions.segmentId !== null && facts.inSegment !== true) return false;
  return true;
}

/** Rules triggered by outbox events; the others are found by the time scan. */
export function isEventTrigger(trigger: Trigger): boolean {
  return trigger.kind === 'stage_entered' || trigger.kind === 'activity_logged' || trigger.kind === 'campaign_response';
}

// --- trigger keys: (rule, key) is unique, so each trigger is acted on once ------------------

export function eventTriggerKey(eventId: string): string {
  return `event:${eventId}`;
}

/** One nudge per idle spell: a new touch starts a new spell with a new key. */
export function noTouchTriggerKey(journeyId: string, lastTouchAt: string): string {
  return `no_touch:${journeyId}:${lastTouchAt}`;
}

export function daysAfterTriggerKey(journeyId: string, field: string, anchorAt: string): string {
  return `days_after:${journeyId}:${field}:${anchorAt.slice(0, 10)}`;
}

const DAY_MS = 86_400_000;

/*
 * Time-based rules and backlogs. A time-based trigger (`no_touch`, `days_after`) fires when a
 * journey crosses a threshold: its last touch + N days, or its anchor date + N days. A rule acts
 * only on crossings after it was *armed* — created, enabled again, or given a different trigger
 * (`rearms`) — never on the backlog of crossings from before. Turning on "idle 30 days → nudge the
 * owner" in a workspace with 400 long-idle journeys therefore makes no tasks that day; from then on
 * each journey is nudged on the day it reaches 30 idle days, which is what the team can act on.
 * Crossings while the worker was stopped (the rule still enabled) are caught up when it starts.
 * The long-idle backlog is a list to review (the board's filters, the coaching view), not tasks.
 */

/** Whether saving a rule (create: `current` null) makes its time-based trigger count from now. */
export function rearms(current: { enabled: boolean; trigger: Trigger } | null, next: { enabled: boolean; trigger: Trigger }): boolean {
  if (current === null) return true;
  return next.enabled && (!current.enabled || !sameTrigger(current.trigger, next.trigger));
}

function sameTrigger(a: Trigger, b: Trigger): boolean {
  // Key order differs between a parsed request and PostgreSQL jsonb: compare sorted entries.
  const canonical = (t: Trigger) => JSON.stringify(Object.entries(t).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/**
 * How far back a `days_after` rule looks: a date that fell due while the worker was down
 * (a weekend, an upgrade) is still acted on, but a rule created today does not fire for
 * journeys that went live years ago.
 */
export const DAYS_AFTER_CATCH_UP_DAYS = 14;

/**
 * The window of anchor dates whose `days_after` falls due in (max(now − catch-up, armedAt), now].
 * Without `armedAt` only the catch-up bounds it.
 */
export function daysAfterAnchorWindow(now: Date, days: number, armedAt?: string): { from: string; to: string } {
  const to = new Date(now.getTime() - days * DAY_MS);
  const catchUp = to.getTime() - DAYS_AFTER_CATCH_UP_DAYS * DAY_MS;
  const armed = armedAt === undefined ? catchUp : Date.parse(armedAt) - days * DAY_MS;
  return { from: new Date(Math.min(to.getTime(), Math.max(catchUp, armed))).toISOString(), to: to.toISOString() };
}

/** Journeys last touched at or before this instant are idle for a `no_touch` rule. */
export function idleSince(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/**
 * The last touches a `no_touch` rule acts on: (armedAt − days, now − days], i.e. journeys that
 * reached `days` idle days after the rule was armed and by now.
 */
export function idleWindow(now: Date, days: number, armedAt: string): { touchedAfter: string; idleSince: string } {
  return { touchedAfter: new Date(Date.parse(armedAt) - days * DAY_MS).toISOString(), idleSince: idleSince(now, days) };
}

// --- retries -----------------------------------------------------------------------------

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/** Exponential backoff: 1, 2, 4, 8 … minutes after the n-th failed attempt, at most 6 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
}

/** What a failed attempt leaves: tried again later, or dead after `maxAttempts`. */
export function afterFailure(attempts: number, now: Date, maxAttempts = MAX_ATTEMPTS): { status: 'failed' | 'dead'; nextAttemptAt: string } {
  if (attempts >= maxAttempts) return { status: 'dead', nextAttemptAt: now.toISOString() };
  return { status: 'failed', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() };
}

/** How long a claimed job is held; a worker that dies leaves it claimable after this. */
export const LEASE_MS = 5 * 60_000;

// --- satisfaction surveys --------------------------------------------------------------------

export type SurveyKind = 'csat' | 'nps';

/** CSAT is 1 (very unsatisfied) … 5 (very satisfied); NPS 0 … 10 ("how likely to recommend"). */
export function surveyScoreRange(kind: SurveyKind): { min: number; max: number } {
  return kind === 'csat' ? { min: 1, max: 5 } : { min: 0, max: 10 };
}

/** NPS categories (Reichheld 2003): promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** Net Promoter Score: % promoters − % detractors, rounded; null without answers. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => npsCategory(s) === 'promoter').length;
  const detractors = scores.filter((s) => npsCategory(s) === 'detractor').length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

/** How long an emailed survey link stays valid. */
export const SURVEY_VALID_DAYS = 30;

// --- the rules Difusi ships with (seeded by migration 0010, editable afterwards) -------------

export interface DefaultRule {
  id: string;
  name: string;
  description: string;
  trigger: Trigger;
  conditions: Conditions;
  actions: Action[];
}

const anywhere: Conditions = { segmentId: null, solutionId: null, teamId: null };

export const DEFAULT_RULE_IDS = {
  webinarFollowUp: '00000000-0000-7000-8000-0000000000a1',
  idleNudge: '00000000-0000-7000-8000-0000000000a2',
  decisionDemo: '00000000-0000-7000-8000-0000000000a3',
  goLiveCsat: '00000000-0000-7000-8000-0000000000a4',
  goLiveNps: '00000000-0000-7000-8000-0000000000a5',
} as const;

export const defaultAutomationRules: readonly DefaultRule[] = [
  {
    id: DEFAULT_RULE_IDS.webinarFollowUp,
    name: 'Tindak lanjut peserta webinar',
    description: 'A webinar attendee gets a follow-up task for the account manager, due in 2 working days.',
    trigger: { kind: 'campaign_response', campaignType: 'webinar', responseKind: 'attended' },
    conditions: anywhere,
    actions: [{ kind: 'create_task', assignee: 'am', title: 'Tindak lanjuti peserta webinar', dueInWorkingDays: 2 }],
  },
  {
    id: DEFAULT_RULE_IDS.idleNudge,
    name: 'Perjalanan tanpa sentuhan 30 hari',
    description: 'An open journey without any activity for 30 days nudges its owner with a task.',
    trigger: { kind: 'no_touch', days: 30 },
    conditions: anywhere,
    actions: [{ kind: 'create_task', assignee: 'am', title: 'Hubungi kembali: 30 hari tanpa sentuhan', dueInWorkingDays: 1 }],
  },
  {
    id: DEFAULT_RULE_IDS.decisionDemo,
    name: 'Demo SA di tahap keputusan',
    description: 'A journey entering decision gets a demo task for its solution architect.',
    trigger: { kind: 'stage_entered', stage: 'decision' },
    conditions: anywhere,
    actions: [{ kind: 'create_task', assignee: 'sa', title: 'Siapkan dan jalankan demo solusi', dueInWorkingDays: 5 }],
  },
  {
    id: DEFAULT_RULE_IDS.goLiveCsat,
    name: 'Survei CSAT 30 hari setelah go-live',
    description: 'Thirty days after go-live the customer gets a CSAT survey by email.',
    trigger: { kind: 'days_after', field: 'go_live', days: 30 },
    conditions: anywhere,
    actions: [{ kind: 'request_survey', surveyKind: 'csat' }],
  },
  {
    id: DEFAULT_RULE_IDS.goLiveNps,
    name: 'Survei NPS 90 hari setelah go-live',
    description: 'Ninety days after go-live the customer gets an NPS survey by email.',
    trigger: { kind: 'days_after', field: 'go_live', days: 90 },
    conditions: anywhere,
    actions: [{ kind: 'request_survey', surveyKind: 'nps' }],
  },
];
