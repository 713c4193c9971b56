import { describe, expect, it } from 'vitest';
import { budgetToMinor, importProblems, percent, responseFunnel } from './campaignModel';

describe('campaign view model', () => {
  it('shows a ratio as a percentage in the user’s language, and a dash for none', () => {
    expect(percent(0.5, 'en')).toBe('50%');
    expect(percent(-0.95, 'en')).toBe('-95%');
    expect(percent(0.125, 'id')).toBe('12,5%');
    expect(percent(null, 'id')).toBe('—');
  });

  it('lists every response kind with its rate over the reach', () => {
    const funnel = responseFunnel({ invited: 10, registered: 4, attended: 2, clicked: 0, replied: 1 }, 10);
    expect(funnel.map((f) => [f.kind, f.count, f.rate])).toEqual([
      ['invited', 10, 1],
      ['registered', 4, 0.4],
      ['attended', 2, 0.2],
      ['clicked', 0, 0],
      ['replied', 1, 0.1],
    ]);
    expect(responseFunnel({ invited: 0, registered: 0, attended: 0, clicked: 0, replied: 0 }, 0)[0]?.rate).toBeNull();
  });

  it('reads a rupiah budget with thousands separators as minor units', () => {
    expect(budgetToMinor('15.000.000')).toBe(1_500_000_000);
    expect(budgetToMinor('')).toBe(0);
    expect(budgetToMinor('15 juta')).toBeNull();
  });

  it('picks the row problems out of a refused import', () => {
    expect(importProblems({ rows: [{ row: 3, field: 'kind', reason: 'bad' }, 'junk'] })).toEqual([{ row: 3, field: 'kind', reason: 'bad' }]);
    expect(importProblems({})).toEqual([]);
  });
});
