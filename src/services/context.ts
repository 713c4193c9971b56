import type { Database } from '../db/database.js';
import { repositories, type Repositories } from '../db/repositories/index.js';
import { can, type Action, type Actor, type Subject } from '../domain/policy.js';
import { AppError } from '../shared/errors.js';
import type { Clock, IdGenerator, Mailer, PasswordHasher } from './ports.js';

/** What every service needs: the database and the side-effect ports. */
export interface Deps {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  /** Overrides the SMTP mailer built from the workspace settings (tests, the CLI). */
  mailer?: Mailer;
}

/** Runs a use case in one transaction: its writes and its audit entries land together or not at all. */
export function transact<T>(deps: Deps, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return deps.db.kysely.transaction().execute((trx) => work(repositories(trx, deps.db.dialect)));
}

/** Repositories on the plain connection, for reads. */
export function read(deps: Deps): Repositories {
  return repositories(deps.db.kysely, deps.db.dialect);
}

export function authorize(actor: Actor, action: Action, subject: Subject): void {
  if (!can(actor, action, subject)) throw new AppError('forbidden', { action, record: subject.type });
}

export function notFound(recordType: string, id: string): AppError {
  return new AppError('not_found', { record: recordType, id }, `${recordType} ${id} was not found`);
}

export function versionConflict(recordType: string, id: string, current: number | null): AppError {
  return new AppError('version_conflict', { record: recordType, id, currentVersion: current });
}

export function nowIso(deps: Deps): string {
  return deps.clock.now().toISOString();
}

export async function audit(
  repos: Repositories,
  deps: Deps,
  actor: Actor | null,
  action: string,
  recordType: string,
  recordId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await repos.audit.record({
    id: deps.ids.next(),
    at: nowIso(deps),
    actorId: actor?.userId ?? null,
    action,
    recordType,
    recordId,
    before,
    after,
  });
}

/** Checks that a user id names an active user; the field is named in the 400 when it does not. */
export async function requireUser(repos: Repositories, id: string | null, field: string): Promise<void> {
  if (id === null) return;
  const user = await repos.users.findById(id);
  if (!user || !user.active) throw new AppError('validation_failed', { issues: [{ field, reason: 'is not an active user' }] });
}

export async function requireTeam(repos: Repositories, id: string | null, field: string): Promise<void> {
  if (id === null) return;
  const team = await repos.users.findTeam(id);
  if (!team) throw new AppError('validation_failed', { issues: [{ field, reason: 'is not a team' }] });
}
