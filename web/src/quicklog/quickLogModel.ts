import { activityTypes } from '../../../src/shared/vocabulary';
import type { ActivityCreate, ActivityType } from '../api/types';
import { fromZonedInput, getDisplayTimeZone } from '../format/format';

/** The quick log's logic: the types in the order sellers use them, the form and its checks. */

/** Field work first (DESIGN.md §4); every type of the vocabulary is offered. */
const preferred: readonly ActivityType[] = ['visit', 'call', 'whatsapp', 'telemarketing_call', 'email', 'meeting', 'demo'];
export const quickLogTypes: readonly ActivityType[] = [...preferred, ...activityTypes.filter((t) => !preferred.includes(t))];

export interface QuickLogInput {
  type: ActivityType;
  accountId: string | null;
  contactId: string | null;
  journeyId: string | null;
  subject: string;
  notes: string;
  outcome: string;
  nextStep: string;
  /** Colleagues who took part besides the one logging (e.g. the journey's SA: its gates ask for them). */
  userIds: string[];
  /** Further contacts of the account who took part, besides `contactId`. */
  contactIds: string[];
  /** When it happened, as wall time in the user's zone ("2026-11-28T14:30"); empty means now. */
  occurredAt: string;
}

export const emptyQuickLog: QuickLogInput = { type: 'visit', accountId: null, contactId: null, journeyId: null, subject: '', notes: '', outcome: '', nextStep: '', userIds: [], contactIds: [], occurredAt: '' };

export type QuickLogBody = Pick<ActivityCreate, 'type' | 'subject' | 'accountId' | 'notes' | 'journeyId' | 'outcome' | 'nextStep' | 'occurredAt'> & {
  participants: { userIds: string[]; contactIds: string[] };
};

export type QuickLogResult = { ok: true; body: QuickLogBody } | { ok: false; errors: Partial<Record<keyof QuickLogInput, string>> };

/** A few minutes' grace for clocks that differ: later than this is "in the future". */
const FUTURE_GRACE_MS = 5 * 60_000;

export function validateQuickLog(input: QuickLogInput, clock: { timeZone: string; now: Date } = { timeZone: getDisplayTimeZone(), now: new Date() }): QuickLogResult {
  const errors: Partial<Record<keyof QuickLogInput, string>> = {};
  const occurredAt = input.occurredAt.trim() === '' ? null : fromZonedInput(input.occurredAt, clock.timeZone);
  if (input.occurredAt.trim() !== '' && occurredAt === null) errors.occurredAt = 'validation.dateTimeInvalid';
  else if (occurredAt !== null && Date.parse(occurredAt) > clock.now.getTime() + FUTURE_GRACE_MS) errors.occurredAt = 'validation.notInFuture';
  if (!input.accountId) errors.accountId = 'validation.accountRequired';
  if (!input.subject.trim()) errors.subject = 'validation.subjectRequired';
  else if (input.subject.trim().length > 300) errors.subject = 'validation.tooLong';
  if (!input.accountId || Object.keys(errors).length > 0) return { ok: false, errors };
  const text = (value: string) => value.trim() || null;
  return {
    ok: true,
    body: {
      type: input.type,
      accountId: input.accountId,
      subject: input.subject.trim(),
      notes: text(input.notes),
      journeyId: input.journeyId,
      outcome: text(input.outcome),
      nextStep: text(input.nextStep),
      ...(occurredAt ? { occurredAt } : {}),
      participants: { userIds: [...new Set(input.userIds)], contactIds: [...new Set([...(input.contactId ? [input.contactId] : []), ...input.contactIds])] },
    },
  };
}

/** A subject to start from, so a WhatsApp or call is logged in a few keystrokes. */
export function suggestedSubject(typeLabel: string, contactName: string | null): string {
  return contactName ? `${typeLabel} — ${contactName}` : typeLabel;
}

/**
 * A hint when the activity would not count for the SA gates: a demo or meeting on a journey whose
 * SA is neither the one logging nor listed as a participant. Returns the SA's id to offer adding.
 */
export function missingSa(input: Pick<QuickLogInput, 'type' | 'userIds'>, journeySaId: string | null | undefined, meId: string | undefined): string | null {
  if (!journeySaId || journeySaId === meId) return null;
  if (input.type !== 'demo' && input.type !== 'meeting') return null;
  return input.userIds.includes(journeySaId) ? null : journeySaId;
}
