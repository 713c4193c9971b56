import { describe, expect, it } from 'vitest';
import { canLogActivity, canManageWorkspace, canWriteAccount, canWriteSolutions, canWriteTask } from './permissions';

const am = { id: 'am', role: 'account_manager' as const, teamId: 't1' };
const admin = { id: 'ad', role: 'admin' as const, teamId: null };
const viewer = { id: 'v', role: 'viewer' as const, teamId: null };
const specialist = { id: 'ps', role: 'product_specialist' as const, teamId: null };

describe('controls the web app shows', () => {
  it('offers account edits to the owner and admins only', () => {
    expect(canWriteAccount(am, { ownerId: 'am', teamId: 't1' })).toBe(true);
    expect(canWriteAccount(am, { ownerId: 'other', teamId: 't1' })).toBe(false);
    expect(canWriteAccount(admin, { ownerId: 'other', teamId: null })).toBe(true);
    expect(canWriteAccount(null, { ownerId: 'am', teamId: 't1' })).toBe(false);
  });

  it('offers the catalogue to admins and product specialists, the workspace to admins', () => {
    expect(canWriteSolutions(specialist)).toBe(true);
    expect(canWriteSolutions(am)).toBe(false);
    expect(canManageWorkspace(admin)).toBe(true);
    expect(canManageWorkspace(specialist)).toBe(false);
  });

  it('offers logging and completing tasks to people who write', () => {
    expect(canLogActivity(am)).toBe(true);
    expect(canLogActivity(viewer)).toBe(false);
    expect(canWriteTask(am, { assigneeId: 'am', createdBy: 'x' })).toBe(true);
    expect(canWriteTask(viewer, { assigneeId: 'v', createdBy: 'v' })).toBe(false);
  });
});
