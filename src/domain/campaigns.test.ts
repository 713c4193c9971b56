import { describe, expect, it } from 'vitest';
import { isEngagement, isPositive, splitAmongCallers, touchActivityType } from './campaigns.js';

describe('splitting a call list among callers', () => {
  it('deals entries round-robin when no shares are given', () => {
    expect(splitAmongCallers(7, 3)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('gives each caller entries in proportion to their share', () => {
    const split = splitAmongCallers(10, 2, [3, 1]);
    expect(split.filter((c) => c === 0)).toHaveLength(8); // 7.5 → 8 (larger remainder tie → earlier caller)
    expect(split.filter((c) => c === 1)).toHaveLength(2);
  });

  it('spreads a caller’s entries through the list rather than in one block', () => {
    expect(splitAmongCallers(6, 2, [2, 1])).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('hands out every entry exactly once, whatever the shares', () => {
    const split = splitAmongCallers(101, 3, [1, 2, 4]);
    expect(split).toHaveLength(101);
    expect([0, 1, 2].map((c) => split.filter((x) => x === c).length)).toEqual([14, 29, 58]);
  });
});

describe('campaign responses', () => {
  it('treats an invitation as ours, not as the contact engaging', () => {
    expect(isEngagement('invited')).toBe(false);
    expect(isEngagement('attended')).toBe(true);
  });

  it('logs attendance of a webinar as event attendance and any telemarketing response as a call', () => {
    expect(touchActivityType('webinar', 'attended')).toBe('event_attendance');
    expect(touchActivityType('online_ad', 'clicked')).toBe('content_shared');
    expect(touchActivityType('campaign', 'replied')).toBe('email');
    expect(touchActivityType('telemarketing', 'replied')).toBe('telemarketing_call');
  });
});

describe('call outcomes', () => {
  it('counts interest and a booked meeting as positive, and nothing else', () => {
    expect(isPositive('interested')).toBe(true);
    expect(isPositive('meeting_booked')).toBe(true);
    expect(isPositive('call_back')).toBe(false);
    expect(isPositive('do_not_call')).toBe(false);
  });
});
