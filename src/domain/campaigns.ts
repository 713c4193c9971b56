import type { ActivityType } from '../shared/vocabulary.js';

/**
 * The campaigns vocabulary (DESIGN.md §4) and the small rules around it: which activity a
 * response logs, which responses engage a contact, and how a call list is split among callers.
 * Pure: no I/O.
 */

export const campaignTypes = ['event', 'webinar', 'campaign', 'publication', 'telemarketing', 'online_ad', 'social_post'] as const;
export type CampaignType = (typeof campaignTypes)[number];

/** The paper's channels: the website, social media, WhatsApp Business, and email. */
export const campaignChannels = ['website', 'facebook', 'instagram', 'linkedin', 'youtube', 'whatsapp_business', 'email', 'phone', 'offline'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];

export const campaignStatuses = ['draft', 'launched', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const responseKinds = ['invited', 'registered', 'attended', 'clicked', 'replied'] as const;
export type ResponseKind = (typeof responseKinds)[number];

export const responseSources = ['manual', 'csv', 'hook'] as const;
export type ResponseSource = (typeof responseSources)[number];

export const segmentRoles = ['primary', 'secondary'] as const;
export type SegmentRole = (typeof segmentRoles)[number];

export const callOutcomes = ['no_answer', 'call_back', 'not_interested', 'interested', 'meeting_booked', 'wrong_number', 'do_not_call'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** A call that shows interest: on a list tied to a running campaign it counts as the contact replying. */
export function isPositive(outcome: CallOutcome): boolean {
  return outcome === 'interested' || outcome === 'meeting_booked';
}

export const callListStatuses = ['open', 'closed'] as const;
export type CallListStatus = (typeof callListStatuses)[number];

export const DEFAULT_CAMPAIGN_CURRENCY = 'IDR';

/**
 * Whether a response is the contact engaging (registering, attending, clicking, replying).
 * An invitation is something we sent, not a touch from the customer: it is recorded for the
 * funnel, but it neither opens a journey nor counts as a touch in attribution.
 */
export function isEngagement(kind: ResponseKind): boolean {
  return kind !== 'invited';
}

/** The activity a response logs on the account (and its journey). */
export function touchActivityType(campaignType: CampaignType, kind: ResponseKind): ActivityType {
  if (campaignType === 'telemarketing') return 'telemarketing_call';
  switch (kind) {
    case 'registered':
    case 'attended':
      return 'event_attendance';
    case 'clicked':
      return 'content_shared';
    default:
      return 'email';
  }
}

/**
 * Splits `count` entries (in their order) among callers. Without shares: round-robin.
 * With shares (positive weights, one per caller): each caller gets a number of entries
 * proportional to their share (largest remainder, ties to the earlier caller), and entries
 * are dealt so that every caller's calls are spread through the list (interleaved by
 * smallest filled fraction), not handed out in blocks.
 * Returns the caller index of each entry.
 */
export function splitAmongCallers(count: number, callers: number, shares?: readonly number[]): number[] {
  if (callers <= 0) throw new Error('at least one caller is needed');
  if (!shares) return Array.from({ length: count }, (_, i) => i % callers);
  if (shares.length !== callers) throw new Error('one share per caller');
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (count * s) / total);
  const quota = exact.map(Math.floor);
  let left = count - quota.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    quota[i] = (quota[i] ?? 0) + 1;
    left -= 1;
  }
  const given = quota.map(() => 0);
  const result: number[] = [];
  for (let n = 0; n < count; n += 1) {
    let best = -1;
    let bestFill = Infinity;
    for (let i = 0; i < callers; i += 1) {
      const q = quota[i] ?? 0;
      if ((given[i] ?? 0) >= q) continue;
      const fill = (given[i] ?? 0) / q;
      if (fill < bestFill) {
        best = i;
        bestFill = fill;
      }
    }
    result.push(best);
    given[best] = (given[best] ?? 0) + 1;
  }
  return result;
}
