import { describe, expect, it } from 'vitest';
import type { Conditions, Trigger } from '../shared/schemas/automation.js';
import {
  afterFailure,
  conditionsHold,
  daysAfterAnchorWindow,
  idleWindow,
  rearms,
  daysAfterTriggerKey,
  defaultAutomationRules,
  eventMatches,
  eventSubject,
  eventTriggerKey,
  isEventTrigger,
  netPromoterScore,
  noTouchTriggerKey,
  npsCategory,
  retryDelayMs,
  surveyScoreRange,
  type TriggerEvent,
} from './automation.js';

function event(type: string, payload: Record<string, unknown>, subjectId = 'j1'): TriggerEvent {
  return { id: 'e1', type, subjectType: type.split('.')[0] ?? '', subjectId, payload, occurredAt: '2026-07-01T03:00:00.000Z' };
}

const anywhere: Conditions = { segmentId: null, solutionId: null, teamId: null };

describe('matching an event against a rule', () => {
  it('fires a stage rule only for the stage it names', () => {
    const trigger: Trigger = { kind: 'stage_entered', stage: 'decision' };
    expect(eventMatches(event('journey.stage_entered', { stage: 'decision' }), trigger)).toBe(true);
    expect(eventMatches(event('journey.stage_entered', { stage: 'persuasion' }), trigger)).toBe(false);
    expect(eventMatches(event('journey.outcome_set', { stage: 'decision' }), trigger)).toBe(false);
  });

  it('fires an activity rule for the activity type it names', () => {
    const trigger: Trigger = { kind: 'activity_logged', activityType: 'demo' };
    expect(eventMatches(event('activity.logged', { activityType: 'demo' }), trigger)).toBe(true);
    expect(eventMatches(event('activity.logged', { activityType: 'call' }), trigger)).toBe(false);
  });

  it('fires a campaign rule for its response kind and, when given, its campaign type', () => {
    const webinar: Trigger = { kind: 'campaign_response', campaignType: 'webinar', responseKind: 'attended' };
    const anyCampaign: Trigger = { kind: 'campaign_response', campaignType: null, responseKind: 'attended' };
    const attendedEvent = event('campaign.response', { campaignType: 'event', kind: 'attended' });
    expect(eventMatches(event('campaign.response', { campaignType: 'webinar', kind: 'attended' }), webinar)).toBe(true);
    expect(eventMatches(attendedEvent, webinar)).toBe(false);
    expect(eventMatches(attendedEvent, anyCampaign)).toBe(true);
    expect(eventMatches(event('campaign.response', { campaignType: 'webinar', kind: 'registered' }), webinar)).toBe(false);
  });

  it('never fires a time-based rule from an event', () => {
    expect(eventMatches(event('activity.logged', { activityType: 'call' }), { kind: 'no_touch', days: 30 })).toBe(false);
    expect(isEventTrigger({ kind: 'days_after', field: 'go_live', days: 30 })).toBe(false);
    expect(isEventTrigger({ kind: 'stage_entered', stage: 'decision' })).toBe(true);
  });

  it('reads the journey, account and first contact an event is about', () => {
    expect(eventSubject(event('journey.stage_entered', { stage: 'decision', accountId: 'a1' }, 'j9'))).toEqual({ journeyId: 'j9', accountId: 'a1', contactId: null });
    expect(eventSubject(event('activity.logged', { accountId: 'a1', journeyId: null, contactIds: ['c1', 'c2'] }, 'act1'))).toEqual({ journeyId: null, accountId: 'a1', contactId: 'c1' });
    expect(eventSubject(event('campaign.response', { accountId: 'a1', journeyId: 'j2', contactId: 'c3' }, 'r1'))).toEqual({ journeyId: 'j2', accountId: 'a1', contactId: 'c3' });
  });
});

describe('conditions', () => {
  const facts = { solutionId: 's1', teamId: 't1', inSegment: null };

  it('hold with no condition set', () => {
    expect(conditionsHold(anywhere, facts)).toBe(true);
  });

  it('need the named solution and team', () => {
    expect(conditionsHold({ ...anywhere, solutionId: 's1', teamId: 't1' }, facts)).toBe(true);
    expect(conditionsHold({ ...anywhere, solutionId: 's2' }, facts)).toBe(false);
    expect(conditionsHold({ ...anywhere, teamId: 't2' }, facts)).toBe(false);
  });

  it('need segment membership when a segment is named', () => {
    expect(conditionsHold({ ...anywhere, segmentId: 'g1' }, { ...facts, inSegment: true })).toBe(true);
    expect(conditionsHold({ ...anywhere, segmentId: 'g1' }, { ...facts, inSegment: false })).toBe(false);
  });
});

describe('trigger keys', () => {
  it('are one per event, per idle spell and per anchor date', () => {
    expect(eventTriggerKey('e1')).toBe('event:e1');
    expect(noTouchTriggerKey('j1', '2026-05-01T02:00:00.000Z')).toBe('no_touch:j1:2026-05-01T02:00:00.000Z');
    expect(daysAfterTriggerKey('j1', 'go_live', '2026-05-01T02:00:00.000Z')).toBe('days_after:j1:go_live:2026-05-01');
  });

  it('give a different no-touch key after a new touch', () => {
    expect(noTouchTriggerKey('j1', '2026-05-01T02:00:00.000Z')).not.toBe(noTouchTriggerKey('j1', '2026-06-01T02:00:00.000Z'));
  });

  it('look back a fortnight for anchor dates that fell due', () => {
    expect(daysAfterAnchorWindow(new Date('2026-07-31T00:00:00.000Z'), 30)).toEqual({ from: '2026-06-17T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
  });

  it('look back no further than the moment the rule was armed', () => {
    const now = new Date('2026-07-31T00:00:00.000Z');
    expect(daysAfterAnchorWindow(now, 30, '2026-07-25T00:00:00.000Z')).toEqual({ from: '2026-06-25T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(daysAfterAnchorWindow(now, 30, '2026-01-01T00:00:00.000Z').from).toBe('2026-06-17T00:00:00.000Z');
    // Armed just now: an empty window, nothing is due yet.
    const fresh = daysAfterAnchorWindow(now, 30, now.toISOString());
    expect(fresh.from).toBe(fresh.to);
  });

  it('count idle journeys only from those that reached the threshold after the rule was armed', () => {
    expect(idleWindow(new Date('2026-07-31T00:00:00.000Z'), 30, '2026-07-20T00:00:00.000Z')).toEqual({
      touchedAfter: '2026-06-20T00:00:00.000Z',
      idleSince: '2026-07-01T00:00:00.000Z',
    });
  });
});

describe('arming time-based rules', () => {
  const idle30 = { kind: 'no_touch', days: 30 } as const;
  it('arm a new rule, a re-enabled rule and a rule whose trigger changed', () => {
    expect(rearms(null, { enabled: true, trigger: idle30 })).toBe(true);
    expect(rearms({ enabled: false, trigger: idle30 }, { enabled: true, trigger: idle30 })).toBe(true);
    expect(rearms({ enabled: true, trigger: idle30 }, { enabled: true, trigger: { kind: 'no_touch', days: 14 } })).toBe(true);
  });

  it('keep the arming moment on a rename, a disable or the same trigger in another key order', () => {
    expect(rearms({ enabled: true, trigger: idle30 }, { enabled: true, trigger: idle30 })).toBe(false);
    expect(rearms({ enabled: true, trigger: idle30 }, { enabled: false, trigger: idle30 })).toBe(false);
    const reordered = JSON.parse('{"days":30,"kind":"no_touch"}') as typeof idle30;
    expect(rearms({ enabled: true, trigger: reordered }, { enabled: true, trigger: idle30 })).toBe(false);
  });
});

describe('retries', () => {
  it('back off exponentially from one minute, capped at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });

  it('schedule the next attempt until the last, then give up', () => {
    const now = new Date('2026-07-01T00:00:00.000Z');
    expect(afterFailure(1, now, 3)).toEqual({ status: 'failed', nextAttemptAt: '2026-07-01T00:01:00.000Z' });
    expect(afterFailure(2, now, 3)).toEqual({ status: 'failed', nextAttemptAt: '2026-07-01T00:02:00.000Z' });
    expect(afterFailure(3, now, 3).status).toBe('dead');
  });
});

describe('surveys', () => {
  it('score CSAT 1–5 and NPS 0–10', () => {
    expect(surveyScoreRange('csat')).toEqual({ min: 1, max: 5 });
    expect(surveyScoreRange('nps')).toEqual({ min: 0, max: 10 });
  });

  it('compute NPS as promoters minus detractors', () => {
    expect([10, 9, 8, 7, 6, 0].map(npsCategory)).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']);
    expect(netPromoterScore([10, 9, 8, 3])).toBe(25);
    expect(netPromoterScore([])).toBeNull();
  });
});

describe('the default rules', () => {
  it('cover the webinar follow-up, idle nudge, SA demo and the two go-live surveys', () => {
    const kinds = defaultAutomationRules.map((r) => [r.trigger.kind, r.actions[0]?.kind]);
    expect(kinds).toEqual([
      ['campaign_response', 'create_task'],
      ['no_touch', 'create_task'],
      ['stage_entered', 'create_task'],
      ['days_after', 'request_survey'],
      ['days_after', 'request_survey'],
    ]);
  });
});
