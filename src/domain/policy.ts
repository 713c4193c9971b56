import type { Role } from '../shared/vocabulary.js';

/**
 * The one place that decides who may write what (DESIGN.md §6). Every service asks it
 * before it writes; the web app only mirrors its answers to hide buttons.
 * Every role reads everything in the workspace; the rules below are about writes.
 */
export interface Actor {
  userId: string;
  role: Role;
  teamId: string | null;
}

/** The facts about a record that permissions depend on. */
export type Subject =
  | { type: 'workspace' } // users, teams, principals, exchange rates, settings, audit
  | { type: 'solution' }
  | { type: 'account'; ownerId: string | null; teamId: string | null }
  | { type: 'contact'; account: { ownerId: string | null; teamId: string | null } }
  | {
      type: 'journey';
      ownerId: string | null;
      saId: string | null;
      marcommId: string | null;
      teamId: string | null;
    }
  | {
      type: 'activity';
      createdBy: string | null;
      participantUserIds: readonly string[];
      teamId: string | null;
      journey: { ownerId: string | null; saId: string | null } | null;
    }
  | { type: 'task'; assigneeId: string | null; createdBy: string | null; teamId: string | null }
  | { type: 'assessment' }; // an account's IT-environment inventory and risks

/**
 * `tick_gate`: confirm a manual gate of a journey — whoever may write the journey, and its SA.
 * `override_gate`: move a journey past unmet gates — the team's sales manager and admins.
 */
export type Action = 'write' | 'override_gate' | 'tick_gate';

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'viewer') return false;
  if (action === 'override_gate') return actor.role === 'sales_manager' && inTeam(actor, teamOf(subject));
  if (action === 'tick_gate') {
    if (subject.type !== 'journey') return false;
    return (actor.role === 'solution_architect' && subject.saId === actor.userId) || can(actor, 'write', subject);
  }

  switch (subject.type) {
    case 'workspace':
      return false;
    case 'solution':
      return actor.role === 'product_specialist';
    case 'account':
      if (actor.role === 'sales_manager') return inTeam(actor, subject.teamId);
      return actor.role === 'account_manager' && subject.ownerId === actor.userId;
    case 'contact':
      if (actor.role === 'sales_manager') return inTeam(actor, subject.account.teamId);
      return actor.role === 'account_manager' && subject.account.ownerId === actor.userId;
    case 'journey':
      if (actor.role === 'sales_manager') return inTeam(actor, subject.teamId);
      return actor.role === 'account_manager' && subject.ownerId === actor.userId;
    case 'activity': {
      const takesPart = subject.createdBy === actor.userId || subject.participantUserIds.includes(actor.userId);
      if (actor.role === 'sales_manager') return inTeam(actor, subject.teamId) || takesPart;
      if (actor.role === 'account_manager') return takesPart || subject.journey?.ownerId === actor.userId;
      if (actor.role === 'solution_architect') return subject.journey !== null && subject.journey.saId === actor.userId;
      return false;
    }
    case 'assessment':
      return actor.role === 'solution_architect';
    case 'task': {
      const takesPart = subject.assigneeId === actor.userId || subject.createdBy === actor.userId;
      if (actor.role === 'sales_manager') return inTeam(actor, subject.teamId) || takesPart;
      return actor.role === 'account_manager' && takesPart;
    }
  }
}

function inTeam(actor: Actor, teamId: string | null): boolean {
  return actor.teamId !== null && teamId === actor.teamId;
}

function teamOf(subject: Subject): string | null {
  switch (subject.type) {
    case 'account':
    case 'journey':
    case 'activity':
    case 'task':
      return subject.teamId;
    case 'contact':
      return subject.account.teamId;
    default:
      return null;
  }
}

/** Roles allowed to read the audit log and manage users, teams and settings. */
export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
