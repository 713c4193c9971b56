import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { GateChecklist, NextBestAction } from '../api/types';
import { checklistView, gateRefusal, refusalDialog, taskFromAction, validateNote, validateOverrideReason } from './gatesModel';

const label = (en: string) => ({ en, id: `${en} (id)` });
const checklist: GateChecklist = {
  journeyId: 'j1',
  pipelineId: 'p1',
  pipelineVersion: 1,
  stage: 'implementation',
  aidasSteps: ['satisfaction'],
  met: [
    {
      gate: { id: 'kick-off', kind: 'activity', activityTypes: ['implementation_session'], saLed: false, label: label('Kick-off') },
      met: true,
      evidence: [
        { type: 'activity', id: 'a1' },
        { type: 'activity', id: 'a2' },
        { type: 'tick', id: 't1' },
      ],
    },
  ],
  unmet: [
    { gate: { id: 'go-live', kind: 'manual', label: label('Go-live') }, met: false, evidence: [] },
    { gate: { id: 'survey', kind: 'survey', label: label('Survey') }, met: false, evidence: [] },
  ],
  canOverride: false,
};
const action: NextBestAction = { code: 'confirm_gate', gateId: 'go-live', dueAt: null, explanation: label('Confirm with a note: Go-live.') };

describe('checklistView', () => {
  it('lists open gates first with what to do, then met ones with evidence counted by kind', () => {
    const view = checklistView(checklist, [action], 'en');
    expect(view).toMatchObject({ stage: 'implementation', total: 3, metCount: 1, complete: false });
    expect(view.todo.map((r) => r.gateId)).toEqual(['go-live', 'survey']);
    expect(view.todo[0]).toMatchObject({ label: 'Go-live', todo: 'Confirm with a note: Go-live.', tickable: true, met: false });
    expect(view.todo[1]).toMatchObject({ todo: null, tickable: false });
    expect(view.done[0]?.evidence).toEqual([
      { type: 'activity', count: 2 },
      { type: 'tick', count: 1 },
    ]);
  });

  it('speaks the user’s language and is complete when nothing is open', () => {
    const view = checklistView({ ...checklist, unmet: [] }, [], 'id');
    expect(view.complete).toBe(true);
    expect(view.done[0]?.label).toBe('Kick-off (id)');
  });
});

describe('the refusal dialog', () => {
  const refused = new ApiError(422, {
    code: 'gates_unmet',
    message: 'gates',
    details: {
      from: 'knowledge',
      unmet: [
        { stage: 'persuasion', gateId: 'it-assessment', kind: 'it_assessment', label: label('IT') },
        { stage: 'knowledge', gateId: 'first-touch', kind: 'activity', label: label('Touch') },
        { stage: 'knowledge', gateId: 'contact-persona', kind: 'contact_persona', label: label('Persona') },
        { nonsense: true },
      ],
    },
  });

  it('groups the unmet gates by stage in stage order', () => {
    const refusal = gateRefusal(refused);
    expect(refusal?.count).toBe(3);
    expect(refusal?.groups.map((g) => [g.stage, g.gates.map((x) => x.gateId)])).toEqual([
      ['knowledge', ['first-touch', 'contact-persona']],
      ['persuasion', ['it-assessment']],
    ]);
  });

  it('is not opened by other refusals', () => {
    expect(gateRefusal(new ApiError(422, { code: 'transition_not_allowed', message: 'no', details: { refusal: 'skips_stages' } }))).toBeNull();
    expect(gateRefusal(new Error('network'))).toBeNull();
  });

  it('offers the override only to those allowed', () => {
    const refusal = gateRefusal(refused);
    if (!refusal) throw new Error('no refusal');
    expect(refusalDialog(refusal, true).offerOverride).toBe(true);
    expect(refusalDialog(refusal, false).offerOverride).toBe(false);
  });

  it('requires a reason to override and a note to tick', () => {
    expect(validateOverrideReason('  ')).toBe('validation.overrideReasonRequired');
    expect(validateOverrideReason('x'.repeat(1001))).toBe('validation.tooLong');
    expect(validateOverrideReason('Customer signed the LOI')).toBeNull();
    expect(validateNote('')).toBe('validation.noteRequired');
    expect(validateNote('Go-live on 3 March')).toBeNull();
  });
});

describe('taskFromAction', () => {
  it('makes a task for me on the journey, titled in my language', () => {
    expect(taskFromAction({ ...action, dueAt: '2026-12-01T00:00:00.000Z' }, { id: 'j1' }, { id: 'u1' }, 'id')).toEqual({
      title: 'Confirm with a note: Go-live. (id)',
      relatedType: 'journey',
      relatedId: 'j1',
      assigneeId: 'u1',
      dueAt: '2026-12-01T00:00:00.000Z',
    });
    expect(taskFromAction({ ...action, explanation: label('x'.repeat(400)) }, { id: 'j1' }, { id: 'u1' }, 'en').title).toHaveLength(300);
  });
});
