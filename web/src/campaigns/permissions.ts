import { can } from '../../../src/domain/policy';
import type { User } from '../api/types';
import { actorOf } from '../auth/permissions';

type Who = Pick<User, 'id' | 'role' | 'teamId'> | null | undefined;

/** Campaigns, targeting and call lists: marcomm, product specialists, sales managers and admins (src/domain/policy.ts). */
export function canManageCampaigns(user: Who): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'campaign' });
}

/** Responses: campaign managers, and AMs for their own accounts (the server checks each account). */
export function canRecordResponses(user: Who): boolean {
  return canManageCampaigns(user) || user?.role === 'account_manager';
}
