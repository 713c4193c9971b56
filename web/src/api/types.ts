/**
 * The API's types, taken from the server's shared zod schemas (types only: no zod in the
 * bundle), so the web app and the API cannot drift apart.
 */
import type { z } from 'zod';
import type { Account, AccountPatch } from '../../../src/shared/schemas/accounts.js';
import type { Activity, ActivityCreate } from '../../../src/shared/schemas/activities.js';
import type { Journey, HistoryEntry, TransitionBody, JourneyPatch } from '../../../src/shared/schemas/journeys.js';
import type { Principal, Solution } from '../../../src/shared/schemas/catalogue.js';
import type { Contact } from '../../../src/shared/schemas/contacts.js';
import type { Task } from '../../../src/shared/schemas/tasks.js';
import type { User, Team, me } from '../../../src/shared/schemas/users.js';
import type { GateChecklist, gateCheck, nextBestAction, nextBestActions, unmetGate } from '../../../src/shared/schemas/playbook.js';
import type { InventoryItem, InventoryCreate, InventoryPatch, Risk, RiskCreate, RiskPatch, recommendation, recommendations } from '../../../src/shared/schemas/assessments.js';
import type { JourneyCreate } from '../../../src/shared/schemas/journeys.js';
import type { TaskCreate } from '../../../src/shared/schemas/tasks.js';

export type { Journey, HistoryEntry, TransitionBody, JourneyPatch, Solution, Principal, User, Team, Account, AccountPatch, Contact, Activity, ActivityCreate, Task };
export type Me = z.infer<typeof me>;
export type { GateChecklist, InventoryItem, InventoryCreate, InventoryPatch, Risk, RiskCreate, RiskPatch, JourneyCreate, TaskCreate };
export type GateCheck = z.infer<typeof gateCheck>;
export type UnmetGate = z.infer<typeof unmetGate>;
export type NextBestAction = z.infer<typeof nextBestAction>;
export type NextBestActions = z.infer<typeof nextBestActions>;
export type Recommendation = z.infer<typeof recommendation>;
export type Recommendations = z.infer<typeof recommendations>;
export type { ItCategory, MitigationStatus } from '../../../src/domain/recommendations.js';
export type Page<T> = { items: T[]; nextCursor: string | null };
export type JourneyWithPermissions = Journey & { permissions: { write: boolean; overrideGate: boolean } };
export type { Stage, Outcome, Role, ActivityType } from '../../../src/shared/vocabulary.js';
export type Locale = User['locale'];

/** The one error shape of the API (DESIGN.md §8). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string; reason: string }[]; refusal?: string; [key: string]: unknown } };
}
