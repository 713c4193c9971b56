import type { SegmentRole } from '../domain/campaigns.js';
import type { Actor } from '../domain/policy.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type { TargetingMatrix } from '../shared/schemas/targeting.js';
import { audit, authorize, notFound, nowIso, read, transact, type Deps } from './context.js';

/**
 * Targeting (issue 4 capability 2): which segments each solution is aimed at — one primary
 * (concentrated targeting) and optional secondary ones — with each segment's size and its
 * conversion so far for each solution. Campaign managers set the links; everyone reads.
 */
export function targetingService(deps: Deps) {
  const subject = { type: 'campaign' } as const;

  async function requireBoth(repos: Repositories, solutionId: string, segmentId: string) {
    if ((await repos.segments.existingSolutions([solutionId])).size === 0) throw invalidField('params.solutionId', 'is not a solution');
    if (!(await repos.segments.findById(segmentId))) throw invalidField('params.segmentId', 'is not a segment');
  }

  return {
    async matrix(): Promise<TargetingMatrix> {
      const repos = read(deps);
      const now = nowIso(deps);
      const [solutions, segments, links] = await Promise.all([repos.targeting.solutions(), repos.segments.list(), repos.targeting.links()]);
      const role = new Map(links.map((l) => [`${l.solutionId}|${l.segmentId}`, l.role]));
      const segmentRows: TargetingMatrix['segments'] = [];
      const cells: TargetingMatrix['cells'] = [];
      for (const segment of segments) {
        const [size, conversion] = await Promise.all([repos.targeting.size(segment, now), repos.targeting.conversion(segment, now)]);
        segmentRows.push({ id: segment.id, name: segment.name, kind: segment.kind, ...size });
        const bySolution = new Map(conversion.map((c) => [c.solutionId, c]));
        for (const solution of solutions) {
          const c = bySolution.get(solution.id);
          const withJourney = c?.accountsWithJourney ?? 0;
          const adopted = c?.accountsAdopted ?? 0;
          cells.push({
            solutionId: solution.id,
            segmentId: segment.id,
            role: role.get(`${solution.id}|${segment.id}`) ?? null,
            accountsWithJourney: withJourney,
            accountsAdopted: adopted,
            conversion: withJourney === 0 ? null : Math.round((adopted / withJourney) * 10_000) / 10_000,
          });
        }
      }
      return {
        solutions: solutions.map((s) => ({ ...s, primarySegmentId: links.find((l) => l.solutionId === s.id && l.role === 'primary')?.segmentId ?? null })),
        segments: segmentRows,
        cells,
      };
    },

    /** Aims a solution at a segment as its primary or a secondary segment. */
    setTarget(actor: Actor, solutionId: string, segmentId: string, role: SegmentRole) {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        await requireBoth(repos, solutionId, segmentId);
        const before = await repos.targeting.findLink(solutionId, segmentId);
        const previousPrimary = role === 'primary' ? await repos.targeting.primarySegment(solutionId) : null;
        await repos.targeting.setRole({ solutionId, segmentId, role }, nowIso(deps));
        const after = { solutionId, segmentId, role };
        await audit(repos, deps, actor, 'update', 'solution_segment', `${solutionId}:${segmentId}`, before, { ...after, demotedPrimary: previousPrimary !== segmentId ? previousPrimary : null });
        return after;
      });
    },

    removeTarget(actor: Actor, solutionId: string, segmentId: string) {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const before = await repos.targeting.findLink(solutionId, segmentId);
        if (!before || !(await repos.targeting.removeLink(solutionId, segmentId))) throw notFound('solution_segment', `${solutionId}:${segmentId}`);
        await audit(repos, deps, actor, 'delete', 'solution_segment', `${solutionId}:${segmentId}`, before, null);
      });
    },
  };
}
