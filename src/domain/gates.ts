import type { ActivityType, AidasStep, Outcome, Stage } from '../shared/vocabulary.js';
import { stages } from '../shared/vocabulary.js';
import { isUnresolved, solutionCategoriesFor, type ItCategory, type MitigationStatus, type RiskSolutionLink } from './recommendations.js';
import { applyTransition, stageIndex, type JourneyState, type Transition, type TransitionRefusal } from './stages.js';

/**
 * Stage gates (DESIGN.md §3): the checklist of evidence a journey needs before it leaves a
 * stage, as pure functions over the evidence a service has read. A pipeline stage carries its
 * gates; moving forward needs the gates of every stage left behind, or a recorded override.
 */

/** A gate's name as the person who configured the pipeline wrote it, in both languages. */
export interface GateLabel {
  en: string;
  id: string;
}

/** Journey fields a `field_set` gate may require. */
export const gateFields = ['expectedDecisionDate', 'saId', 'marcommId', 'valueMinor', 'principalInvolvement'] as const;
export type GateField = (typeof gateFields)[number];

export const gateKinds = ['activity', 'contact_persona', 'field_set', 'it_assessment', 'sa_meeting', 'survey', 'manual'] as const;
export type GateKind = (typeof gateKinds)[number];

interface GateBase {
  /** Stable within its pipeline: manual ticks and history rows refer to it. */
  id: string;
  label: GateLabel;
}

export type Gate =
  /** An activity of one of these types logged on the journey; `saLed`: the journey's SA took part. */
  | (GateBase & { kind: 'activity'; activityTypes: ActivityType[]; saLed: boolean })
  /** A contact of the account with a persona (division, seniority, proficiency, influence). */
  | (GateBase & { kind: 'contact_persona' })
  /** A journey field has a value (valueMinor: more than zero). */
  | (GateBase & { kind: 'field_set'; field: GateField })
  /** An IT assessment of the account with an unresolved risk the journey's solution category addresses. */
  | (GateBase & { kind: 'it_assessment' })
  /** The journey's SA took part in a meeting or demo logged on the journey. */
  | (GateBase & { kind: 'sa_meeting' })
  /** A satisfaction survey (activity type `survey`) logged on the journey. */
  | (GateBase & { kind: 'survey' })
  /** Somebody ticked the gate with a note. */
  | (GateBase & { kind: 'manual' });

/** One stage of a pipeline with both lenses and its exit gates. */
export interface StageConfig {
  stage: Stage;
  position: number;
  aidasSteps: AidasStep[];
  gates: Gate[];
}

export interface PipelineConfig {
  id: string;
  version: number;
  stages: StageConfig[];
}

const personalTouch: ActivityType[] = ['visit', 'call', 'telemarketing_call', 'whatsapp', 'email', 'meeting'];

/** The default pipeline of DESIGN.md §3. The migration seeds it; pipelines per solution line copy and change it. */
export const defaultPipelineStages: readonly StageConfig[] = [
  {
    stage: 'knowledge',
    position: 1,
    aidasSteps: ['attention', 'interest'],
    gates: [
      { id: 'contact-persona', kind: 'contact_persona', label: { en: 'Contact persona recorded', id: 'Persona kontak tercatat' } },
      {
        id: 'first-touch',
        kind: 'activity',
        activityTypes: personalTouch,
        saLed: false,
        label: { en: 'First personal touch logged', id: 'Sentuhan personal pertama tercatat' },
      },
    ],
  },
  {
    stage: 'persuasion',
    position: 2,
    aidasSteps: ['desire'],
    gates: [
      {
        id: 'it-assessment',
        kind: 'it_assessment',
        label: { en: 'IT assessment with a risk the solution addresses', id: 'Asesmen TI dengan risiko yang ditangani solusi' },
      },
    ],
  },
  {
    stage: 'decision',
    position: 3,
    aidasSteps: ['action'],
    gates: [
      {
        id: 'sa-demo',
        kind: 'activity',
        activityTypes: ['demo', 'meeting'],
        saLed: true,
        label: { en: 'SA-led demo or technical session logged', id: 'Demo atau sesi teknis bersama SA tercatat' },
      },
    ],
  },
  {
    stage: 'implementation',
    position: 4,
    aidasSteps: ['satisfaction'],
    gates: [
      {
        id: 'kick-off',
        kind: 'activity',
        activityTypes: ['implementation_session'],
        saLed: false,
        label: { en: 'Implementation kick-off logged', id: 'Kick-off implementasi tercatat' },
      },
      { id: 'go-live', kind: 'manual', label: { en: 'Go-live confirmed', id: 'Go-live dikonfirmasi' } },
    ],
  },
  {
    stage: 'confirmation',
    position: 5,
    aidasSteps: ['satisfaction'],
    gates: [{ id: 'satisfaction', kind: 'survey', label: { en: 'Satisfaction recorded (CSAT/NPS)', id: 'Kepuasan tercatat (CSAT/NPS)' } }],
  },
];

/** What a service reads about a journey so that the gates can be judged without I/O. */
export interface GateEvidence {
  journey: {
    saId: string | null;
    marcommId: string | null;
    expectedDecisionDate: string | null;
    valueMinor: number;
    principalInvolvement: string | null;
    solutionCategory: string;
  };
  /** Live contacts of the journey's account. */
  contacts: readonly { id: string }[];
  /** Live activities logged on the journey; `userIds` are the participating users besides the creator. */
  activities: readonly { id: string; type: ActivityType; occurredAt: string; createdBy: string | null; userIds: readonly string[] }[];
  /** Live risks of the account's IT assessment. */
  risks: readonly { id: string; category: ItCategory; mitigationStatus: MitigationStatus }[];
  riskMap: readonly RiskSolutionLink[];
  ticks: readonly { id: string; gateId: string; note: string }[];
}

export interface EvidenceRef {
  type: 'activity' | 'contact' | 'risk' | 'tick' | 'field';
  id: string;
}

export interface GateCheck {
  gate: Gate;
  met: boolean;
  evidence: EvidenceRef[];
}

function tookPart(a: GateEvidence['activities'][number], userId: string | null): boolean {
  return userId !== null && (a.createdBy === userId || a.userIds.includes(userId));
}

/** Judges one gate against the evidence; the evidence names the records that satisfy it. */
export function checkGate(gate: Gate, evidence: GateEvidence): GateCheck {
  const found = (refs: EvidenceRef[]): GateCheck => ({ gate, met: refs.length > 0, evidence: refs });
  const activities = (types: readonly ActivityType[], saLed: boolean) =>
    evidence.activities
      .filter((a) => types.includes(a.type) && (!saLed || tookPart(a, evidence.journey.saId)))
      .map((a): EvidenceRef => ({ type: 'activity', id: a.id }));

  switch (gate.kind) {
    case 'activity':
      return found(activities(gate.activityTypes, gate.saLed));
    case 'contact_persona':
      return found(evidence.contacts.map((c) => ({ type: 'contact', id: c.id })));
    case 'field_set': {
      const value = evidence.journey[gate.field];
      const set = gate.field === 'valueMinor' ? typeof value === 'number' && value > 0 : value !== null && value !== '';
      return found(set ? [{ type: 'field', id: gate.field }] : []);
    }
    case 'it_assessment':
      return found(
        evidence.risks
          .filter((r) => isUnresolved(r.mitigationStatus) && solutionCategoriesFor(r.category, evidence.riskMap).includes(evidence.journey.solutionCategory))
          .map((r) => ({ type: 'risk', id: r.id })),
      );
    case 'sa_meeting':
      return found(activities(['meeting', 'demo'], true));
    case 'survey':
      return found(activities(['survey'], false));
    case 'manual':
      return found(evidence.ticks.filter((t) => t.gateId === gate.id && t.note.trim() !== '').map((t) => ({ type: 'tick', id: t.id })));
  }
}

/** The checklist of one stage, split into the gates met and those still open. */
export function evaluateGates(stage: StageConfig, evidence: GateEvidence): { met: Gate[]; unmet: Gate[]; checks: GateCheck[] } {
  const checks = stage.gates.map((g) => checkGate(g, evidence));
  return { met: checks.filter((c) => c.met).map((c) => c.gate), unmet: checks.filter((c) => !c.met).map((c) => c.gate), checks };
}

/** An unmet gate as the refusal and the history row record it. */
export interface UnmetGate {
  stage: Stage;
  gateId: string;
  kind: GateKind;
  label: GateLabel;
}

/**
 * The stages a transition leaves behind going forward: a move or reopen to a later stage
 * leaves every stage from the current one up to the target; adoption leaves confirmation.
 * Backward moves, rejection and discontinuance leave nothing behind, so they need no gates.
 */
export function stagesLeftBehind(from: JourneyState, transition: Transition, next: JourneyState): Stage[] {
  if (transition.kind === 'adopt') return ['confirmation'];
  if (transition.kind !== 'move' && transition.kind !== 'reopen') return [];
  return stages.slice(stageIndex(from.stage), Math.max(stageIndex(from.stage), stageIndex(next.stage)));
}

export interface GateOverride {
  reason: string;
}

export type GatedRefusal =
  | { refusal: TransitionRefusal; unmet?: never }
  | { refusal: 'gates_unmet'; unmet: UnmetGate[] }
  | { refusal: 'override_forbidden'; unmet: UnmetGate[] }
  | { refusal: 'override_reason_required'; unmet: UnmetGate[] };

export type GatedResult =
  | { ok: true; from: JourneyState; next: JourneyState; override: { reason: string; unmet: UnmetGate[] } | null }
  | ({ ok: false } & GatedRefusal);

/**
 * The transition rule: first the stage machine, then the gates. Moving forward requires the
 * gates of every stage left behind; when some are unmet, the move goes through only with an
 * override that carries a reason from someone allowed to override (policy `override_gate`).
 * An override on a move whose gates are all met is not needed and not recorded.
 */
export function decideTransition(
  state: JourneyState,
  transition: Transition,
  gates: { checksFor: (stage: Stage) => readonly GateCheck[]; override: GateOverride | null; mayOverride: boolean },
): GatedResult {
  const result = applyTransition(state, transition);
  if (!result.ok) return { ok: false, refusal: result.refusal };
  const unmet = stagesLeftBehind(state, transition, result.next).flatMap((stage) =>
    gates
      .checksFor(stage)
      .filter((c) => !c.met)
      .map((c): UnmetGate => ({ stage, gateId: c.gate.id, kind: c.gate.kind, label: c.gate.label })),
  );
  if (unmet.length === 0) return { ok: true, from: state, next: result.next, override: null };
  if (!gates.override) return { ok: false, refusal: 'gates_unmet', unmet };
  if (!gates.override.reason.trim()) return { ok: false, refusal: 'override_reason_required', unmet };
  if (!gates.mayOverride) return { ok: false, refusal: 'override_forbidden', unmet };
  return { ok: true, from: state, next: result.next, override: { reason: gates.override.reason.trim(), unmet } };
}

/** The pipeline stage of a journey's stage, or the default pipeline's when the pipeline lacks it. */
export function stageConfig(pipeline: Pick<PipelineConfig, 'stages'>, stage: Stage): StageConfig {
  const found = pipeline.stages.find((s) => s.stage === stage) ?? defaultPipelineStages.find((s) => s.stage === stage);
  if (!found) throw new RangeError(`no stage ${stage}`);
  return found;
}

/** A history row as the gate rule sees it: enough to audit that no forward move skipped its gates. */
export interface GatedHistoryRow {
  kind: Transition['kind'] | 'open';
  fromStage: Stage | null;
  toStage: Stage;
  outcome: Outcome;
  overrideReason: string | null;
  unmetGates: UnmetGate[] | null;
}
