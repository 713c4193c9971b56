import { describe, expect, it } from 'vitest';
import { defaultPipelineStages } from '../../../src/domain/gates';
import { createBody, newDraft, type PipelineDraft, newGate, serverIssues, updateGate, validateDraft, withKind } from './pipelinesModel';

describe('the pipeline editor', () => {
  it('starts a new pipeline from a copy of the default stages, not the default itself', () => {
    const draft = newDraft();
    expect(draft.stages.map((s) => s.stage)).toEqual(['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation']);
    draft.stages[0]?.gates.pop();
    expect(defaultPipelineStages[0]?.gates).toHaveLength(2);
  });

  it('changes a gate’s kind keeping its id and label, with that kind’s parameters', () => {
    const manual = { id: 'go-live', kind: 'manual' as const, label: { en: 'Go-live', id: 'Go-live' } };
    expect(withKind(manual, 'activity')).toEqual({ ...manual, kind: 'activity', activityTypes: ['meeting'], saLed: false });
    expect(withKind(manual, 'field_set')).toEqual({ ...manual, kind: 'field_set', field: 'expectedDecisionDate' });
    expect(withKind(withKind(manual, 'activity'), 'survey')).toEqual({ ...manual, kind: 'survey' });
  });

  it('names the fields a draft gets wrong with the paths the server uses', () => {
    let draft = { ...newDraft(), name: ' ' };
    draft = updateGate(draft, 1, 0, (g) => ({ ...g, id: 'Bad Id', label: { en: '', id: 'x' } }));
    draft.stages[2] = { ...draft.stages[2]!, aidasSteps: [] };
    expect(validateDraft(draft)).toEqual({
      'body.name': 'pipelines.errors.nameRequired',
      'body.solutionCategory': 'pipelines.errors.categoryRequired',
      'body.stages.1.gates.0.id': 'pipelines.errors.gateId',
      'body.stages.1.gates.0.label.en': 'pipelines.errors.labelRequired',
      'body.stages.2.aidasSteps': 'pipelines.errors.aidasRequired',
    });
  });

  it('adds gates with unused ids, removes them, and sends trimmed labels', () => {
    let draft: PipelineDraft = { ...newDraft(), name: 'Security', solutionCategory: 'security' };
    const gate = newGate(draft.stages[0]!);
    expect(gate.id).toBe('gate-3');
    draft = { ...draft, stages: draft.stages.map((s, i) => (i === 0 ? { ...s, gates: [...s.gates, { ...gate, label: { en: ' Budget confirmed ', id: ' Anggaran dikonfirmasi ' } }] } : s)) };
    draft = updateGate(draft, 0, 0, () => null);
    const body = createBody(draft);
    expect(body.stages[0]?.gates.map((g) => g.id)).toEqual(['first-touch', 'gate-3']);
    expect(body.stages[0]?.gates[1]?.label).toEqual({ en: 'Budget confirmed', id: 'Anggaran dikonfirmasi' });
    expect(validateDraft(draft)).toEqual({});
  });

  it('reads the server’s issues by field', () => {
    expect(serverIssues({ issues: [{ field: 'body.solutionCategory', reason: 'already has a pipeline' }] })).toEqual({ 'body.solutionCategory': 'already has a pipeline' });
    expect(serverIssues(undefined)).toEqual({});
  });
});
