import { describe, expect, it } from 'vitest';
import { personasOf, relevance, selectPlaybook, type Targeted } from './playbookContent.js';

function entry(id: string, overrides: Partial<Targeted> = {}): Targeted {
  return { id, stage: 'persuasion', proficiency: null, division: null, kind: 'talk_track', position: 1, ...overrides };
}

describe('playbook content selection', () => {
  const beginnerInHr = { proficiency: 'beginner', division: 'hr' };
  const advancedInIt = { proficiency: 'advanced', division: 'it' };

  it('scores a generic entry 1 and adds 2 for a matching proficiency and 1 for a matching division', () => {
    expect(relevance({ proficiency: null, division: null }, [beginnerInHr])).toBe(1);
    expect(relevance({ proficiency: 'beginner', division: null }, [beginnerInHr])).toBe(3);
    expect(relevance({ proficiency: null, division: 'hr' }, [beginnerInHr])).toBe(2);
    expect(relevance({ proficiency: 'beginner', division: 'hr' }, [beginnerInHr])).toBe(4);
  });

  it('leaves out an entry that fits no persona, even when each of its targets fits a different contact', () => {
    expect(relevance({ proficiency: 'advanced', division: null }, [beginnerInHr])).toBeNull();
    expect(relevance({ proficiency: 'beginner', division: 'it' }, [beginnerInHr, advancedInIt])).toBeNull();
    expect(relevance({ proficiency: 'advanced', division: 'it' }, [beginnerInHr, advancedInIt])).toBe(4);
  });

  it('shows every entry of the stage when no persona is known, the generic ones first', () => {
    const picked = selectPlaybook([entry('b', { proficiency: 'advanced' }), entry('a'), entry('c', { stage: 'decision' })], 'persuasion', []);
    expect(picked.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('orders by relevance, then kind (talk track, question, objection, tip), then position', () => {
    const picked = selectPlaybook(
      [
        entry('tip', { kind: 'tip' }),
        entry('objection', { kind: 'objection' }),
        entry('question-2', { kind: 'question', position: 2 }),
        entry('question-1', { kind: 'question', position: 1 }),
        entry('for-beginners', { kind: 'tip', proficiency: 'beginner' }),
        entry('for-it', { division: 'it' }),
      ],
      'persuasion',
      [beginnerInHr],
    );
    expect(picked.map((e) => [e.id, e.relevance])).toEqual([
      ['for-beginners', 3],
      ['question-1', 1],
      ['question-2', 1],
      ['objection', 1],
      ['tip', 1],
    ]);
  });

  it('counts contacts per persona, the most common first', () => {
    expect(personasOf([beginnerInHr, advancedInIt, { ...beginnerInHr }])).toEqual([
      { proficiency: 'beginner', division: 'hr', contacts: 2 },
      { proficiency: 'advanced', division: 'it', contacts: 1 },
    ]);
  });
});
