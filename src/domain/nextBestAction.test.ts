import { describe, expect, it } from 'vitest';
import { checkGate, defaultPipelineStages, stageConfig } from './gates.js';
import { nextBestActions, type NextBestActionEvidence, type NextBestActionJourney } from './nextBestAction.js';
import { defaultRiskSolutionMap } from './recommendations.js';
import type { Stage } from '../shared/vocabulary.js';

const pipeline = { stages: [...defaultPipelineStages] };
const now = new Date('2026-02-01T00:00:00.000Z');

function evidence(overrides: Partial<NextBestActionEvidence> = {}): NextBestActionEvidence {
  return {
    journey: { saId: null, marcommId: null, expectedDecisionDate: null, valueMinor: 0, principalInvolvement: null, solutionCategory: 'security' },
    contacts: [],
    activities: [],
    risks: [],
    riskMap: defaultRiskSolutionMap,
    ticks: [],
    ...overrides,
  };
}

function actionsFor(stage: Stage, ev: NextBestActionEvidence, journey: Partial<NextBestActionJourney> = {}) {
  const j: NextBestActionJourney = { stage, outcome: 'open', saId: ev.journey.saId, stageEnteredAt: '2026-01-25T00:00:00.000Z', lastActivityAt: '2026-01-30T00:00:00.000Z', ...journey };
  const checks = stageConfig(pipeline, stage).gates.map((g) => checkGate(g, ev));
  return nextBestActions(j, checks, ev, now);
}

describe('next best actions', () => {
  it('asks for a persona and a first personal touch in knowledge, with the reason in both languages', () => {
    const actions = actionsFor('knowledge', evidence());
    expect(actions.map((a) => a.code)).toEqual(['record_contact_persona', 'make_personal_touch']);
    expect(actions[0]?.explanation.id).toMatch(/persona|divisi/i);
  });

  it('suggests an IT assessment and a beginner case study in persuasion', () => {
    const actions = actionsFor('persuasion', evidence({ contacts: [{ id: 'c1', techProficiency: 'beginner' }] }));
    expect(actions.map((a) => a.code)).toEqual(['run_it_assessment', 'send_beginner_case_study']);
  });

  it('does not repeat the case study once content was shared', () => {
    const ev = evidence({ contacts: [{ id: 'c1', techProficiency: 'beginner' }], activities: [{ id: 'a1', type: 'content_shared', occurredAt: '2026-01-26T00:00:00.000Z', createdBy: 'am', userIds: [] }] });
    expect(actionsFor('persuasion', ev).map((a) => a.code)).toEqual(['run_it_assessment']);
  });

  it('asks for an SA first, then an SA demo, in decision', () => {
    expect(actionsFor('decision', evidence()).map((a) => a.code)).toEqual(['assign_sa']);
    const withSa = evidence({ journey: { ...evidence().journey, saId: 'sa1' } });
    expect(actionsFor('decision', withSa).map((a) => a.code)).toEqual(['schedule_sa_demo']);
  });

  it('schedules the satisfaction check 30 days into confirmation', () => {
    const [check] = actionsFor('confirmation', evidence(), { stageEnteredAt: '2026-01-10T00:00:00.000Z' });
    expect(check).toMatchObject({ code: 'satisfaction_check', dueAt: '2026-02-09T00:00:00.000Z' });
  });

  it('asks for a follow-up after two quiet weeks, and nothing for a closed journey', () => {
    const quiet = actionsFor('knowledge', evidence(), { lastActivityAt: '2026-01-01T00:00:00.000Z' });
    expect(quiet.at(-1)).toMatchObject({ code: 'follow_up' });
    expect(quiet.at(-1)?.explanation.en).toContain('31 days');
    expect(actionsFor('knowledge', evidence(), { outcome: 'rejected' })).toEqual([]);
  });
});
