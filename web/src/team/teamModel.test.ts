import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { assignmentPatch, candidatesFor, validatePrincipalContact } from './teamModel';

const user = (id: string, role: User['role'], active = true) => ({ id, name: id.toUpperCase(), role, active }) as User;

describe('the team panel', () => {
  const users = [user('sa2', 'solution_architect'), user('am1', 'account_manager'), user('sa1', 'solution_architect'), user('gone', 'solution_architect', false), user('mc', 'marcomm')];

  it('offers active users of a fitting role, keeping the current holder even when inactive', () => {
    expect(candidatesFor('sa', users, null).map((u) => u.id)).toEqual(['sa1', 'sa2']);
    expect(candidatesFor('sa', users, 'gone').map((u) => u.id)).toEqual(['gone', 'sa1', 'sa2']);
    expect(candidatesFor('marcomm', users, null).map((u) => u.id)).toEqual(['mc']);
  });

  it('builds the patch with the handoff note only when the holder changes', () => {
    expect(assignmentPatch('sa', 'sa1', { userId: 'sa1', note: 'x' }, 3)).toBeNull();
    expect(assignmentPatch('sa', 'sa1', { userId: 'sa2', note: '  Budi knows storage ' }, 3)).toEqual({ saId: 'sa2', handoffNote: 'Budi knows storage', version: 3 });
    expect(assignmentPatch('am', 'am1', { userId: null, note: ' ' }, 1)).toEqual({ ownerId: null, version: 1 });
  });

  it('needs a name for the principal contact and a plausible email', () => {
    expect(validatePrincipalContact({ principalId: null, name: ' ', title: '', email: 'nope', phone: '' })).toEqual({
      ok: false,
      errors: { name: 'teamPanel.errors.nameRequired', email: 'teamPanel.errors.email' },
    });
    expect(validatePrincipalContact({ principalId: 'p', name: ' Rina ', title: '', email: 'rina@vendor.example', phone: '0812' })).toEqual({
      ok: true,
      body: { principalId: 'p', name: 'Rina', title: null, email: 'rina@vendor.example', phone: '0812' },
    });
  });
});
