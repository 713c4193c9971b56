import type { TransitionRefusal } from '../../../src/domain/stages';

/** Every reason the stage machine gives for refusing a move; the type makes this list complete. */
const all: Record<TransitionRefusal, true> = {
  journey_closed: true,
  journey_open: true,
  same_stage: true,
  skips_stages: true,
  reject_after_decision: true,
  discontinue_before_implementation: true,
  adopt_before_confirmation: true,
  reason_required: true,
};
export const refusals = Object.keys(all) as TransitionRefusal[];
