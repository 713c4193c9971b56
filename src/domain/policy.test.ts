import { describe, expect, it } from 'vitest';
import { can, type Actor } from './policy.js';

const actor = (role: Actor['role'], userId = 'u1', teamId: string | null = 't1'): Actor => ({ userId, role, teamId });

describe('the permission policy', () => {
  it('lets admins do everything and viewers nothing', () => {
    expect(can(actor('admin'), 'write', { type: 'workspace' })).toBe(true);
    expect(can(actor('viewer'), 'write', { type: 'account', ownerId: 'u1', teamId: 't1' })).toBe(false);
  });

  it('gives an account manager what they own and nothing of a colleague’s', () => {
    expect(can(actor('account_manager'), 'write', { type: 'account', ownerId: 'u1', teamId: 't1' })).toBe(true);
    expect(can(actor('account_manager'), 'write', { type: 'account', ownerId: 'u2', teamId: 't1' })).toBe(false);
  });

  it('gives a sales manager the records of their team and gate overrides there', () => {
    const journey = { type: 'journey' as const, ownerId: 'u2', saId: null, marcommId: null, teamId: 't1' };
    expect(can(actor('sales_manager'), 'write', journey)).toBe(true);
    expect(can(actor('sales_manager'), 'override_gate', journey)).toBe(true);
    expect(can(actor('sales_manager'), 'write', { ...journey, teamId: 't2' })).toBe(false);
    expect(can(actor('sales_manager', 'u1', null), 'write', { ...journey, teamId: null })).toBe(false);
    expect(can(actor('account_manager'), 'override_gate', { ...journey, ownerId: 'u1' })).toBe(false);
  });

  it('lets a solution architect log activities only on journeys they are assigned to', () => {
    const activity = (saId: string) => ({ type: 'activity' as const, createdBy: 'u9', participantUserIds: [], teamId: 't1', journey: { ownerId: 'u2', saId } });
    expect(can(actor('solution_architect'), 'write', activity('u1'))).toBe(true);
    expect(can(actor('solution_architect'), 'write', activity('u3'))).toBe(false);
  });

  it('lets product specialists, and no other non-admin, edit solutions', () => {
    expect(can(actor('product_specialist'), 'write', { type: 'solution' })).toBe(true);
    expect(can(actor('marcomm'), 'write', { type: 'solution' })).toBe(false);
  });

  it('lets solution architects and admins write IT assessments, and no one else', () => {
    const assessment = { type: 'assessment' as const };
    expect(can(actor('solution_architect'), 'write', assessment)).toBe(true);
    expect(can(actor('admin'), 'write', assessment)).toBe(true);
    for (const role of ['sales_manager', 'account_manager', 'marcomm', 'product_specialist', 'viewer'] as const) {
      expect(can(actor(role), 'write', assessment), role).toBe(false);
    }
  });

  it('lets the journey’s writers and its solution architect tick a manual gate', () => {
    const journey = { type: 'journey' as const, ownerId: 'u2', saId: 'u3', marcommId: null, teamId: 't1' };
    expect(can(actor('account_manager', 'u2'), 'tick_gate', journey)).toBe(true);
    expect(can(actor('solution_architect', 'u3'), 'tick_gate', journey)).toBe(true);
    expect(can(actor('sales_manager'), 'tick_gate', journey)).toBe(true);
    expect(can(actor('solution_architect', 'u4'), 'tick_gate', journey)).toBe(false);
    expect(can(actor('account_manager', 'u5'), 'tick_gate', journey)).toBe(false);
    expect(can(actor('marcomm', 'u2'), 'tick_gate', journey)).toBe(false);
  });
});
