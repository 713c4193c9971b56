import { describe, expect, it } from 'vitest';
import { createBody, defaultAction, defaultTrigger, draftFromRule, emptyDraft, normaliseHolidays, patchBody, serverIssues, validateDraft } from './automationModel';

describe('the rule editor model', () => {
  it('starts with a stage trigger and one task action, and asks for a name and a title', () => {
    const issues = validateDraft(emptyDraft());
    expect(issues).toEqual({ 'body.name': 'automation.required', 'body.actions.0.title': 'automation.required' });
  });

  it('refuses out-of-range days and a bad date value, naming the field', () => {
    const draft = { ...emptyDraft(), name: 'Idle', trigger: { kind: 'no_touch' as const, days: 0 }, actions: [{ kind: 'set_field' as const, field: 'expectedDecisionDate' as const, value: '31/12/2026' }] };
    expect(validateDraft(draft)).toEqual({ 'body.trigger.days': 'automation.daysRange', 'body.actions.0.value': 'automation.dateFormat' });
  });

  it('asks which campaign an add-to-campaign action adds to', () => {
    const draft = { ...emptyDraft(), name: 'Webinar', actions: [defaultAction('add_to_campaign')] };
    expect(validateDraft(draft)).toEqual({ 'body.actions.0.campaignId': 'automation.required' });
    expect(validateDraft({ ...draft, actions: [{ kind: 'add_to_campaign' as const, campaignId: 'c1' }] })).toEqual({});
  });

  it('needs at least one action', () => {
    expect(validateDraft({ ...emptyDraft(), name: 'x', actions: [] })['body.actions']).toBe('automation.needsAction');
  });

  it('trims text and sends an empty field value as null', () => {
    const draft = { ...emptyDraft(), name: '  Demo  ', description: '  ', actions: [{ kind: 'set_field' as const, field: 'principalInvolvement' as const, value: '  ' }] };
    expect(createBody(draft)).toMatchObject({ name: 'Demo', description: null, actions: [{ kind: 'set_field', field: 'principalInvolvement', value: null }] });
  });

  it('round-trips a stored rule with its version for the update', () => {
    const rule = {
      id: 'r1',
      name: 'Demo',
      description: null,
      trigger: defaultTrigger('stage_entered'),
      conditions: { segmentId: null, solutionId: 's1', teamId: null },
      actions: [defaultAction('request_survey')],
      enabled: false,
      isDefault: true,
      version: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(patchBody(draftFromRule(rule))).toEqual({ name: 'Demo', description: null, trigger: rule.trigger, conditions: rule.conditions, actions: rule.actions, enabled: false, version: 3 });
  });

  it('reads the server’s field issues', () => {
    expect(serverIssues({ issues: [{ field: 'body.conditions.segmentId', reason: 'is not a segment' }] })).toEqual({ 'body.conditions.segmentId': 'is not a segment' });
    expect(serverIssues({})).toEqual({});
  });

  it('sorts holidays, keeps each date once and drops incomplete rows', () => {
    expect(
      normaliseHolidays([
        { date: '2026-12-25', name: 'Natal' },
        { date: '2026-08-17', name: 'HUT RI' },
        { date: '2026-08-17', name: 'Hari Kemerdekaan' },
        { date: '', name: 'x' },
        { date: '2026-01-01', name: ' ' },
      ]),
    ).toEqual([
      { date: '2026-08-17', name: 'Hari Kemerdekaan' },
      { date: '2026-12-25', name: 'Natal' },
    ]);
  });
});
