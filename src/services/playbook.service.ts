import { checkGate, evaluateGates, stageConfig, type GateCheck } from '../domain/gates.js';
import { nextBestActions, type NextBestActionEvidence } from '../domain/nextBestAction.js';
import type { Actor, Subject } from '../domain/policy.js';
import { can } from '../domain/policy.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { Repositories } from '../db/repositories/index.js';
import { AppError, invalidField } from '../shared/errors.js';
import type { Journey } from '../shared/schemas/journeys.js';
import type { GateChecklist, GateTick, JourneyPipeline, Pipeline, PipelineCreate, PipelineUpdate } from '../shared/schemas/playbook.js';
import type { Stage } from '../shared/vocabulary.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

function journeySubject(j: Journey): Subject {
  return { type: 'journey', ownerId: j.ownerId, saId: j.saId, marcommId: j.marcommId, teamId: j.teamId };
}

/** The pipeline a journey follows and the evidence its gates are judged on, read in one place. */
export interface GateContext {
  pipeline: Pipeline;
  evidence: NextBestActionEvidence;
  checksFor(stage: Stage): GateCheck[];
}

export async function pipelineOf(repos: Repositories, journeyId: string): Promise<Pipeline> {
  const pipeline = await repos.playbook.pipelineForJourney(journeyId);
  // The migration seeds the default pipeline; a database without it was not migrated.
  if (!pipeline) throw new AppError('internal', { reason: 'no default pipeline' }, 'No pipeline applies to this journey');
  return pipeline;
}

/**
 * Reads everything the gates of any stage may ask about: contacts, activities, risks, the risk
 * map, ticks. Only activities that have happened by `now` count: a demo scheduled for next week
 * is not yet evidence.
 */
export async function gateContext(repos: Repositories, journey: Journey, now: string): Promise<GateContext> {
  const [pipeline, solutionCategory, contacts, activities, risks, riskMap, ticks] = await Promise.all([
    pipelineOf(repos, journey.id),
    repos.playbook.solutionCategoryOfJourney(journey.id),
    repos.playbook.contactPersonas(journey.accountId),
    repos.playbook.journeyActivities(journey.id),
    repos.assessments.listRisks(journey.accountId),
    repos.assessments.riskMap(),
    repos.playbook.ticks(journey.id),
  ]);
  const evidence: NextBestActionEvidence = {
    journey: {
      saId: journey.saId,
      marcommId: journey.marcommId,
      expectedDecisionDate: journey.expectedDecisionDate,
      valueMinor: journey.valueMinor,
      principalInvolvement: journey.principalInvolvement,
      solutionCategory: solutionCategory ?? '',
    },
    contacts,
    activities: activities.filter((a) => a.occurredAt <= now),
    risks,
    riskMap,
    ticks,
  };
  return { pipeline, evidence, checksFor: (stage) => stageConfig(pipeline, stage).gates.map((g) => checkGate(g, evidence)) };
}

/** Pipelines (admin), a journey's gate checklist, manual gate ticks and next best actions. */
export function playbookService(deps: Deps) {
  async function loadJourney(repos: Repositories, id: string): Promise<Journey> {
    const journey = await repos.journeys.findById(id);
    if (!journey) throw notFound('journey', id);
    return journey;
  }

  async function checklist(repos: Repositories, actor: Actor, journey: Journey): Promise<GateChecklist> {
    const context = await gateContext(repos, journey, nowIso(deps));
    const config = stageConfig(context.pipeline, journey.stage);
    const { checks } = evaluateGates(config, context.evidence);
    return {
      journeyId: journey.id,
      pipelineId: context.pipeline.id,
      pipelineVersion: context.pipeline.version,
      stage: journey.stage,
      aidasSteps: config.aidasSteps,
      met: checks.filter((c) => c.met),
      unmet: checks.filter((c) => !c.met),
      canOverride: can(actor, 'override_gate', journeySubject(journey)),
    };
  }

  return {
    listPipelines: () => read(deps).playbook.listPipelines(),

    async getPipeline(id: string): Promise<Pipeline> {
      const found = await read(deps).playbook.findPipeline(id);
      if (!found) throw notFound('pipeline', id);
      return found;
    },

    /** A pipeline for one solution line; the default pipeline exists from the first migration. */
    async createPipeline(actor: Actor, input: PipelineCreate): Promise<Pipeline> {
      authorize(actor, 'write', { type: 'workspace' });
      try {
        return await transact(deps, async (repos) => {
          const id = deps.ids.next();
          await repos.playbook.insertPipeline({ id, name: input.name, isDefault: false, solutionCategory: input.solutionCategory, stages: input.stages }, nowIso(deps));
          const created = await repos.playbook.findPipeline(id);
          if (!created) throw notFound('pipeline', id);
          await audit(repos, deps, actor, 'create', 'pipeline', id, null, created);
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw invalidField('body.solutionCategory', 'already has a pipeline');
        throw error;
      }
    },

    /** A new version of the pipeline; history rows keep the version they were written under. */
    async updatePipeline(actor: Actor, id: string, patch: PipelineUpdate): Promise<Pipeline> {
      authorize(actor, 'write', { type: 'workspace' });
      return transact(deps, async (repos) => {
        const current = await repos.playbook.findPipeline(id);
        if (!current) throw notFound('pipeline', id);
        if (patch.version !== current.version) throw versionConflict('pipeline', id, current.version);
        const next = { id, name: patch.name ?? current.name, stages: patch.stages ?? current.stages };
        if (!(await repos.playbook.updatePipeline(next, patch.version, nowIso(deps)))) throw versionConflict('pipeline', id, null);
        const saved = await repos.playbook.findPipeline(id);
        if (!saved) throw notFound('pipeline', id);
        await audit(repos, deps, actor, 'update', 'pipeline', id, current, saved);
        return saved;
      });
    },

    /** The current stage's gates, met and unmet, with the records that meet them. */
    async gates(actor: Actor, journeyId: string): Promise<GateChecklist> {
      const repos = read(deps);
      return checklist(repos, actor, await loadJourney(repos, journeyId));
    },

    /** Ticks a manual gate of the journey's pipeline with a note; the tick is kept, not overwritten. */
    async tick(actor: Actor, journeyId: string, gateId: string, note: string): Promise<{ tick: GateTick; checklist: GateChecklist }> {
      return transact(deps, async (repos) => {
        const journey = await loadJourney(repos, journeyId);
        authorize(actor, 'tick_gate', journeySubject(journey));
        const pipeline = await pipelineOf(repos, journeyId);
        const gate = pipeline.stages.flatMap((s) => s.gates).find((g) => g.id === gateId);
        if (!gate) throw notFound('gate', gateId);
        if (gate.kind !== 'manual') throw invalidField('params.gateId', `is a ${gate.kind} gate: it is met by its evidence, not by a tick`);
        const tick: GateTick = { id: deps.ids.next(), journeyId, gateId, note, tickedBy: actor.userId, at: nowIso(deps) };
        await repos.playbook.insertTick(tick);
        await audit(repos, deps, actor, 'tick_gate', 'journey', journeyId, null, tick);
        return { tick, checklist: await checklist(repos, actor, journey) };
      });
    },

    async journeyPipeline(journeyId: string): Promise<JourneyPipeline> {
      const repos = read(deps);
      const journey = await loadJourney(repos, journeyId);
      return { journeyId, chosenPipelineId: await repos.playbook.chosenPipelineId(journeyId), pipeline: await pipelineOf(repos, journeyId), journeyVersion: journey.version };
    },

    /**
     * Chooses the pipeline a journey follows. Changing it changes which gates apply, so it needs
     * the right to override gates (the team's sales manager, admins). The history keeps the
     * pipeline and version each row was written under.
     */
    async chooseJourneyPipeline(actor: Actor, journeyId: string, pipelineId: string | null, version: number): Promise<JourneyPipeline> {
      return transact(deps, async (repos) => {
        const journey = await loadJourney(repos, journeyId);
        authorize(actor, 'override_gate', journeySubject(journey));
        if (version !== journey.version) throw versionConflict('journey', journeyId, journey.version);
        if (pipelineId !== null && !(await repos.playbook.findPipeline(pipelineId))) throw invalidField('body.pipelineId', 'is not a pipeline');
        const before = await repos.playbook.chosenPipelineId(journeyId);
        if (!(await repos.playbook.chooseJourneyPipeline(journeyId, pipelineId, version, nowIso(deps)))) throw versionConflict('journey', journeyId, null);
        await audit(repos, deps, actor, 'choose_pipeline', 'journey', journeyId, { pipelineId: before }, { pipelineId });
        return { journeyId, chosenPipelineId: pipelineId, pipeline: await pipelineOf(repos, journeyId), journeyVersion: version + 1 };
      });
    },

    async nextBestActions(journeyId: string) {
      const repos = read(deps);
      const journey = await loadJourney(repos, journeyId);
      const context = await gateContext(repos, journey, nowIso(deps));
      const items = nextBestActions(journey, context.checksFor(journey.stage), context.evidence, deps.clock.now());
      return { journeyId, stage: journey.stage, items };
    },
  };
}
