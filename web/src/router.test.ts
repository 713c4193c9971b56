import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

describe('routes', () => {
  it('opens My day at the root and each list at its path', () => {
    expect(matchRoute('/')).toEqual({ name: 'myDay' });
    expect(matchRoute('/pipeline')).toEqual({ name: 'pipeline' });
    expect(matchRoute('/accounts/')).toEqual({ name: 'accounts' });
    expect(matchRoute('/settings')).toEqual({ name: 'settings' });
  });

  it('reads record ids, decoded', () => {
    expect(matchRoute('/accounts/01J%20X')).toEqual({ name: 'account', id: '01J X' });
    expect(matchRoute('/journeys/abc')).toEqual({ name: 'journey', id: 'abc' });
    expect(matchRoute('/principals/p1')).toEqual({ name: 'principal', id: 'p1' });
  });

  it('knows when a path is no screen', () => {
    expect(matchRoute('/accounts/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/nowhere')).toEqual({ name: 'notFound' });
  });
});
