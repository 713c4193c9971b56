import { describe, expect, it } from 'vitest';
import { hasLink, orderedLinks, sameLinks, toggleLink } from './riskMapModel';

describe('the risk → solution map editor', () => {
  it('toggles a link on and off', () => {
    const on = toggleLink([], { riskCategory: 'network', solutionCategory: 'security' });
    expect(hasLink(on, { riskCategory: 'network', solutionCategory: 'security' })).toBe(true);
    expect(toggleLink(on, { riskCategory: 'network', solutionCategory: 'security' })).toEqual([]);
  });

  it('orders links like the grid and compares maps regardless of order', () => {
    const links = [
      { riskCategory: 'data', solutionCategory: 'analytics' },
      { riskCategory: 'network', solutionCategory: 'security' },
      { riskCategory: 'network', solutionCategory: 'networking' },
    ] as const;
    expect(orderedLinks(links).map((l) => `${l.riskCategory}:${l.solutionCategory}`)).toEqual(['network:security', 'network:networking', 'data:analytics']);
    expect(sameLinks(links, [...links].reverse())).toBe(true);
    expect(sameLinks(links, links.slice(1))).toBe(false);
  });
});
