import type { Actor, Subject } from '../domain/policy.js';
import { can } from '../domain/policy.js';
import { decideTransition, stageConfig, type UnmetGate } from '../domain/gates.js';
import type { Transition } from '../domain/stages.js';
import { isCurrencyCode, totalIn } from '../domain/money.js';
import { isUniqueViolation, searchText } from '../db/dialect.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { AppError, invalidField } from '../shared/errors.js';
import type { HistoryEntry, Journey, JourneyCreate, JourneyListQuery, JourneyPatch, TransitionBody } from '../shared/schemas/journeys.js';
import type { Pipeline } from '../shared/schemas/playbook.js';
import { stages, type Stage } from '../shared/vocabulary.js';
import { audit, authorize, notFound, nowIso, read, requireUser, transact, versionConflict, type Deps } from './context.js';
import { gateContext, pipelineOf, type GateContext } from './playbook.service.js';
import { recordHandoffs } from './team.service.js';

export function journeySubject(j: Pick<Journey, 'ownerId' | 'saId' | 'marcommId' | 'teamId'>): Subject {
  return { type: 'journey', ownerId: j.ownerId, saId: j.saId, marcommId: j.marcommId, teamId: j.teamId };
}

const refusalReasons: Record<string, string> = {
  journey_closed: 'the journey has an outcome; reopen it first',
  journey_open: 'the journey is still open',
  same_stage: 'the journey is already in that stage',
  skips_stages: 'a journey moves forward one stage at a time',
  reject_after_decision: 'a journey past decision is discontinued, not rejected',
  discontinue_before_implementation: 'only a journey in implementation or confirmation can be discontinued',
  adopt_before_confirmation: 'adoption is confirmed from the confirmation stage',
  reason_required: 'a reason is required',
};

/** A history row with the lenses in force: the Rogers stage and AIDAS steps of the pipeline's stage, and its version. */
function historyEntry(
  deps: Deps,
  actor: Actor,
  pipeline: Pipeline,
  row: {
    seq: number;
    kind: HistoryEntry['kind'];
    fromStage: Stage | null;
    to: { stage: Stage; outcome: Journey['outcome'] };
    reason: string | null;
    note: string | null;
    at: string;
    override?: { reason: string; unmet: UnmetGate[] } | null;
  },
): HistoryEntry {
  return {
    id: deps.ids.next(),
    seq: row.seq,
    kind: row.kind,
    fromStage: row.fromStage,
    toStage: row.to.stage,
    outcome: row.to.outcome,
    rogersStage: row.to.stage,
    aidasSteps: [...stageConfig(pipeline, row.to.stage).aidasSteps],
    reason: row.reason,
    note: row.note,
    actorId: actor.userId,
    at: row.at,
    overrideReason: row.override?.reason ?? null,
    unmetGates: row.override?.unmet ?? null,
    pipelineId: pipeline.id,
    pipelineVersion: pipeline.version,
  };
}

function describeUnmet(unmet: readonly UnmetGate[]): string {
  return `Unmet gates: ${unmet.map((g) => `${g.label.en} (${g.stage})`).join('; ')}`;
}

/**
 * Opens a journey inside the caller's transaction: checks, the journey row, its first history
 * row, the stage event and the audit entry. The journeys API and campaign responses both use it,
 * so a journey is opened by one rule wherever it starts.
 */
export async function openJourney(repos: Repositories, deps: Deps, actor: Actor, input: JourneyCreate): Promise<Journey> {
  const account = await repos.accounts.findById(input.accountId);
  if (!account) throw invalidField('body.accountId', 'is not an account');
  const solutionName = await repos.journeys.solutionName(input.solutionId);
  if (solutionName === null) throw invalidField('body.solutionId', 'is not a solution');
  const ownerId = input.ownerId !== undefined ? input.ownerId : account.ownerId;
  await requireUser(repos, ownerId, 'body.ownerId');
  await requireUser(repos, input.saId, 'body.saId');
  await requireUser(repos, input.marcommId, 'body.marcommId');
  authorize(actor, 'write', journeySubject({ ownerId, saId: input.saId, marcommId: input.marcommId, teamId: account.teamId }));
  if (input.pipelineId !== null && !(await repos.playbook.findPipeline(input.pipelineId))) throw invalidField('body.pipelineId', 'is not a pipeline');
  const existing = await repos.journeys.findLive(input.accountId, input.solutionId);
  if (existing) throw new AppError('already_exists', { record: 'journey', id: existing }, 'This account already has a journey for this solution');

  const now = nowIso(deps);
  const id = deps.ids.next();
  await repos.journeys.insert(
    {
      id,
      accountId: input.accountId,
      solutionId: input.solutionId,
      ownerId,
      saId: input.saId,
      marcommId: input.marcommId,
      valueMinor: input.valueMinor,
      currency: input.currency,
      expectedDecisionDate: input.expectedDecisionDate,
      principalInvolvement: input.principalInvolvement,
      stage: input.stage,
      outcome: 'open',
      outcomeReason: null,
      stageEnteredAt: now,
      lastActivityAt: null,
    },
    searchText(account.name, solutionName),
    now,
  );
  if (input.pipelineId !== null) await repos.playbook.setJourneyPipeline(id, input.pipelineId);
  const pipeline = await pipelineOf(repos, id);
  await repos.journeys.appendHistory({
    journeyId: id,
    ...historyEntry(deps, actor, pipeline, {
      seq: 1,
      kind: 'open',
      fromStage: null,
      to: { stage: input.stage, outcome: 'open' },
      reason: null,
      note: input.note ?? null,
      at: now,
    }),
  });
  const journey = await loadJourney(repos, id);
  await announceStage(repos, deps, actor, journey);
  await audit(repos, deps, actor, 'create', 'journey', id, null, journey);
  return journey;
}

async function loadJourney(repos: Repositories, id: string): Promise<Journey> {
  const journey = await repos.journeys.findById(id);
  if (!journey) throw notFound('journey', id);
  return journey;
}

export function journeysService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<Journey> {
    const journey = await repos.journeys.findById(id);
    if (!journey) throw notFound('journey', id);
    return journey;
  }

  async function checkCurrency(currency: string, field: string) {
    if (!isCurrencyCode(currency)) throw invalidField(field, 'is not an ISO 4217 currency code');
  }

  return {
    list: (query: JourneyListQuery): Promise<Page<Journey>> => read(deps).journeys.list(query),

    get: (id: string): Promise<Journey> => load(read(deps), id),

    history: async (id: string): Promise<HistoryEntry[]> => {
      const repos = read(deps);
      await load(repos, id);
      return repos.journeys.history(id);
    },

    /** What the caller may do with the journey: the UI hides what the server would refuse. */
    permissions(actor: Actor, journey: Journey) {
      return { write: can(actor, 'write', journeySubject(journey)), overrideGate: can(actor, 'override_gate', journeySubject(journey)) };
    },

    async create(actor: Actor, input: JourneyCreate): Promise<Journey> {
      await checkCurrency(input.currency, 'body.currency');
      try {
        return await transact(deps, (repos) => openJourney(repos, deps, actor, input));
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('already_exists', { record: 'journey' }, 'This account already has a journey for this solution');
        throw error;
      }
    },

    async update(actor: Actor, id: string, patch: JourneyPatch): Promise<Journey> {
      if (patch.currency !== undefined) await checkCurrency(patch.currency, 'body.currency');
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', journeySubject(current));
        if (patch.version !== current.version) throw versionConflict('journey', id, current.version);
        const { version, handoffNote, ...changes } = patch;
        const next: Journey = { ...current, ...changes };
        if (changes.ownerId !== undefined) await requireUser(repos, next.ownerId, 'body.ownerId');
        if (changes.saId !== undefined) await requireUser(repos, next.saId, 'body.saId');
        if (changes.marcommId !== undefined) await requireUser(repos, next.marcommId, 'body.marcommId');
        authorize(actor, 'write', journeySubject(next));
        if (!(await repos.journeys.update(next, version, nowIso(deps)))) throw versionConflict('journey', id, null);
        await recordHandoffs(repos, deps, actor, current, next, handoffNote ?? null);
        const saved = await load(repos, id);
        await audit(repos, deps, actor, 'update', 'journey', id, current, saved);
        return saved;
      });
    },

    /**
     * Moves a journey: checks the stage machine, then the gates of every stage a forward move
     * leaves behind (an override needs a reason and the right to override), writes the new
     * state and appends the history row in one transaction, so the history always replays to
     * the current stage and records every override with the gates it skipped.
     */
    async transition(actor: Actor, id: string, body: TransitionBody): Promise<{ journey: Journey; entry: HistoryEntry }> {
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', journeySubject(current));
        if (body.version !== current.version) throw versionConflict('journey', id, current.version);

        const transition: Transition =
          body.kind === 'move'
            ? { kind: 'move', to: body.to }
            : body.kind === 'reopen'
              ? body.to === undefined
                ? { kind: 'reopen' }
                : { kind: 'reopen', to: body.to }
              : body.kind === 'adopt'
                ? { kind: 'adopt' }
                : { kind: body.kind, reason: body.reason };
        const override = body.kind === 'move' || body.kind === 'adopt' || body.kind === 'reopen' ? (body.override ?? null) : null;
        const gates: GateContext = await gateContext(repos, current, nowIso(deps));
        const result = decideTransition(current, transition, {
          checksFor: gates.checksFor,
          override,
          mayOverride: can(actor, 'override_gate', journeySubject(current)),
        });
        if (!result.ok) {
          switch (result.refusal) {
            case 'gates_unmet':
              throw new AppError('gates_unmet', { from: current.stage, unmet: result.unmet }, describeUnmet(result.unmet));
            case 'override_forbidden':
              throw new AppError('forbidden', { action: 'override_gate', record: 'journey', unmet: result.unmet }, 'Only the team’s sales manager or an admin may override a gate');
            case 'override_reason_required':
              throw invalidField('body.override.reason', 'is required to override a gate');
            default:
              throw new AppError(
                'transition_not_allowed',
                { refusal: result.refusal, from: current.stage, outcome: current.outcome, allowedStages: stages },
                refusalReasons[result.refusal],
              );
          }
        }
        const now = nowIso(deps);
        const stageChanged = result.next.stage !== current.stage;
        const next: Journey = {
          ...current,
          stage: result.next.stage,
          outcome: result.next.outcome,
          outcomeReason: body.kind === 'reject' || body.kind === 'discontinue' ? body.reason : result.next.outcome === 'open' ? null : current.outcomeReason,
          stageEnteredAt: stageChanged ? now : current.stageEnteredAt,
        };
        if (!(await repos.journeys.update(next, body.version, now))) throw versionConflict('journey', id, null);
        const entry = historyEntry(deps, actor, gates.pipeline, {
          seq: await repos.journeys.nextSeq(id),
          kind: body.kind,
          fromStage: current.stage,
          to: result.next,
          reason: body.kind === 'reject' || body.kind === 'discontinue' ? body.reason : null,
          note: body.note ?? null,
          at: now,
          override: result.override,
        });
        await repos.journeys.appendHistory({ journeyId: id, ...entry });
        const saved = await load(repos, id);
        if (stageChanged) await announceStage(repos, deps, actor, saved);
        if (saved.outcome !== current.outcome) await announceOutcome(repos, deps, actor, saved);
        await audit(repos, deps, actor, 'transition', 'journey', id, current, saved);
        return { journey: saved, entry };
      });
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      await transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', journeySubject(current));
        if (version !== current.version) throw versionConflict('journey', id, current.version);
        if (!(await repos.journeys.softDelete(id, version, nowIso(deps)))) throw versionConflict('journey', id, null);
        await audit(repos, deps, actor, 'delete', 'journey', id, current, null);
      });
    },

    /** Pipeline totals in the workspace currency, converting other currencies at the rate in force on `asOf`. */
    async summary(filter: Omit<JourneyListQuery, 'limit' | 'cursor' | 'sort'>, asOf?: string) {
      const repos = read(deps);
      const { currency } = await repos.money.workspaceSettings();
      const date = asOf ?? nowIso(deps).slice(0, 10);
      const sums = await repos.journeys.sumsByStageAndCurrency(filter);
      const foreign = [...new Set(sums.map((s) => s.currency).filter((c) => c !== currency))];
      const rates = await repos.money.rates(foreign, date);
      const byStage = [];
      let count = 0;
      let totalMinor = 0;
      for (const stage of stages) {
        const rows = sums.filter((s) => s.stage === stage);
        const converted = totalIn(currency, rows.map((r) => ({ amountMinor: r.totalMinor, currency: r.currency })), rates, date);
        if (!converted.ok) {
          throw new AppError('missing_exchange_rate', { currency: converted.missingCurrency, date }, `No ${converted.missingCurrency} rate on or before ${date}`);
        }
        const stageCount = rows.reduce((n, r) => n + r.count, 0);
        byStage.push({ stage, count: stageCount, totalMinor: converted.amountMinor });
        count += stageCount;
        totalMinor += converted.amountMinor;
      }
      return { currency, asOf: date, count, totalMinor, byStage };
    },
  };
}

/** The outbox events other parts react to (automation rules): appended in the move's own transaction. */
export async function announceStage(repos: Repositories, deps: Deps, actor: Actor | null, journey: Journey): Promise<void> {
  await repos.events.append({
    id: deps.ids.next(),
    type: 'journey.stage_entered',
    subjectType: 'journey',
    subjectId: journey.id,
    payload: { stage: journey.stage, accountId: journey.accountId, solutionId: journey.solutionId, ownerId: journey.ownerId },
    actorId: actor?.userId ?? null,
    occurredAt: nowIso(deps),
  });
}

async function announceOutcome(repos: Repositories, deps: Deps, actor: Actor | null, journey: Journey): Promise<void> {
  await repos.events.append({
    id: deps.ids.next(),
    type: 'journey.outcome_set',
    subjectType: 'journey',
    subjectId: journey.id,
    payload: { outcome: journey.outcome, stage: journey.stage, accountId: journey.accountId, solutionId: journey.solutionId, ownerId: journey.ownerId },
    actorId: actor?.userId ?? null,
    occurredAt: nowIso(deps),
  });
}
