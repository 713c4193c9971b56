import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stages, type Stage } from '../shared/vocabulary.js';
import {
  checkGate,
  decideTransition,
  defaultPipelineStages,
  evaluateGates,
  stageConfig,
  stagesLeftBehind,
  type GateCheck,
  type GatedHistoryRow,
  type GateEvidence,
  type StageConfig,
} from './gates.js';
import { defaultRiskSolutionMap } from './recommendations.js';
import { replay, stageIndex, type JourneyState, type Transition } from './stages.js';

const pipeline = { stages: [...defaultPipelineStages] };
const knowledge = stageConfig(pipeline, 'knowledge');

function evidence(overrides: Partial<GateEvidence> = {}): GateEvidence {
  return {
    journey: { saId: 'sa1', marcommId: null, expectedDecisionDate: null, valueMinor: 0, principalInvolvement: null, solutionCategory: 'security' },
    contacts: [],
    activities: [],
    risks: [],
    riskMap: defaultRiskSolutionMap,
    ticks: [],
    ...overrides,
  };
}

const activity = (id: string, type: GateEvidence['activities'][number]['type'], createdBy = 'am1', userIds: string[] = []) => ({
  id,
  type,
  occurredAt: '2026-01-10T03:00:00.000Z',
  createdBy,
  userIds,
});

describe('stage gates', () => {
  it('holds a journey in knowledge until a contact persona and a first personal touch are recorded', () => {
    expect(evaluateGates(knowledge, evidence()).unmet.map((g) => g.id)).toEqual(['contact-persona', 'first-touch']);
    const withContact = evidence({ contacts: [{ id: 'c1' }] });
    expect(evaluateGates(knowledge, withContact).unmet.map((g) => g.id)).toEqual(['first-touch']);
    const done = evaluateGates(knowledge, { ...withContact, activities: [activity('a1', 'whatsapp')] });
    expect(done.unmet).toEqual([]);
    expect(done.checks.map((c) => c.evidence)).toEqual([[{ type: 'contact', id: 'c1' }], [{ type: 'activity', id: 'a1' }]]);
  });

  it('does not count a webinar as a personal touch', () => {
    const result = evaluateGates(knowledge, evidence({ contacts: [{ id: 'c1' }], activities: [activity('a1', 'event_attendance')] }));
    expect(result.unmet.map((g) => g.id)).toEqual(['first-touch']);
  });

  it('meets the assessment gate only with an unresolved risk whose category maps to the solution’s', () => {
    const gate = stageConfig(pipeline, 'persuasion').gates[0];
    if (!gate) throw new Error('no gate');
    const risk = (id: string, category: 'network' | 'security' | 'data', mitigationStatus: 'open' | 'mitigated' | 'planned') => ({ id, category, mitigationStatus });
    expect(checkGate(gate, evidence({ risks: [risk('r1', 'network', 'open')] })).met).toBe(false);
    expect(checkGate(gate, evidence({ risks: [risk('r1', 'security', 'mitigated')] })).met).toBe(false);
    expect(checkGate(gate, evidence({ risks: [risk('r1', 'data', 'planned'), risk('r2', 'security', 'open')] })).evidence).toEqual([
      { type: 'risk', id: 'r1' },
      { type: 'risk', id: 'r2' },
    ]);
  });

  it('needs the journey’s own solution architect in the demo that leaves decision', () => {
    const gate = stageConfig(pipeline, 'decision').gates[0];
    if (!gate) throw new Error('no gate');
    expect(checkGate(gate, evidence({ activities: [activity('a1', 'demo', 'am1', ['sa2'])] })).met).toBe(false);
    expect(checkGate(gate, evidence({ activities: [activity('a1', 'demo', 'am1', ['sa1'])] })).met).toBe(true);
    expect(checkGate(gate, evidence({ activities: [activity('a1', 'meeting', 'sa1')] })).met).toBe(true);
    expect(checkGate(gate, evidence({ journey: { ...evidence().journey, saId: null }, activities: [activity('a1', 'demo', 'am1', ['sa1'])] })).met).toBe(false);
  });

  it('meets field, SA-meeting, survey and manual gates from their own evidence', () => {
    const label = { en: 'x', id: 'x' };
    expect(checkGate({ id: 'date', kind: 'field_set', field: 'expectedDecisionDate', label }, evidence()).met).toBe(false);
    expect(checkGate({ id: 'date', kind: 'field_set', field: 'expectedDecisionDate', label }, evidence({ journey: { ...evidence().journey, expectedDecisionDate: '2026-03-31' } })).met).toBe(true);
    expect(checkGate({ id: 'value', kind: 'field_set', field: 'valueMinor', label }, evidence()).met).toBe(false);
    expect(checkGate({ id: 'sa', kind: 'sa_meeting', label }, evidence({ activities: [activity('a1', 'meeting', 'am1', ['sa1'])] })).met).toBe(true);
    expect(checkGate({ id: 'csat', kind: 'survey', label }, evidence({ activities: [activity('a1', 'survey')] })).met).toBe(true);
    expect(checkGate({ id: 'go-live', kind: 'manual', label }, evidence({ ticks: [{ id: 't1', gateId: 'other', note: 'done' }] })).met).toBe(false);
    expect(checkGate({ id: 'go-live', kind: 'manual', label }, evidence({ ticks: [{ id: 't1', gateId: 'go-live', note: 'Live since 1 March' }] })).met).toBe(true);
  });
});

describe('the gated transition rule', () => {
  const open = (stage: Stage): JourneyState => ({ stage, outcome: 'open' });
  const unmetEverywhere = (stage: Stage): GateCheck[] => stageConfig(pipeline, stage).gates.map((gate) => ({ gate, met: false, evidence: [] }));
  const metEverywhere = (stage: Stage): GateCheck[] => stageConfig(pipeline, stage).gates.map((gate) => ({ gate, met: true, evidence: [] }));

  it('refuses a forward move with unmet gates and names them', () => {
    const result = decideTransition(open('knowledge'), { kind: 'move', to: 'persuasion' }, { checksFor: unmetEverywhere, override: null, mayOverride: false });
    expect(result).toMatchObject({ ok: false, refusal: 'gates_unmet' });
    if (result.ok || result.refusal !== 'gates_unmet') throw new Error('expected gates_unmet');
    expect(result.unmet.map((g) => `${g.stage}/${g.gateId}`)).toEqual(['knowledge/contact-persona', 'knowledge/first-touch']);
  });

  it('lets backward moves, rejection and discontinuance through without gates', () => {
    const gates = { checksFor: unmetEverywhere, override: null, mayOverride: false };
    expect(decideTransition(open('decision'), { kind: 'move', to: 'persuasion' }, gates).ok).toBe(true);
    expect(decideTransition(open('decision'), { kind: 'reject', reason: 'budget' }, gates).ok).toBe(true);
    expect(decideTransition(open('implementation'), { kind: 'discontinue', reason: 'replacement' }, gates).ok).toBe(true);
  });

  it('checks the stage machine before the gates', () => {
    const result = decideTransition(open('knowledge'), { kind: 'move', to: 'decision' }, { checksFor: unmetEverywhere, override: null, mayOverride: true });
    expect(result).toEqual({ ok: false, refusal: 'skips_stages' });
  });

  it('accepts an override only with a reason from someone allowed to override', () => {
    const move: Transition = { kind: 'move', to: 'persuasion' };
    expect(decideTransition(open('knowledge'), move, { checksFor: unmetEverywhere, override: { reason: 'CIO asked for it' }, mayOverride: false })).toMatchObject({ ok: false, refusal: 'override_forbidden' });
    expect(decideTransition(open('knowledge'), move, { checksFor: unmetEverywhere, override: { reason: '  ' }, mayOverride: true })).toMatchObject({ ok: false, refusal: 'override_reason_required' });
    const allowed = decideTransition(open('knowledge'), move, { checksFor: unmetEverywhere, override: { reason: 'CIO asked for it' }, mayOverride: true });
    expect(allowed).toMatchObject({ ok: true, override: { reason: 'CIO asked for it' } });
  });

  it('records no override when the gates were met anyway', () => {
    const result = decideTransition(open('knowledge'), { kind: 'move', to: 'persuasion' }, { checksFor: metEverywhere, override: { reason: 'just in case' }, mayOverride: true });
    expect(result).toMatchObject({ ok: true, override: null });
  });

  it('asks the confirmation gates before adoption and every passed stage’s gates when reopening forward', () => {
    expect(stagesLeftBehind(open('confirmation'), { kind: 'adopt' }, { stage: 'confirmation', outcome: 'adopted' })).toEqual(['confirmation']);
    expect(stagesLeftBehind({ stage: 'knowledge', outcome: 'rejected' }, { kind: 'reopen', to: 'decision' }, open('decision'))).toEqual(['knowledge', 'persuasion']);
    expect(stagesLeftBehind({ stage: 'decision', outcome: 'rejected' }, { kind: 'reopen' }, open('decision'))).toEqual([]);
  });

  it('never lets a forward move through without its gates unless an override with a reason is recorded, and the history replays', () => {
    const transition: fc.Arbitrary<Transition> = fc.oneof(
      fc.constantFrom(...stages).map((to): Transition => ({ kind: 'move', to })),
      fc.constant<Transition>({ kind: 'adopt' }),
      fc.constant<Transition>({ kind: 'reject', reason: 'timing' }),
      fc.constant<Transition>({ kind: 'discontinue', reason: 'replacement' }),
      fc.constantFrom(undefined, ...stages).map((to): Transition => (to === undefined ? { kind: 'reopen' } : { kind: 'reopen', to })),
    );
    const step = fc.record({
      transition,
      // Which stages' gates are met at this moment (evidence comes and goes).
      met: fc.array(fc.boolean(), { minLength: stages.length, maxLength: stages.length }),
      override: fc.option(fc.constantFrom('', '  ', 'Customer’s CIO approved the budget'), { nil: null }),
      mayOverride: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state: JourneyState = open('knowledge');
        const history: GatedHistoryRow[] = [{ kind: 'open', fromStage: null, toStage: 'knowledge', outcome: 'open', overrideReason: null, unmetGates: null }];
        for (const s of steps) {
          const checksFor = (stage: Stage) => (s.met[stageIndex(stage)] ? metEverywhere(stage) : unmetEverywhere(stage));
          const result = decideTransition(state, s.transition, { checksFor, override: s.override === null ? null : { reason: s.override }, mayOverride: s.mayOverride });
          if (!result.ok) continue;
          const left = stagesLeftBehind(state, s.transition, result.next);
          const unmetLeft = left.filter((stage) => !s.met[stageIndex(stage)]);
          if (unmetLeft.length > 0) {
            // Past unmet gates only by an allowed override with a real reason, naming exactly those gates.
            expect(s.mayOverride).toBe(true);
            expect(result.override?.reason.trim()).toBeTruthy();
            expect(new Set(result.override?.unmet.map((g) => g.stage))).toEqual(new Set(unmetLeft));
          } else {
            expect(result.override).toBeNull();
          }
          const before = history.map((row) => ({ ...row }));
          history.push({
            kind: s.transition.kind,
            fromStage: state.stage,
            toStage: result.next.stage,
            outcome: result.next.outcome,
            overrideReason: result.override?.reason ?? null,
            unmetGates: result.override?.unmet ?? null,
          });
          // Append-only: what was written stays as it was.
          expect(history.slice(0, before.length)).toEqual(before);
          state = result.next;
        }
        expect(replay('knowledge', history.slice(1))).toEqual(state);
      }),
    );
  });
});

describe('the default pipeline', () => {
  it('has the five Rogers stages in order, each with its AIDAS steps and at least one exit gate', () => {
    expect(defaultPipelineStages.map((s: StageConfig) => s.stage)).toEqual([...stages]);
    expect(defaultPipelineStages.map((s) => s.aidasSteps)).toEqual([['attention', 'interest'], ['desire'], ['action'], ['satisfaction'], ['satisfaction']]);
    for (const s of defaultPipelineStages) expect(s.gates.length, s.stage).toBeGreaterThan(0);
  });
});
