import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stages } from '../shared/vocabulary.js';
import { applyTransition, availableTransitions, replay, type JourneyState, type Transition } from './stages.js';

const open = (stage: JourneyState['stage']): JourneyState => ({ stage, outcome: 'open' });

describe('the stage machine', () => {
  it('moves forward one stage at a time and refuses a skip', () => {
    expect(applyTransition(open('knowledge'), { kind: 'move', to: 'persuasion' })).toMatchObject({ ok: true, next: open('persuasion') });
    expect(applyTransition(open('knowledge'), { kind: 'move', to: 'decision' })).toEqual({ ok: false, refusal: 'skips_stages' });
  });

  it('allows moving back to an earlier stage while open', () => {
    expect(applyTransition(open('decision'), { kind: 'move', to: 'knowledge' })).toMatchObject({ ok: true, next: open('knowledge') });
  });

  it('rejects only up to decision and discontinues only from implementation', () => {
    expect(applyTransition(open('decision'), { kind: 'reject', reason: 'budget' })).toMatchObject({ ok: true, next: { outcome: 'rejected' } });
    expect(applyTransition(open('implementation'), { kind: 'reject', reason: 'budget' })).toEqual({ ok: false, refusal: 'reject_after_decision' });
    expect(applyTransition(open('persuasion'), { kind: 'discontinue', reason: 'replacement' })).toEqual({ ok: false, refusal: 'discontinue_before_implementation' });
    expect(applyTransition(open('confirmation'), { kind: 'discontinue', reason: 'disenchantment' })).toMatchObject({ ok: true, next: { outcome: 'discontinued' } });
  });

  it('requires a reason to reject or discontinue', () => {
    expect(applyTransition(open('knowledge'), { kind: 'reject', reason: '  ' })).toEqual({ ok: false, refusal: 'reason_required' });
  });

  it('confirms adoption only from the confirmation stage', () => {
    expect(applyTransition(open('implementation'), { kind: 'adopt' })).toEqual({ ok: false, refusal: 'adopt_before_confirmation' });
    expect(applyTransition(open('confirmation'), { kind: 'adopt' })).toMatchObject({ ok: true, next: { stage: 'confirmation', outcome: 'adopted' } });
  });

  it('lets a closed journey only be reopened', () => {
    const rejected: JourneyState = { stage: 'decision', outcome: 'rejected' };
    expect(availableTransitions(rejected)).toEqual(['reopen']);
    expect(applyTransition(rejected, { kind: 'move', to: 'implementation' })).toEqual({ ok: false, refusal: 'journey_closed' });
    expect(applyTransition(rejected, { kind: 'reopen', to: 'persuasion' })).toMatchObject({ ok: true, next: open('persuasion') });
    expect(applyTransition(open('knowledge'), { kind: 'reopen' })).toEqual({ ok: false, refusal: 'journey_open' });
  });

  it('offers exactly the transitions it would accept', () => {
    const transition: fc.Arbitrary<Transition> = fc.oneof(
      fc.constantFrom(...stages).map((to): Transition => ({ kind: 'move', to })),
      fc.constant<Transition>({ kind: 'adopt' }),
      fc.constant<Transition>({ kind: 'reject', reason: 'budget' }),
      fc.constant<Transition>({ kind: 'discontinue', reason: 'replacement' }),
      fc.constant<Transition>({ kind: 'reopen' }),
    );
    const state = fc.record({ stage: fc.constantFrom(...stages), outcome: fc.constantFrom('open' as const, 'adopted' as const, 'rejected' as const, 'discontinued' as const) });
    fc.assert(
      fc.property(state, transition, (s, t) => {
        const result = applyTransition(s, t);
        if (result.ok) expect(availableTransitions(s)).toContain(t.kind);
      }),
    );
  });

  it('replays any accepted sequence of transitions to the state it ended in', () => {
    const transition: fc.Arbitrary<Transition> = fc.oneof(
      fc.constantFrom(...stages).map((to): Transition => ({ kind: 'move', to })),
      fc.constant<Transition>({ kind: 'adopt' }),
      fc.constant<Transition>({ kind: 'reject', reason: 'timing' }),
      fc.constant<Transition>({ kind: 'discontinue', reason: 'replacement' }),
      fc.constant<Transition>({ kind: 'reopen' }),
    );
    fc.assert(
      fc.property(fc.array(transition, { maxLength: 40 }), (transitions) => {
        let state = open('knowledge');
        const history: { toStage: JourneyState['stage']; outcome: JourneyState['outcome'] }[] = [];
        for (const t of transitions) {
          const result = applyTransition(state, t);
          if (!result.ok) continue;
          // A forward move never skips a stage.
          if (t.kind === 'move') expect(stages.indexOf(result.next.stage)).toBeLessThanOrEqual(stages.indexOf(state.stage) + 1);
          state = result.next;
          history.push({ toStage: state.stage, outcome: state.outcome });
        }
        expect(replay('knowledge', history)).toEqual(state);
      }),
    );
  });
});
