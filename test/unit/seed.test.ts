import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID } from '../../src/db/migrations/0002_playbook.js';
import type {
  SeedAccount,
  SeedActivity,
  SeedContact,
  SeedGateTick,
  SeedHistoryRow,
  SeedInventoryItem,
  SeedJourney,
  SeedRisk,
  SeedUser,
} from '../../src/db/repositories/seed.repository.js';
import { defaultPipelineStages, evaluateGates, type GateEvidence, type UnmetGate } from '../../src/domain/gates.js';
import {
  defaultRiskSolutionMap,
  isUnresolved,
  itCategories,
  mitigationStatuses,
  recommendSolutions,
  type ItCategory,
  type MitigationStatus,
} from '../../src/domain/recommendations.js';
import { applyTransition, defaultAidas, replay, type JourneyState, type Transition } from '../../src/domain/stages.js';
import { bassCdf, bassQuantile } from '../../src/seed/bass.js';
import { unmappedAssessmentReason } from '../../src/seed/assessment.js';
import { DEFAULT_AS_OF, generateWorkspace, type SeedBatch } from '../../src/seed/generator.js';
import { Rng } from '../../src/seed/random.js';
import { scales, type ScaleName } from '../../src/seed/scales.js';
import {
  ageBands,
  contactChannels,
  divisions,
  influences,
  opennessLevels,
  seniorities,
  solutionCategories,
  techProficiencies,
  type Outcome,
  type Stage,
} from '../../src/shared/vocabulary.js';

function* batches(scale: ScaleName, seed: number): Generator<SeedBatch> {
  yield* generateWorkspace({ scale: scales[scale], seed, passwordHash: 'not-a-real-hash' });
}

function fingerprint(scale: ScaleName, seed: number) {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const batch of batches(scale, seed)) {
    counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
    hash.update(batch.table).update(JSON.stringify(batch.rows));
  }
  return { counts, hash: hash.digest('hex') };
}

/** Every row of the small workspace, kept only for the tables these tests read. */
function collectSmall() {
  const journeys: SeedJourney[] = [];
  const history = new Map<string, SeedHistoryRow[]>();
  const solutions = new Map<string, { name: string; launchDate: string; category: string }>();
  const activityMax = new Map<string, string>();
  const contacts: SeedContact[] = [];
  // Everything the gates read, by account and by journey.
  const accounts: SeedAccount[] = [];
  const users = new Map<string, SeedUser>();
  const contactsByAccount = new Map<string, SeedContact[]>();
  const risksByAccount = new Map<string, SeedRisk[]>();
  const inventory: SeedInventoryItem[] = [];
  const activitiesByJourney = new Map<string, (SeedActivity & { userIds: string[] })[]>();
  const activityById = new Map<string, SeedActivity & { userIds: string[] }>();
  const ticksByJourney = new Map<string, SeedGateTick[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const batch of batches('small', 1)) {
    if (batch.table === 'journeys') journeys.push(...batch.rows);
    if (batch.table === 'accounts') accounts.push(...batch.rows);
    if (batch.table === 'users') for (const u of batch.rows) users.set(u.id, u);
    if (batch.table === 'contacts') for (const c of batch.rows) push(contactsByAccount, c.accountId, c);
    if (batch.table === 'it_risks') for (const r of batch.rows) push(risksByAccount, r.accountId, r);
    if (batch.table === 'it_inventory_items') inventory.push(...batch.rows);
    if (batch.table === 'journey_gate_ticks') for (const t of batch.rows) push(ticksByJourney, t.journeyId, t);
    if (batch.table === 'activities') {
      for (const a of batch.rows) {
        if (!a.journeyId) continue;
        const withUsers = { ...a, userIds: [] as string[] };
        activityById.set(a.id, withUsers);
        push(activitiesByJourney, a.journeyId, withUsers);
      }
    }
    if (batch.table === 'activity_participants') {
      for (const p of batch.rows) if (p.participantType === 'user') activityById.get(p.activityId)?.userIds.push(p.participantId);
    }
    if (batch.table === 'solutions') for (const s of batch.rows) solutions.set(s.id, s);
    if (batch.table === 'contacts' && contacts.length < 2000) contacts.push(...batch.rows);
    if (batch.table === 'journey_stage_history') {
      for (const row of batch.rows) {
        const rows = history.get(row.journeyId) ?? [];
        rows.push(row);
        history.set(row.journeyId, rows);
      }
    }
    if (batch.table === 'activities') {
      for (const a of batch.rows) {
        if (!a.journeyId) continue;
        const max = activityMax.get(a.journeyId);
        if (!max || a.occurredAt > max) activityMax.set(a.journeyId, a.occurredAt);
      }
    }
  }
  return { journeys, history, solutions, activityMax, contacts, accounts, users, contactsByAccount, risksByAccount, inventory, activitiesByJourney, ticksByJourney };
}

const small = collectSmall();

/**
 * The evidence the journeys service would have read at `at`: what was recorded before then.
 * A risk's status is its current one from its last change (updatedAt) on; before that it was open, as recorded.
 */
function evidenceAt(journey: SeedJourney, at: string): GateEvidence {
  const category = small.solutions.get(journey.solutionId)?.category ?? '';
  return {
    journey: {
      saId: journey.saId,
      marcommId: journey.marcommId,
      expectedDecisionDate: journey.expectedDecisionDate,
      valueMinor: journey.valueMinor,
      principalInvolvement: journey.principalInvolvement,
      solutionCategory: category,
    },
    contacts: (small.contactsByAccount.get(journey.accountId) ?? []).filter((c) => c.createdAt < at).map((c) => ({ id: c.id })),
    activities: (small.activitiesByJourney.get(journey.id) ?? [])
      .filter((a) => a.occurredAt < at)
      .map((a) => ({ id: a.id, type: a.type as GateEvidence['activities'][number]['type'], occurredAt: a.occurredAt, createdBy: a.createdBy, userIds: a.userIds })),
    risks: (small.risksByAccount.get(journey.accountId) ?? [])
      .filter((r) => r.createdAt < at)
      .map((r) => ({ id: r.id, category: r.category as ItCategory, mitigationStatus: (r.updatedAt <= at ? r.mitigationStatus : 'open') as MitigationStatus })),
    riskMap: defaultRiskSolutionMap,
    ticks: (small.ticksByJourney.get(journey.id) ?? []).filter((t) => t.at < at).map((t) => ({ id: t.id, gateId: t.gateId, note: t.note })),
  };
}

function unmetAt(journey: SeedJourney, stage: Stage, at: string): UnmetGate[] {
  const config = defaultPipelineStages.find((s) => s.stage === stage);
  if (!config) throw new Error(stage);
  return evaluateGates(config, evidenceAt(journey, at)).unmet.map((g) => ({ stage, gateId: g.id, kind: g.kind, label: g.label }));
}

describe('the seed generator', () => {
  it('gives identical data for the same seed and different data for another seed', () => {
    const a = fingerprint('tiny', 42);
    const b = fingerprint('tiny', 42);
    const c = fingerprint('tiny', 43);
    expect(a).toEqual(b);
    expect(c.hash).not.toBe(a.hash);
  });

  it('hashes every table it fills, the playbook’s included', () => {
    const { counts } = fingerprint('tiny', 42);
    for (const table of ['it_inventory_items', 'it_risks', 'journey_gate_ticks', 'journey_stage_history']) expect(counts[table], table).toBeGreaterThan(0);
  });

  it('makes the small demo at the advertised size', () => {
    const { counts } = fingerprint('small', 1);
    expect(counts.accounts).toBe(1000);
    expect(counts.contacts).toBeGreaterThan(3500);
    expect(counts.journeys).toBeGreaterThan(2500);
    expect(counts.journeys).toBeLessThan(3500);
    expect(counts.activities).toBeGreaterThan(25_000);
    expect(counts.activities).toBeLessThan(40_000);
    expect(counts.tasks).toBeGreaterThan(0);
    expect(counts.exchange_rates).toBeGreaterThan(100);
  });

  it('keeps one journey per account and solution', () => {
    const pairs = new Set(small.journeys.map((j) => `${j.accountId}/${j.solutionId}`));
    expect(pairs.size).toBe(small.journeys.length);
  });

  it('writes histories that replay to each journey’s stage and outcome through allowed transitions', () => {
    for (const journey of small.journeys) {
      const rows = small.history.get(journey.id) ?? [];
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      const [opening, ...moves] = rows;
      expect(opening?.kind).toBe('open');
      let state: JourneyState = { stage: opening?.toStage as Stage, outcome: 'open' };
      for (const row of moves) {
        const transition: Transition =
          row.kind === 'move'
            ? { kind: 'move', to: row.toStage as Stage }
            : row.kind === 'adopt'
              ? { kind: 'adopt' }
              : { kind: row.kind as 'reject' | 'discontinue', reason: row.reason ?? '' };
        const result = applyTransition(state, transition);
        expect(result.ok, `${journey.id} seq ${row.seq} ${row.kind}`).toBe(true);
        if (result.ok) state = result.next;
        expect(row).toMatchObject({ fromStage: result.ok ? result.from.stage : null, toStage: state.stage, outcome: state.outcome, rogersStage: state.stage });
        expect(row.aidasSteps).toBe(defaultAidas[state.stage].join(','));
      }
      for (let i = 1; i < rows.length; i++) expect((rows[i]?.at ?? '') > (rows[i - 1]?.at ?? '')).toBe(true);
      const last = rows[rows.length - 1];
      expect(replay(opening?.toStage as Stage, rows.map((r) => ({ toStage: r.toStage as Stage, outcome: r.outcome as Outcome })))).toEqual({
        stage: journey.stage,
        outcome: journey.outcome,
      });
      const lastStageChange = [...rows].reverse().find((r) => r.kind === 'open' || r.kind === 'move');
      expect(journey.stageEnteredAt).toBe(lastStageChange?.at);
      expect(journey.outcomeReason).toBe(journey.outcome === 'open' ? null : last?.reason);
      expect(journey.lastActivityAt).toBe(small.activityMax.get(journey.id) ?? null);
      expect(journey.updatedAt >= (last?.at ?? '')).toBe(true);
      expect(journey.updatedAt <= DEFAULT_AS_OF).toBe(true);
    }
  });

  it('mixes adopted, rejected, discontinued and open journeys, with rejections for the usual reasons', () => {
    const byOutcome = new Map<string, number>();
    for (const j of small.journeys) byOutcome.set(j.outcome, (byOutcome.get(j.outcome) ?? 0) + 1);
    const share = (o: string) => (byOutcome.get(o) ?? 0) / small.journeys.length;
    expect(share('adopted')).toBeGreaterThan(0.25);
    expect(share('rejected')).toBeGreaterThan(0.2);
    expect(share('discontinued')).toBeGreaterThan(0.01);
    expect(share('open')).toBeGreaterThan(0.05);
    const reasons = new Set(small.journeys.filter((j) => j.outcome === 'rejected').map((j) => j.outcomeReason));
    for (const reason of ['budget', 'timing', 'competitor', 'no_need']) expect(reasons).toContain(reason);
    const openStages = new Set(small.journeys.filter((j) => j.outcome === 'open').map((j) => j.stage));
    expect(openStages).toContain('knowledge');
    expect(small.journeys.some((j) => j.currency === 'USD')).toBe(true);
  });

  it('spreads each solution’s adoptions as an S-curve: per-quarter adoptions peak neither in the first nor the last quarter', () => {
    const quarterMs = (365.25 / 4) * 86_400_000;
    const asOf = Date.parse(DEFAULT_AS_OF);
    let checked = 0;
    for (const [solutionId, solution] of small.solutions) {
      expect(solutionCategories).toContain(solution.category);
      const launch = Date.parse(solution.launchDate);
      const quarters = Math.floor((asOf - launch) / quarterMs) + 1;
      const perQuarter = new Array<number>(quarters).fill(0);
      for (const j of small.journeys) {
        if (j.solutionId !== solutionId) continue;
        const adoption = small.history.get(j.id)?.find((r) => r.kind === 'move' && r.toStage === 'implementation');
        if (!adoption) continue;
        const q = Math.floor((Date.parse(adoption.at) - launch) / quarterMs);
        expect(q).toBeGreaterThanOrEqual(0);
        perQuarter[q] = (perQuarter[q] ?? 0) + 1;
      }
      const total = perQuarter.reduce((a, b) => a + b, 0);
      if (total < 40) continue;
      checked += 1;
      const peak = perQuarter.indexOf(Math.max(...perQuarter));
      expect(peak, `${solution.name}: ${perQuarter.join(' ')}`).toBeGreaterThan(0);
      expect(peak, `${solution.name}: ${perQuarter.join(' ')}`).toBeLessThan(quarters - 1);
      // The first fifth of the observed time holds far fewer adoptions than the middle fifth.
      const fifth = Math.max(1, Math.floor(quarters / 5));
      const early = perQuarter.slice(0, fifth).reduce((a, b) => a + b, 0);
      const middle = perQuarter.slice(2 * fifth, 3 * fifth).reduce((a, b) => a + b, 0);
      expect(early, `${solution.name}: ${perQuarter.join(' ')}`).toBeLessThan(middle);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('records every segmentation attribute of a contact, consents included', () => {
    for (const c of small.contacts) {
      expect(divisions).toContain(c.division);
      expect(seniorities).toContain(c.seniority);
      if (c.ageBand !== null) expect(ageBands).toContain(c.ageBand);
      expect(techProficiencies).toContain(c.techProficiency);
      expect(influences).toContain(c.influence);
      expect(opennessLevels).toContain(c.openness);
      expect(c.channels.length).toBeGreaterThan(0);
      for (const channel of c.channels) expect(contactChannels).toContain(channel);
      for (const consent of c.consents) {
        expect(consent).toEqual({ channel: expect.any(String), granted: expect.any(Boolean), source: expect.any(String), recordedAt: expect.any(String) });
      }
      if (c.phone !== null) expect(c.phone).toMatch(/^\+628\d{8,10}$/);
    }
  });
});

describe('the seeded playbook', () => {
  it('gives every forward move the evidence its gates ask for, recorded before the move, or a sales manager’s recorded override', () => {
    let moves = 0;
    let overrides = 0;
    let forced = 0;
    for (const journey of small.journeys) {
      const account = small.accounts.find((a) => a.id === journey.accountId);
      for (const row of small.history.get(journey.id) ?? []) {
        expect(row.pipelineId).toBe(DEFAULT_PIPELINE_ID);
        expect(row.pipelineVersion).toBe(1);
        if (row.kind !== 'move' && row.kind !== 'adopt') {
          expect(row.overrideReason).toBeNull();
          continue;
        }
        moves += 1;
        const left = (row.kind === 'adopt' ? 'confirmation' : row.fromStage) as Stage;
        const unmet = unmetAt(journey, left, row.at);
        if (unmet.length === 0) {
          expect(row.overrideReason, `${journey.id} seq ${row.seq}`).toBeNull();
          expect(row.unmetGates).toBeNull();
          continue;
        }
        expect(row.overrideReason, `${journey.id} seq ${row.seq}: ${unmet.map((g) => g.gateId).join()}`).toBeTruthy();
        expect(row.unmetGates).toEqual(unmet);
        const actor = small.users.get(row.actorId ?? '');
        expect(actor?.role).toBe('sales_manager');
        expect(actor?.teamId).toBe(account?.teamId);
        overrides += 1;
        if (row.overrideReason === unmappedAssessmentReason) forced += 1;
      }
    }
    // About 3% of moves are overridden by choice; every solution category has an IT-risk
    // category in the default map, so no override is forced by the map itself.
    expect((overrides - forced) / moves).toBeGreaterThan(0.015);
    expect((overrides - forced) / moves).toBeLessThan(0.05);
    expect(forced).toBe(0);
  });

  it('leaves open journeys in every stage both with their current gates met and with some unmet', () => {
    const seen = new Map<string, { met: number; unmet: number }>();
    for (const journey of small.journeys) {
      if (journey.outcome !== 'open') continue;
      const unmet = unmetAt(journey, journey.stage as Stage, DEFAULT_AS_OF);
      const tally = seen.get(journey.stage) ?? { met: 0, unmet: 0 };
      if (unmet.length === 0) tally.met += 1;
      else tally.unmet += 1;
      seen.set(journey.stage, tally);
    }
    for (const stage of ['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation']) {
      expect(seen.get(stage)?.met, stage).toBeGreaterThan(2);
      expect(seen.get(stage)?.unmet, stage).toBeGreaterThan(2);
    }
  });

  it('records IT risks and inventory in the assessment’s vocabulary, owned by solution architects', () => {
    const risks = [...small.risksByAccount.values()].flat();
    expect(risks.length).toBeGreaterThan(1000);
    for (const r of risks) {
      expect(itCategories).toContain(r.category);
      expect(mitigationStatuses).toContain(r.mitigationStatus);
      for (const n of [r.likelihood, r.impact]) expect(n >= 1 && n <= 5 && Number.isInteger(n)).toBe(true);
      expect(small.users.get(r.ownerId ?? '')?.role).toBe('solution_architect');
      expect(r.threat.length).toBeGreaterThan(5);
      expect(r.threat).not.toContain('{item}');
      expect(r.updatedAt >= r.createdAt && r.updatedAt <= DEFAULT_AS_OF).toBe(true);
    }
    expect(new Set(risks.map((r) => r.mitigationStatus))).toEqual(new Set(mitigationStatuses));
    expect(risks.some((r) => r.threat === 'Ransomware exposure on file servers')).toBe(true);
    expect(risks.some((r) => r.threat === 'Server HPE ProLiant G8 end-of-support')).toBe(true);
    const vendors = new Set(small.inventory.map((i) => i.vendor));
    for (const v of ['Cisco', 'HPE', 'Dell', 'Fortinet', 'Microsoft']) expect(vendors).toContain(v);
    for (const i of small.inventory) {
      expect(itCategories).toContain(i.category);
      expect(i.criticality >= 1 && i.criticality <= 5).toBe(true);
      if (i.endOfLife !== null) expect(i.endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives accounts without a journey open risks that the recommendations turn into solutions', () => {
    const withJourney = new Set(small.journeys.map((j) => j.accountId));
    const solutions = [...small.solutions].map(([id, s]) => ({ id, name: s.name, category: s.category }));
    let recommended = 0;
    for (const account of small.accounts) {
      if (withJourney.has(account.id)) continue;
      const risks = (small.risksByAccount.get(account.id) ?? []).map((r) => ({
        id: r.id,
        threat: r.threat,
        category: r.category as ItCategory,
        likelihood: r.likelihood,
        impact: r.impact,
        mitigationStatus: r.mitigationStatus as MitigationStatus,
      }));
      if (!risks.some((r) => isUnresolved(r.mitigationStatus))) continue;
      if (recommendSolutions(risks, defaultRiskSolutionMap, solutions, []).length > 0) recommended += 1;
    }
    expect(recommended).toBeGreaterThan(10);
  });
});

describe('the Bass draw', () => {
  it('inverts the cumulative curve', () => {
    const bass = { p: 0.03, q: 0.38 };
    for (const u of [0.01, 0.2, 0.5, 0.9, 0.99]) expect(bassCdf(bass, bassQuantile(bass, u))).toBeCloseTo(u, 10);
  });

  it('draws the same numbers for the same seed', () => {
    const a = new Rng(9);
    const b = new Rng(9);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});
