/** How big a generated workspace is. `small` is the demo; `large` is for benchmarks; `tiny` keeps tests fast. */
export interface Scale {
  name: ScaleName;
  accounts: number;
  contactsPerAccount: number;
  /** Mean journeys per account, before the tier adjusts it. */
  journeysPerAccount: number;
  /** Mean activities per account that belong to no journey (telemarketing, events, newsletters). */
  accountActivities: number;
  accountManagers: number;
  solutionArchitects: number;
  marcomm: number;
  /** Accounts generated (and their contacts, journeys, activities) before the batch is written. */
  chunkAccounts: number;
}

export const scaleNames = ['tiny', 'small', 'large'] as const;
export type ScaleName = (typeof scaleNames)[number];

export const scales: Record<ScaleName, Scale> = {
  tiny: { name: 'tiny', accounts: 60, contactsPerAccount: 4, journeysPerAccount: 3, accountActivities: 4.5, accountManagers: 4, solutionArchitects: 2, marcomm: 1, chunkAccounts: 25 },
  small: { name: 'small', accounts: 1_000, contactsPerAccount: 4, journeysPerAccount: 3, accountActivities: 4.5, accountManagers: 18, solutionArchitects: 6, marcomm: 3, chunkAccounts: 250 },
  large: { name: 'large', accounts: 100_000, contactsPerAccount: 4, journeysPerAccount: 3, accountActivities: 4.5, accountManagers: 400, solutionArchitects: 60, marcomm: 12, chunkAccounts: 1_000 },
};

/** Rough row counts for progress bars (the generator's averages; the real counts come out of the run). */
export function expectedRows(scale: Scale): Record<string, number> {
  const journeys = scale.accounts * scale.journeysPerAccount;
  const activities = scale.accounts * 32;
  return {
    accounts: scale.accounts,
    contacts: scale.accounts * scale.contactsPerAccount,
    journeys,
    journey_stage_history: journeys * 4.4,
    activities,
    activity_participants: activities * 2.1,
    tasks: journeys * 0.4,
    it_inventory_items: journeys * 0.9,
    it_risks: journeys * 0.75,
    journey_gate_ticks: journeys * 0.35,
  };
}
