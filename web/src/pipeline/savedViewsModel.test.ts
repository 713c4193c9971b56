import { describe, expect, it } from 'vitest';
import type { SavedView } from './savedViewsApi';
import { canonicalQuery, currentView, groupViews, nameProblem } from './savedViewsModel';

let n = 0;
function view(overrides: Partial<SavedView>): SavedView {
  n += 1;
  return {
    id: `v${n}`,
    userId: 'me',
    userName: 'Saya',
    screen: 'pipeline',
    name: `View ${n}`,
    query: {},
    shared: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('saved views model', () => {
  it('puts the user’s own views first and colleagues’ shared ones after, each by name without case', () => {
    const views = [view({ name: 'zeta' }), view({ name: 'Alpha', userId: 'rina', shared: true }), view({ name: 'beta' }), view({ name: 'Hidden', userId: 'rina', shared: false })];
    const { mine, shared } = groupViews(views, 'me');
    expect(mine.map((v) => v.name)).toEqual(['beta', 'zeta']);
    expect(shared.map((v) => v.name)).toEqual(['Alpha']);
  });

  it('finds the view the screen is showing, whatever the order of the parameters, preferring the user’s own', () => {
    const theirs = view({ userId: 'rina', shared: true, query: { tier: 'smb', city: 'Surabaya' } });
    const mine = view({ query: { city: 'Surabaya', tier: 'smb' } });
    expect(currentView([theirs], { city: 'Surabaya', tier: 'smb' }, 'me')?.id).toBe(theirs.id);
    expect(currentView([theirs, mine], { tier: 'smb', city: 'Surabaya' }, 'me')?.id).toBe(mine.id);
    expect(currentView([mine], { city: 'Surabaya' }, 'me')).toBeNull();
    expect(canonicalQuery({ tier: 'smb', city: ' ', owner: 'u1' })).toBe('owner=u1&tier=smb');
  });

  it('tells a missing, too long or already used name before sending it, ignoring the view being renamed', () => {
    const views = [view({ name: 'Surabaya SMB' }), view({ name: 'Theirs', userId: 'rina', shared: true })];
    expect(nameProblem('  ', views, 'me')).toBe('savedViews.nameRequired');
    expect(nameProblem('x'.repeat(81), views, 'me')).toBe('savedViews.nameTooLong');
    expect(nameProblem(' surabaya smb ', views, 'me')).toBe('savedViews.nameTaken');
    expect(nameProblem('Surabaya SMB', views, 'me', views[0]?.id)).toBeNull();
    expect(nameProblem('Theirs', views, 'me')).toBeNull();
  });
});
