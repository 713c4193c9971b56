import type { Role, User } from '../api/types';
import type { HandoffRole } from '../../../src/shared/schemas/team';

/** The journey field behind each team role. */
export const roleField = { am: 'ownerId', sa: 'saId', marcomm: 'marcommId' } as const satisfies Record<HandoffRole, string>;
export const teamRoles: readonly HandoffRole[] = ['am', 'sa', 'marcomm'];

/** Who may be picked for a role: active users with a fitting role (admins can stand in for anyone). */
const eligible: Record<HandoffRole, readonly Role[]> = {
  am: ['account_manager', 'sales_manager', 'admin'],
  sa: ['solution_architect', 'admin'],
  marcomm: ['marcomm', 'product_specialist', 'admin'],
};

export function candidatesFor(role: HandoffRole, users: readonly User[], current: string | null): User[] {
  return users
    .filter((u) => (u.active && eligible[role].includes(u.role)) || u.id === current)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface AssignInput {
  userId: string | null;
  note: string;
}

/** The PATCH body for a role change, or null when nothing would change. */
export function assignmentPatch(role: HandoffRole, current: string | null, input: AssignInput, version: number): Record<string, unknown> | null {
  if (input.userId === current) return null;
  const note = input.note.trim();
  return { [roleField[role]]: input.userId, ...(note ? { handoffNote: note } : {}), version };
}

export interface PrincipalContactInput {
  principalId: string | null;
  name: string;
  title: string;
  email: string;
  phone: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Client-side checks before the server's (which has the last word and names the field). */
export function validatePrincipalContact(input: PrincipalContactInput):
  | { ok: true; body: { principalId: string | null; name: string; title: string | null; email: string | null; phone: string | null } }
  | { ok: false; errors: Partial<Record<keyof PrincipalContactInput, string>> } {
  const errors: Partial<Record<keyof PrincipalContactInput, string>> = {};
  if (!input.name.trim()) errors.name = 'teamPanel.errors.nameRequired';
  if (input.email.trim() && !emailPattern.test(input.email.trim())) errors.email = 'teamPanel.errors.email';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const text = (v: string) => v.trim() || null;
  return { ok: true, body: { principalId: input.principalId, name: input.name.trim(), title: text(input.title), email: text(input.email), phone: text(input.phone) } };
}
