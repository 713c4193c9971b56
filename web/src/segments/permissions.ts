import { can } from '../../../src/domain/policy';
import type { User } from '../api/types';
import { actorOf } from '../auth/permissions';

/** Segments: marcomm, product specialists, sales managers and admins write; everyone reads (src/domain/policy.ts). */
export function canWriteSegments(user: Pick<User, 'id' | 'role' | 'teamId'> | null | undefined): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'segment' });
}
