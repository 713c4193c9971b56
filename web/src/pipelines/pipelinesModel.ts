import { defaultPipelineStages, gateFields, type Gate, type GateKind, type StageConfig } from '../../../src/domain/gates';
import type { PipelineCreate, PipelineUpdate } from '../../../src/shared/schemas/playbook';
import type { Pipeline } from './pipelinesApi';

/** The pipeline editor's logic: drafts, gate kinds with their parameters, and the server's issues by field. */

export type SolutionCategory = PipelineCreate['solutionCategory'];

export interface PipelineDraft {
  id: string | null;
  name: string;
  solutionCategory: SolutionCategory | null;
  isDefault: boolean;
  version: number | null;
  stages: StageConfig[];
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function draftFromPipeline(p: Pipeline): PipelineDraft {
  return { id: p.id, name: p.name, solutionCategory: p.solutionCategory, isDefault: p.isDefault, version: p.version, stages: copy(p.stages) as StageConfig[] };
}

/** A new pipeline for a solution line starts as a copy of the default pipeline's stages and gates. */
export function newDraft(from: readonly StageConfig[] = defaultPipelineStages): PipelineDraft {
  return { id: null, name: '', solutionCategory: null, isDefault: false, version: null, stages: copy([...from]) };
}

/** A gate of another kind keeps its id and label and gets that kind's parameters. */
export function withKind(gate: Gate, kind: GateKind): Gate {
  const base = { id: gate.id, label: gate.label };
  switch (kind) {
    case 'activity':
      return { ...base, kind, activityTypes: gate.kind === 'activity' ? gate.activityTypes : ['meeting'], saLed: gate.kind === 'activity' ? gate.saLed : false };
    case 'field_set':
      return { ...base, kind, field: gate.kind === 'field_set' ? gate.field : gateFields[0] };
    default:
      return { ...base, kind };
  }
}

/** A fresh manual gate with an id unused in its stage. */
export function newGate(stage: StageConfig): Gate {
  let n = stage.gates.length + 1;
  while (stage.gates.some((g) => g.id === `gate-${n}`)) n += 1;
  return { id: `gate-${n}`, kind: 'manual', label: { en: '', id: '' } };
}

export function updateStage(draft: PipelineDraft, index: number, change: (stage: StageConfig) => StageConfig): PipelineDraft {
  return { ...draft, stages: draft.stages.map((s, i) => (i === index ? change(s) : s)) };
}

export function updateGate(draft: PipelineDraft, stageIndex: number, gateIndex: number, change: (gate: Gate) => Gate | null): PipelineDraft {
  return updateStage(draft, stageIndex, (s) => ({ ...s, gates: s.gates.flatMap((g, i) => (i === gateIndex ? (change(g) ?? []) : [g])) }));
}

const gateIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Checks the server would make, named by the same paths (body.stages.2.gates.0.id), so both show alike. */
export function validateDraft(draft: PipelineDraft): Record<string, string> {
  const issues: Record<string, string> = {};
  if (!draft.name.trim()) issues['body.name'] = 'pipelines.errors.nameRequired';
  if (draft.id === null && !draft.solutionCategory) issues['body.solutionCategory'] = 'pipelines.errors.categoryRequired';
  draft.stages.forEach((s, i) => {
    if (s.aidasSteps.length === 0) issues[`body.stages.${i}.aidasSteps`] = 'pipelines.errors.aidasRequired';
    const seen = new Set<string>();
    s.gates.forEach((g, j) => {
      const path = `body.stages.${i}.gates.${j}`;
      if (!gateIdPattern.test(g.id)) issues[`${path}.id`] = 'pipelines.errors.gateId';
      else if (seen.has(g.id)) issues[`${path}.id`] = 'pipelines.errors.gateIdTaken';
      seen.add(g.id);
      if (!g.label.en.trim()) issues[`${path}.label.en`] = 'pipelines.errors.labelRequired';
      if (!g.label.id.trim()) issues[`${path}.label.id`] = 'pipelines.errors.labelRequired';
      if (g.kind === 'activity' && g.activityTypes.length === 0) issues[`${path}.activityTypes`] = 'pipelines.errors.activityTypesRequired';
    });
  });
  return issues;
}

function cleanStages(stages: readonly StageConfig[]): StageConfig[] {
  return stages.map((s, i) => ({ ...s, position: i + 1, gates: s.gates.map((g) => ({ ...g, label: { en: g.label.en.trim(), id: g.label.id.trim() } })) }));
}

export function createBody(draft: PipelineDraft): PipelineCreate {
  return { name: draft.name.trim(), solutionCategory: draft.solutionCategory as SolutionCategory, stages: cleanStages(draft.stages) };
}

export function updateBody(draft: PipelineDraft): PipelineUpdate {
  return { name: draft.name.trim(), stages: cleanStages(draft.stages), version: draft.version ?? 1 };
}

/** The server's validation issues by field, for showing them beside the control they name. */
export function serverIssues(details: { issues?: { field: string; reason: string }[] } | undefined): Record<string, string> {
  return Object.fromEntries((details?.issues ?? []).map((i) => [i.field, i.reason]));
}
