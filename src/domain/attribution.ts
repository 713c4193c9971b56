/**
 * Campaign attribution (DESIGN.md §4, §5): how much of a journey's value each campaign that
 * touched it earns. A journey's touches are the engaging campaign responses logged on it —
 * for a won journey, those up to the moment it was adopted.
 *
 * - first touch: the campaign of the earliest touch earns the whole value;
 * - last touch: the campaign of the latest touch earns the whole value;
 * - linear: every touch earns an equal part, so a campaign earns value × its touches ÷ all
 *   touches, rounded half up to the minor unit once per journey.
 *
 * Pure: the repository hands one summary per journey (counts, not the touches themselves).
 */

export const attributionModels = ['first_touch', 'last_touch', 'linear'] as const;
export type AttributionModel = (typeof attributionModels)[number];

/** One journey as one campaign sees it. */
export interface JourneyTouches {
  valueMinor: number;
  /** Every touch of the journey, from any campaign. */
  touches: number;
  /** The touches from the campaign being credited. */
  mine: number;
  /** Whether the journey's earliest touch came from this campaign. */
  first: boolean;
  /** Whether the journey's latest touch came from this campaign. */
  last: boolean;
}

/** The part of one journey's value that one campaign earns under `model`. */
export function campaignShare(j: JourneyTouches, model: AttributionModel): number {
  if (j.touches <= 0 || j.mine <= 0) return 0;
  switch (model) {
    case 'first_touch':
      return j.first ? j.valueMinor : 0;
    case 'last_touch':
      return j.last ? j.valueMinor : 0;
    case 'linear':
      return Math.floor((j.valueMinor * j.mine) / j.touches + 0.5);
  }
}

export interface Touch {
  campaignId: string;
  at: string;
  /** Breaks ties between touches at the same instant. */
  id: string;
}

/** Every campaign's share of one journey, from its touches in any order. */
export function attributeJourney(valueMinor: number, touches: readonly Touch[], model: AttributionModel): Map<string, number> {
  const ordered = [...touches].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = new Map<string, number>();
  const firstCampaign = ordered[0]?.campaignId;
  const lastCampaign = ordered[ordered.length - 1]?.campaignId;
  for (const campaignId of new Set(ordered.map((t) => t.campaignId))) {
    const mine = ordered.filter((t) => t.campaignId === campaignId).length;
    const share = campaignShare(
      { valueMinor, touches: ordered.length, mine, first: campaignId === firstCampaign, last: campaignId === lastCampaign },
      model,
    );
    result.set(campaignId, share);
  }
  return result;
}

/** Budget divided by the journeys the campaign opened, rounded half up; null when it opened none. */
export function costPerJourney(budgetMinor: number, journeysOpened: number): number | null {
  if (journeysOpened <= 0) return null;
  return Math.floor(budgetMinor / journeysOpened + 0.5);
}

/**
 * Return on investment: (attributed won value − cost) ÷ cost, as a ratio (0.5 = 50%),
 * rounded to four decimals; null when there was no cost.
 */
export function roi(returnMinor: number, costMinor: number): number | null {
  if (costMinor <= 0) return null;
  return Math.round(((returnMinor - costMinor) / costMinor) * 10_000) / 10_000;
}
