import { describe, expect, it } from 'vitest';
import { filterParams, loadColumns, nextSort, saveColumns, sortDirection, toggleColumn } from './listModel';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('list sorting', () => {
  it('sorts a new column ascending, then flips it to descending, then back', () => {
    expect(nextSort('name', 'city')).toBe('city');
    expect(nextSort('city', 'city')).toBe('-city');
    expect(nextSort('-city', 'city')).toBe('city');
  });

  it('tells each header how it is sorted', () => {
    expect(sortDirection('name', 'name')).toBe('ascending');
    expect(sortDirection('-name', 'name')).toBe('descending');
    expect(sortDirection('-name', 'city')).toBe('none');
    expect(sortDirection('name', undefined)).toBe('none');
  });
});

describe('column choice', () => {
  const all = ['name', 'city', 'tier', 'owner'];

  it('starts from the defaults when nothing is saved or the saved text is broken', () => {
    expect(loadColumns('accounts', all, ['name', 'city'], memoryStorage())).toEqual(['name', 'city']);
    expect(loadColumns('accounts', all, ['name'], memoryStorage({ 'difusi.columns.accounts': '{oops' }))).toEqual(['name']);
  });

  it('keeps a saved choice in the list order and drops columns that no longer exist', () => {
    const storage = memoryStorage();
    saveColumns('accounts', ['owner', 'gone', 'name'], storage);
    expect(loadColumns('accounts', all, ['city'], storage)).toEqual(['name', 'owner']);
  });

  it('falls back to the defaults when the saved choice has no known column', () => {
    const storage = memoryStorage({ 'difusi.columns.accounts': '["gone"]' });
    expect(loadColumns('accounts', all, ['tier'], storage)).toEqual(['tier']);
  });

  it('works without storage at all', () => {
    expect(loadColumns('accounts', all, ['name'], null)).toEqual(['name']);
    expect(() => saveColumns('accounts', ['name'], null)).not.toThrow();
  });

  it('toggles a column in place and never hides the last one', () => {
    expect(toggleColumn(['name', 'owner'], 'city', all)).toEqual(['name', 'city', 'owner']);
    expect(toggleColumn(['name', 'owner'], 'owner', all)).toEqual(['name']);
    expect(toggleColumn(['name'], 'name', all)).toEqual(['name']);
  });
});

describe('list filters', () => {
  it('leaves out empty values and "all"', () => {
    expect(filterParams({ q: 'bank', tier: 'all', industry: '', ownerId: null, status: 'open' })).toEqual({ q: 'bank', status: 'open' });
  });
});
