import type { AidasStep, Outcome, Stage } from '../shared/vocabulary.js';
import { stages } from '../shared/vocabulary.js';

/**
 * The adoption journey's stage machine (DESIGN.md §3), as pure functions.
 * Gates and checklists belong to the playbook; this module decides only which moves exist.
 */

/** The default pipeline's lenses: the Rogers stage and AIDAS steps each stage carries. */
export const defaultAidas: Record<Stage, readonly AidasStep[]> = {
  knowledge: ['attention', 'interest'],
  persuasion: ['desire'],
  decision: ['action'],
  implementation: ['satisfaction'],
  confirmation: ['satisfaction'],
};

export interface JourneyState {
  stage: Stage;
  outcome: Outcome;
}

export type Transition =
  | { kind: 'move'; to: Stage }
  | { kind: 'adopt' }
  | { kind: 'reject'; reason: string }
  | { kind: 'discontinue'; reason: string }
  | { kind: 'reopen'; to?: Stage };

export type TransitionRefusal =
  | 'journey_closed'
  | 'journey_open'
  | 'same_stage'
  | 'skips_stages'
  | 'reject_after_decision'
  | 'discontinue_before_implementation'
  | 'adopt_before_confirmation'
  | 'reason_required';

export type TransitionResult =
  | { ok: true; next: JourneyState; from: JourneyState }
  | { ok: false; refusal: TransitionRefusal };

export function stageIndex(stage: Stage): number {
  return stages.indexOf(stage);
}

/**
 * Applies one transition. Forward moves go one stage at a time (a skipped stage would
 * leave no evidence in the history); backward moves are allowed while open. Rejection ends
 * a journey at any stage up to decision; discontinuance after implementation has begun;
 * adoption is confirmed from the confirmation stage. A closed journey can only be reopened.
 */
export function applyTransition(state: JourneyState, transition: Transition): TransitionResult {
  const refuse = (refusal: TransitionRefusal): TransitionResult => ({ ok: false, refusal });
  const done = (next: JourneyState): TransitionResult => ({ ok: true, next, from: state });
  const current = stageIndex(state.stage);

  if (transition.kind === 'reopen') {
    if (state.outcome === 'open') return refuse('journey_open');
    return done({ stage: transition.to ?? state.stage, outcome: 'open' });
  }
  if (state.outcome !== 'open') return refuse('journey_closed');

  switch (transition.kind) {
    case 'move': {
      const target = stageIndex(transition.to);
      if (target === current) return refuse('same_stage');
      if (target > current + 1) return refuse('skips_stages');
      return done({ stage: transition.to, outcome: 'open' });
    }
    case 'reject':
      if (!transition.reason.trim()) return refuse('reason_required');
      if (current > stageIndex('decision')) return refuse('reject_after_decision');
      return done({ stage: state.stage, outcome: 'rejected' });
    case 'discontinue':
      if (!transition.reason.trim()) return refuse('reason_required');
      if (current < stageIndex('implementation')) return refuse('discontinue_before_implementation');
      return done({ stage: state.stage, outcome: 'discontinued' });
    case 'adopt':
      if (state.stage !== 'confirmation') return refuse('adopt_before_confirmation');
      return done({ stage: state.stage, outcome: 'adopted' });
  }
}

/** Which transitions are open from a state: what the UI offers and the API accepts. */
export function availableTransitions(state: JourneyState): Transition['kind'][] {
  if (state.outcome !== 'open') return ['reopen'];
  const kinds: Transition['kind'][] = ['move'];
  const i = stageIndex(state.stage);
  if (i <= stageIndex('decision')) kinds.push('reject');
  if (i >= stageIndex('implementation')) kinds.push('discontinue');
  if (state.stage === 'confirmation') kinds.push('adopt');
  return kinds;
}

/** Replays a history from the journey's opening stage: the current state is its last row. */
export function replay(
  opening: Stage,
  rows: readonly { toStage: Stage; outcome: Outcome }[],
): JourneyState {
  let state: JourneyState = { stage: opening, outcome: 'open' };
  for (const row of rows) state = { stage: row.toStage, outcome: row.outcome };
  return state;
}
