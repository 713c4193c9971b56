import type { Actor } from '../domain/policy.js';
import { formatIssuePath, segmentFields, solutionRefs, type SegmentRule } from '../domain/segmentRules.js';
import type { Repositories } from '../db/repositories/index.js';
import { assertValidRule } from '../db/repositories/segments.repository.js';
import { AppError } from '../shared/errors.js';
import type { Segment, SegmentCount, SegmentCreate, SegmentPatch, SegmentPreviewItem } from '../shared/schemas/segments.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

/**
 * Segments (DESIGN.md §2 STP, §4): marcomm, product specialists, sales managers and admins
 * write them; every role reads them, counts and previews rules, and uses them for targeting.
 */
export function segmentsService(deps: Deps) {
  const subject = { type: 'segment' } as const;

  /** The rule's shape and catalogue were checked by the request schema; its solution ids are checked here. */
  async function checkRule(repos: Repositories, rule: SegmentRule, base: (string | number)[] = ['body', 'rule']): Promise<void> {
    assertValidRule(rule, base);
    const refs = solutionRefs(rule, base);
    const known = await repos.segments.existingSolutions([...new Set(refs.map((r) => r.id))]);
    const missing = refs.filter((r) => !known.has(r.id));
    if (missing.length > 0) {
      throw new AppError('validation_failed', { issues: missing.map((m) => ({ field: formatIssuePath(m.path), reason: `${m.id} is not a solution` })) });
    }
  }

  async function load(repos: Repositories, id: string): Promise<Segment> {
    const segment = await repos.segments.findById(id);
    if (!segment) throw notFound('segment', id);
    return segment;
  }

  return {
    fields: () => segmentFields,

    list: () => read(deps).segments.list(),

    get: (id: string) => load(read(deps), id),

    create(actor: Actor, input: SegmentCreate): Promise<Segment> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        await checkRule(repos, input.rule);
        const created = await repos.segments.insert({ id: deps.ids.next(), ownerId: actor.userId, ...input }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'segment', created.id, null, created);
        return created;
      });
    },

    update(actor: Actor, id: string, patch: SegmentPatch): Promise<Segment> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (patch.version !== current.version) throw versionConflict('segment', id, current.version);
        if (patch.rule !== undefined) await checkRule(repos, patch.rule);
        const { version, ...changes } = patch;
        const next = { ...current, ...changes };
        const saved = await repos.segments.update(next, version, nowIso(deps));
        if (!saved) throw versionConflict('segment', id, null);
        await audit(repos, deps, actor, 'update', 'segment', id, current, saved);
        return saved;
      });
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', subject);
      await transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (version !== current.version) throw versionConflict('segment', id, current.version);
        if (!(await repos.segments.softDelete(id, version, nowIso(deps)))) throw versionConflict('segment', id, null);
        await audit(repos, deps, actor, 'delete', 'segment', id, current, null);
      });
    },

    /** Freezes the contacts the rule matches now as the segment's static list (again, if already frozen). */
    freeze(actor: Actor, id: string, version: number): Promise<Segment> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (version !== current.version) throw versionConflict('segment', id, current.version);
        const frozen = await repos.segments.freeze(id, version, nowIso(deps));
        if (!frozen) throw versionConflict('segment', id, null);
        await audit(repos, deps, actor, 'freeze', 'segment', id, current, frozen);
        return frozen;
      });
    },

    /** The live count of an unsaved rule, while the builder edits it. */
    async count(rule: SegmentRule): Promise<SegmentCount> {
      const repos = read(deps);
      await checkRule(repos, rule);
      return repos.segments.count(rule, nowIso(deps));
    },

    async preview(rule: SegmentRule, limit: number): Promise<{ items: SegmentPreviewItem[] } & SegmentCount> {
      const repos = read(deps);
      await checkRule(repos, rule);
      const now = nowIso(deps);
      const [items, totals] = await Promise.all([repos.segments.preview(rule, limit, now), repos.segments.count(rule, now)]);
      return { items, ...totals };
    },

    /** A saved segment's members: the rule now (dynamic) or the frozen list (static). */
    async members(id: string, limit: number): Promise<{ items: SegmentPreviewItem[] } & SegmentCount> {
      const repos = read(deps);
      const segment = await load(repos, id);
      return repos.segments.memberPreview(segment, limit, nowIso(deps));
    },
  };
}
