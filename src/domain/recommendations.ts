import type { Outcome, solutionCategories } from '../shared/vocabulary.js';

/**
 * The IT-environment assessment's vocabulary and the recommendations it yields (DESIGN.md §4):
 * an account's unresolved risks, mapped from their category to the solution categories that
 * address them, rank the solutions the account has not adopted and is not already considering.
 */

/** Areas of a customer's IT environment: inventory items and risks are filed under one. */
export const itCategories = ['network', 'compute', 'storage', 'security', 'collaboration', 'data'] as const;
export type ItCategory = (typeof itCategories)[number];

export const mitigationStatuses = ['open', 'planned', 'mitigated', 'accepted'] as const;
export type MitigationStatus = (typeof mitigationStatuses)[number];

export type SolutionCategory = (typeof solutionCategories)[number];

export interface RiskSolutionLink {
  riskCategory: ItCategory;
  solutionCategory: SolutionCategory;
}

/** The map the migration seeds; an admin may change it. */
export const defaultRiskSolutionMap: readonly RiskSolutionLink[] = [
  { riskCategory: 'network', solutionCategory: 'networking' },
  { riskCategory: 'compute', solutionCategory: 'data_center' },
  { riskCategory: 'compute', solutionCategory: 'cloud' },
  { riskCategory: 'storage', solutionCategory: 'data_center' },
  { riskCategory: 'storage', solutionCategory: 'cloud' },
  { riskCategory: 'security', solutionCategory: 'security' },
  { riskCategory: 'collaboration', solutionCategory: 'collaboration' },
  { riskCategory: 'data', solutionCategory: 'analytics' },
  { riskCategory: 'data', solutionCategory: 'security' },
  // Application solutions (delivery, WAF, AI assistants) answer exposed web apps and data use.
  { riskCategory: 'security', solutionCategory: 'application' },
  { riskCategory: 'data', solutionCategory: 'application' },
];

/** A risk still needs an answer while it is open or only planned; mitigated and accepted risks do not. */
export function isUnresolved(status: MitigationStatus): boolean {
  return status === 'open' || status === 'planned';
}

/** Risk score: likelihood × impact on 1–5 scales, so 1–25 (the usual risk-matrix product). */
export function riskScore(risk: { likelihood: number; impact: number }): number {
  return risk.likelihood * risk.impact;
}

export function solutionCategoriesFor(category: ItCategory, map: readonly RiskSolutionLink[]): string[] {
  return map.filter((l) => l.riskCategory === category).map((l) => l.solutionCategory);
}

export interface AssessedRisk {
  id: string;
  threat: string;
  category: ItCategory;
  likelihood: number;
  impact: number;
  mitigationStatus: MitigationStatus;
}

export interface Recommendation {
  solutionId: string;
  solutionName: string;
  solutionCategory: string;
  /** The highest risk score among the risks it addresses; ties break on the total, then the name. */
  score: number;
  totalScore: number;
  /** The risks that make the case, highest score first. */
  reasons: { riskId: string; threat: string; category: ItCategory; score: number }[];
}

/**
 * Ranks the solutions that address the account's unresolved risks, leaving out those the account
 * has adopted or is considering (an open journey). Rejected and discontinued journeys do not
 * exclude a solution: a new risk may be a reason to try again.
 */
export function recommendSolutions(
  risks: readonly AssessedRisk[],
  map: readonly RiskSolutionLink[],
  solutions: readonly { id: string; name: string; category: string }[],
  journeys: readonly { solutionId: string; outcome: Outcome }[],
): Recommendation[] {
  const taken = new Set(journeys.filter((j) => j.outcome === 'open' || j.outcome === 'adopted').map((j) => j.solutionId));
  const unresolved = risks.filter((r) => isUnresolved(r.mitigationStatus));
  const recommendations: Recommendation[] = [];
  for (const solution of solutions) {
    if (taken.has(solution.id)) continue;
    const reasons = unresolved
      .filter((r) => solutionCategoriesFor(r.category, map).includes(solution.category))
      .map((r) => ({ riskId: r.id, threat: r.threat, category: r.category, score: riskScore(r) }))
      .sort((a, b) => b.score - a.score || a.threat.localeCompare(b.threat));
    const top = reasons[0];
    if (!top) continue;
    recommendations.push({
      solutionId: solution.id,
      solutionName: solution.name,
      solutionCategory: solution.category,
      score: top.score,
      totalScore: reasons.reduce((n, r) => n + r.score, 0),
      reasons,
    });
  }
  return recommendations.sort((a, b) => b.score - a.score || b.totalScore - a.totalScore || a.solutionName.localeCompare(b.solutionName));
}
