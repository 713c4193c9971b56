import { can, type Actor } from '../../../src/domain/policy';
import type { Account, Task, User } from '../api/types';

/**
 * The server's permission rule (src/domain/policy.ts), asked only to hide controls the
 * user cannot use; the server decides and answers 403 on its own.
 */
export function actorOf(user: Pick<User, 'id' | 'role' | 'teamId'>): Actor {
  return { userId: user.id, role: user.role, teamId: user.teamId };
}

type Who = Pick<User, 'id' | 'role' | 'teamId'> | null | undefined;

export function canWriteAccount(user: Who, account: Pick<Account, 'ownerId' | 'teamId'>): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'account', ownerId: account.ownerId, teamId: account.teamId });
}

/** Activities: anyone who may write at all may log one they take part in. */
export function canLogActivity(user: Who): boolean {
  return !!user && user.role !== 'viewer';
}

/** A task's team is not in the task record; a task one takes part in is enough to offer "complete". */
export function canWriteTask(user: Who, task: Pick<Task, 'assigneeId' | 'createdBy'>): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'task', assigneeId: task.assigneeId, createdBy: task.createdBy, teamId: null });
}

export function canWriteSolutions(user: Who): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'solution' });
}

/** Users, teams, principals, settings. */
export function canManageWorkspace(user: Who): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'workspace' });
}

/** The account's IT-environment assessment (inventory and risks): admins and solution architects. */
export function canWriteAssessment(user: Who): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'assessment' });
}

/** Opening a journey on an account: the journey would belong to the account's owner and team. */
export function canOpenJourney(user: Who, account: Pick<Account, 'ownerId' | 'teamId'>): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'journey', ownerId: account.ownerId, saId: null, marcommId: null, teamId: account.teamId });
}

type JourneyFacts = { ownerId: string | null; saId: string | null; marcommId: string | null; teamId: string | null };

/** Ticking a manual gate: whoever may write the journey, and its solution architect. */
export function canTickGate(user: Who, journey: JourneyFacts): boolean {
  return !!user && can(actorOf(user), 'tick_gate', { type: 'journey', ownerId: journey.ownerId, saId: journey.saId, marcommId: journey.marcommId, teamId: journey.teamId });
}

/** Moving past unmet gates with a reason: the team's sales manager and admins. */
export function canOverrideGate(user: Who, journey: JourneyFacts): boolean {
  return !!user && can(actorOf(user), 'override_gate', { type: 'journey', ownerId: journey.ownerId, saId: journey.saId, marcommId: journey.marcommId, teamId: journey.teamId });
}
