import { describe, expect, it } from 'vitest';
import { byKind, personaKey } from './playbookContentApi';

describe('the playbook content model', () => {
  it('groups entries by kind in the playbook’s order, leaving out empty kinds', () => {
    const groups = byKind([
      { id: 'o', kind: 'objection' as const },
      { id: 't', kind: 'talk_track' as const },
      { id: 'o2', kind: 'objection' as const },
    ]);
    expect(groups.map((g) => [g.kind, g.entries.map((e) => e.id)])).toEqual([
      ['talk_track', ['t']],
      ['objection', ['o', 'o2']],
    ]);
  });

  it('keys an entry by the persona it is written for', () => {
    expect(personaKey({ proficiency: null, division: null })).toBe('all');
    expect(personaKey({ proficiency: 'beginner', division: null })).toBe('beginner|');
    expect(personaKey({ proficiency: 'advanced', division: 'it' })).toBe('advanced|it');
    expect(personaKey({ proficiency: null, division: 'hr' })).toBe('|hr');
  });
});
