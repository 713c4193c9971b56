import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRiskSolutionMap, itCategories, mitigationStatuses, recommendSolutions, riskScore, type AssessedRisk } from './recommendations.js';

const solutions = [
  { id: 's-dc', name: 'Data Center & Cloud Infrastructure', category: 'data_center' },
  { id: 's-sec', name: 'Adaptive Security Architecture', category: 'security' },
  { id: 's-net', name: 'SD-WAN', category: 'networking' },
  { id: 's-col', name: 'Unified Collaboration', category: 'collaboration' },
];

const risk = (id: string, category: AssessedRisk['category'], likelihood: number, impact: number, mitigationStatus: AssessedRisk['mitigationStatus'] = 'open'): AssessedRisk => ({
  id,
  threat: `Threat ${id}`,
  category,
  likelihood,
  impact,
  mitigationStatus,
});

describe('solution recommendations', () => {
  it('ranks solutions by the highest risk score they address, with the risks as reasons', () => {
    const risks = [risk('r1', 'network', 3, 3), risk('r2', 'security', 5, 4), risk('r3', 'storage', 2, 2), risk('r4', 'security', 2, 2)];
    const ranked = recommendSolutions(risks, defaultRiskSolutionMap, solutions, []);
    expect(ranked.map((r) => [r.solutionId, r.score])).toEqual([
      ['s-sec', 20],
      ['s-net', 9],
      ['s-dc', 4],
    ]);
    expect(ranked[0]?.reasons.map((r) => r.riskId)).toEqual(['r2', 'r4']);
    expect(ranked[0]?.totalScore).toBe(24);
  });

  it('leaves out solutions already adopted or in progress, but not rejected ones', () => {
    const risks = [risk('r1', 'network', 3, 3), risk('r2', 'security', 5, 4), risk('r3', 'storage', 2, 2)];
    const journeys = [
      { solutionId: 's-sec', outcome: 'open' as const },
      { solutionId: 's-net', outcome: 'adopted' as const },
      { solutionId: 's-dc', outcome: 'rejected' as const },
    ];
    expect(recommendSolutions(risks, defaultRiskSolutionMap, solutions, journeys).map((r) => r.solutionId)).toEqual(['s-dc']);
  });

  it('ignores risks that are mitigated or accepted', () => {
    const risks = [risk('r1', 'security', 5, 5, 'mitigated'), risk('r2', 'security', 5, 5, 'accepted'), risk('r3', 'network', 1, 2, 'planned')];
    expect(recommendSolutions(risks, defaultRiskSolutionMap, solutions, []).map((r) => r.solutionId)).toEqual(['s-net']);
  });

  it('always orders by score and never recommends a solution without an unresolved risk behind it', () => {
    const arbitraryRisk = fc.record({
      id: fc.uuid(),
      threat: fc.string({ maxLength: 10 }),
      category: fc.constantFrom(...itCategories),
      likelihood: fc.integer({ min: 1, max: 5 }),
      impact: fc.integer({ min: 1, max: 5 }),
      mitigationStatus: fc.constantFrom(...mitigationStatuses),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRisk, { maxLength: 20 }), (risks) => {
        const ranked = recommendSolutions(risks, defaultRiskSolutionMap, solutions, []);
        for (let i = 1; i < ranked.length; i += 1) expect(ranked[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(ranked[i]?.score ?? 0);
        for (const r of ranked) {
          expect(r.reasons.length).toBeGreaterThan(0);
          expect(r.score).toBe(Math.max(...r.reasons.map((x) => x.score)));
          for (const reason of r.reasons) {
            const source = risks.find((x) => x.id === reason.riskId);
            expect(source && (source.mitigationStatus === 'open' || source.mitigationStatus === 'planned')).toBe(true);
            expect(reason.score).toBe(source ? riskScore(source) : -1);
          }
        }
      }),
    );
  });
});
