/**
 * The API's types, taken from the server's shared zod schemas (types only: no zod in the
 * bundle), so the web app and the API cannot drift apart.
 */
import type { z } from 'zod';
import type { Account } from '../../../src/shared/schemas/accounts.js';
import type { Journey, HistoryEntry, TransitionBody, JourneyPatch } from '../../../src/shared/schemas/journeys.js';
import type { Solution } from '../../../src/shared/schemas/catalogue.js';
import type { User, Team, me } from '../../../src/shared/schemas/users.js';

export type { Journey, HistoryEntry, TransitionBody, JourneyPatch, Solution, User, Team, Account };
export type Me = z.infer<typeof me>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type JourneyWithPermissions = Journey & { permissions: { write: boolean; overrideGate: boolean } };
export type { Stage, Outcome, Role } from '../../../src/shared/vocabulary.js';
export type Locale = User['locale'];

/** The one error shape of the API (DESIGN.md §8). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string; reason: string }[]; refusal?: string; [key: string]: unknown } };
}
