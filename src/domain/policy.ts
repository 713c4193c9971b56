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
  | { type: 'assessment' } // an account's IT-environment inventory and risks
  | { type: 'saved_view'; userId: string } // a user's saved filters: theirs to change
  | { type: 'coaching' } // the sales managers' coaching view (read_insight)
  | { type: 'sa_workload'; saId: string | null } // an SA's workload, null: every SA's (read_insight)
  | { type: 'segment' } // marketing segments (marcomm, product specialists, sales managers)
  | { type: 'whatsapp_template' } // WhatsApp message templates (marcomm, product specialists, sales managers)
  | { type: 'campaign' } // campaigns, the targeting matrix and call lists (marcomm, product specialists, sales managers)
  | { type: 'campaign_response'; account: { ownerId: string | null } } // a response: campaign managers, and the account's AM
  | { type: 'call_entry'; callerId: string } // a call-list entry's outcome: campaign managers, and the entry's caller
  | { type: 'bass_prior' } // a solution's saved Bass prior (product specialists, marcomm)
  | { type: 'content' } // positioning (value pillars, persona messages) and the educational-content library (marcomm, product specialists)
  | { type: 'playbook_content' } // talk tracks, questions, objection handling per stage and persona (marcomm, product specialists)
  | { type: 'automation_rule' }; // automation rules and their jobs (marcomm, product specialists)

/**
 * `tick_gate`: confirm a manual gate of a journey — whoever may write the journey, and its SA.
 * `read_insight`: the coaching view (sales managers) and an SA's workload (sales managers, and the SA).
 * `override_gate`: move a journey past unmet gates — the team's sales manager and admins.
 */
export type Action = 'write' | 'override_gate' | 'tick_gate' | 'read_insight';

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'viewer') return false;
  if (action === 'override_gate') return actor.role === 'sales_manager' && inTeam(actor, teamOf(subject));
  if (action === 'read_insight') return actor.role === 'sales_manager' || (subject.type === 'sa_workload' && actor.role === 'solution_architect' && subject.saId === actor.userId);
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
    case 'segment': return actor.role === 'marcomm' || actor.role === 'product_specialist' || actor.role === 'sales_manager';
    case 'whatsapp_template': return actor.role === 'marcomm' || actor.role === 'product_specialist' || actor.role === 'sales_manager';
    case 'saved_view': return subject.userId === actor.userId;
    case 'assessment':
      return actor.role === 'solution_architect';
    case 'coaching':
    case 'sa_workload':
      return false; // read-only views
    case 'campaign': return actor.role === 'marcomm' || actor.role === 'product_specialist' || actor.role === 'sales_manager';
    case 'campaign_response': return can(actor, 'write', { type: 'campaign' }) || (actor.role === 'account_manager' && subject.account.ownerId === actor.userId);
    case 'call_entry': return can(actor, 'write', { type: 'campaign' }) || subject.callerId === actor.userId;
    case 'bass_prior': return actor.role === 'product_specialist' || actor.role === 'marcomm';
    case 'content': case 'playbook_content': return actor.role === 'marcomm' || actor.role === 'product_specialist';
    case 'automation_rule': return actor.role === 'marcomm' || actor.role === 'product_specialist';
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
