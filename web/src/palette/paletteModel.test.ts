import { describe, expect, it } from 'vitest';
import type { Account, Contact, Journey } from '../api/types';
import { fold, matchActions, moveHighlight, paletteItems, shouldSearch } from './paletteModel';

const actions = [
  { id: 'myDay', label: 'Buka Hari saya', keywords: 'my day home' },
  { id: 'pipeline', label: 'Buka Pipeline' },
  { id: 'log', label: 'Catat aktivitas', keywords: 'log activity' },
];

describe('the command palette', () => {
  it('matches actions on every typed word, ignoring case and accents', () => {
    expect(fold('Réunion')).toBe('reunion');
    expect(matchActions(actions, '').map((a) => a.id)).toEqual(['myDay', 'pipeline', 'log']);
    expect(matchActions(actions, 'buka PIPE').map((a) => a.id)).toEqual(['pipeline']);
    expect(matchActions(actions, 'log').map((a) => a.id)).toEqual(['log']);
    expect(matchActions(actions, 'nothing here')).toEqual([]);
  });

  it('lists accounts, contacts and journeys before the actions', () => {
    const results = {
      accounts: [{ id: 'a1', name: 'PT Logistik Andalan', city: 'Surabaya' } as Account],
      contacts: [{ id: 'c1', fullName: 'Sari Dewi', title: 'CIO', accountId: 'a1' } as Contact],
      journeys: [{ id: 'j1', accountName: 'PT Logistik Andalan', solutionName: 'Security' } as Journey],
    };
    const items = paletteItems('log', actions, results, new Map([['a1', 'PT Logistik Andalan']]));
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ['account', 'PT Logistik Andalan'],
      ['contact', 'Sari Dewi'],
      ['journey', 'PT Logistik Andalan'],
      ['action', 'Catat aktivitas'],
    ]);
    expect(items[1]).toMatchObject({ detail: 'CIO · PT Logistik Andalan', to: '/accounts/a1' });
    expect(items[2]).toMatchObject({ to: '/journeys/j1' });
  });

  it('moves the highlight with the arrow keys and wraps around', () => {
    expect(moveHighlight(-1, 1, 3)).toBe(0);
    expect(moveHighlight(-1, -1, 3)).toBe(2);
    expect(moveHighlight(2, 1, 3)).toBe(0);
    expect(moveHighlight(0, -1, 3)).toBe(2);
    expect(moveHighlight(0, 1, 0)).toBe(-1);
  });

  it('searches from two characters', () => {
    expect(shouldSearch(' a ')).toBe(false);
    expect(shouldSearch('pt')).toBe(true);
  });
});
