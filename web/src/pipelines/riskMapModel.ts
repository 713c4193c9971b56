import { itCategories, type ItCategory } from '../../../src/domain/recommendations';
import { solutionCategories } from '../../../src/shared/vocabulary';

type SolutionCategory = (typeof solutionCategories)[number];

/** The risk → solution-category map as edited: which solution lines address which IT risks. */
export interface RiskLink {
  riskCategory: ItCategory;
  solutionCategory: SolutionCategory;
}

const key = (l: RiskLink) => `${l.riskCategory}:${l.solutionCategory}`;

/** Adds the link when absent, removes it when present. */
export function toggleLink(links: readonly RiskLink[], link: RiskLink): RiskLink[] {
  return links.some((l) => key(l) === key(link)) ? links.filter((l) => key(l) !== key(link)) : [...links, link];
}

export function hasLink(links: readonly RiskLink[], link: RiskLink): boolean {
  return links.some((l) => key(l) === key(link));
}

/** The links in the grid's order (risk rows, then solution columns): what is sent and compared. */
export function orderedLinks(links: readonly RiskLink[]): RiskLink[] {
  const rank = (l: RiskLink) => itCategories.indexOf(l.riskCategory) * solutionCategories.length + solutionCategories.indexOf(l.solutionCategory);
  return [...links].sort((a, b) => rank(a) - rank(b));
}

export function sameLinks(a: readonly RiskLink[], b: readonly RiskLink[]): boolean {
  return orderedLinks(a).map(key).join() === orderedLinks(b).map(key).join();
}
