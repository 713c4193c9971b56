import { Faker, base, en, id_ID } from '@faker-js/faker';
import { searchText } from '../db/dialect.js';
import type {
  SeedAccount,
  SeedActivity,
  SeedContact,
  SeedConsent,
  SeedGateTick,
  SeedHistoryRow,
  SeedInventoryItem,
  SeedJourney,
  SeedParticipant,
  SeedRecords,
  SeedRisk,
  SeedSolution,
  SeedTable,
  SeedTask,
  SeedUser,
} from '../db/repositories/seed.repository.js';
import { DEFAULT_PIPELINE_ID } from '../db/migrations/0002_playbook.js';
import { checkGate, defaultPipelineStages, type Gate, type GateEvidence, type UnmetGate } from '../domain/gates.js';
import { defaultRiskSolutionMap, itCategories, solutionCategoriesFor, type ItCategory, type MitigationStatus } from '../domain/recommendations.js';
import { defaultAidas } from '../domain/stages.js';
import { contactChannels, type ActivityType, type industries, type Outcome, type Role, type Stage } from '../shared/vocabulary.js';
import { bassCdf, bassPeakTime, bassQuantile, type BassParameters } from './bass.js';
import {
  cities,
  consentSources,
  discontinuanceReasonWeights,
  industryWeights,
  nameTemplates,
  nameWords,
  outcomesText,
  principals,
  rejectionReasonWeights,
  solutionLines,
  titles,
  webDomainByIndustry,
  webinarTopics,
  type City,
  type SolutionLine,
} from './data.js';
import { goLiveNotes, inventoryCatalogue, overrideReasons, threatCatalogue, unmappedAssessmentReason } from './assessment.js';
import { Rng, SeededIds, normalCdf } from './random.js';
import type { Scale } from './scales.js';

/**
 * The demo and benchmark workspace as a stream of record batches, deterministic for a seed.
 *
 * Diffusion: each solution spreads by a Bass process. A journey's decision moment is an
 * inverse-CDF draw from its solution's F(t); adopters enter implementation at that moment
 * (ANALYTICS.md "adoption time"), so per-period adoptions trace the Bass bell and the
 * cumulative curve an S. A Gaussian copula ties the draw to the account's innovativeness,
 * so the same accounts tend to adopt early across solutions without bending any marginal curve.
 */

export const DEMO_PASSWORD = 'difusi-demo-2026';
export const DEMO_DOMAIN = 'demo.difusi.id';
/** Everything generated happens before this moment; fixed so a seed always yields the same workspace. */
export const DEFAULT_AS_OF = '2026-11-30T00:00:00.000Z';

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** The argon2 hash of DEMO_PASSWORD, computed once by the caller and shared by every demo user. */
  passwordHash: string;
  asOf?: string;
  /** The version of the default pipeline that history rows record (the migration seeds version 1). */
  pipelineVersion?: number;
}

export type SeedBatch = { [T in SeedTable]: { table: T; rows: SeedRecords[T][] } }[SeedTable];

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
}

type Industry = (typeof industries)[number];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WORKSPACE_START = Date.parse('2017-01-02T02:00:00.000Z');

/** The first user of each role gets an easy address; the CLI prints these with the password. */
export const demoLoginEmails: Record<Role, string> = {
  admin: `admin@${DEMO_DOMAIN}`,
  sales_manager: `manager@${DEMO_DOMAIN}`,
  account_manager: `am@${DEMO_DOMAIN}`,
  solution_architect: `sa@${DEMO_DOMAIN}`,
  marcomm: `marcomm@${DEMO_DOMAIN}`,
  product_specialist: `product@${DEMO_DOMAIN}`,
  viewer: `viewer@${DEMO_DOMAIN}`,
};

interface TeamInfo {
  id: string;
  key: 'smb' | 'enterprise' | 'government';
  ams: string[];
  managerId: string;
}

interface SolutionInfo {
  id: string;
  line: SolutionLine;
  launchMs: number;
  bass: BassParameters;
  /** Calendar days per Bass time unit, chosen so the peak falls inside the observed years. */
  unitDays: number;
  /** Draw u only up to here: later decisions would open after the as-of date. */
  maxU: number;
  principalNames: string[];
}

interface Ctx {
  rng: Rng;
  ids: SeededIds;
  faker: Faker;
  scale: Scale;
  asOf: number;
  teams: TeamInfo[];
  sas: string[];
  marcomm: string[];
  managers: string[];
  solutions: SolutionInfo[];
  usdRate: (ms: number) => number;
  domains: Set<string>;
  pipelineVersion: number;
}

const areaCodes: Record<string, string> = {
  Surabaya: '31', Bandung: '22', Medan: '61', Semarang: '24', Makassar: '411', Yogyakarta: '274', Denpasar: '361',
  Balikpapan: '542', Palembang: '711', Malang: '341', Surakarta: '271', Pekanbaru: '761', Batam: '778', Padang: '751',
  'Bandar Lampung': '721', Samarinda: '541', Banjarmasin: '511', Pontianak: '561', Manado: '431', Mataram: '370',
  Kupang: '380', Jayapura: '967', Ambon: '911', Bogor: '251', Cikarang: '21',
};

export function* generateWorkspace(options: GenerateOptions): Generator<SeedBatch, DemoLogin[]> {
  const rng = new Rng(options.seed ^ 0x5eed);
  const faker = new Faker({ locale: [id_ID, en, base] });
  faker.seed(options.seed);
  const asOf = Date.parse(options.asOf ?? DEFAULT_AS_OF);
  const ctx: Ctx = {
    rng,
    ids: new SeededIds(rng),
    faker,
    scale: options.scale,
    asOf,
    teams: [],
    sas: [],
    marcomm: [],
    managers: [],
    solutions: [],
    usdRate: () => 15_500,
    domains: new Set(),
    pipelineVersion: options.pipelineVersion ?? 1,
  };

  const { teams, users, logins } = makePeople(ctx, options.passwordHash);
  yield { table: 'teams', rows: teams };
  yield { table: 'users', rows: users };

  const catalogue = makeCatalogue(ctx);
  yield { table: 'principals', rows: catalogue.principals };
  yield { table: 'solutions', rows: catalogue.solutions };
  yield { table: 'solution_principals', rows: catalogue.links };

  yield { table: 'exchange_rates', rows: makeExchangeRates(ctx) };

  for (let start = 0; start < ctx.scale.accounts; start += ctx.scale.chunkAccounts) {
    const count = Math.min(ctx.scale.chunkAccounts, ctx.scale.accounts - start);
    const chunk: Chunk = {
      accounts: [], contacts: [], inventory: [], risks: [], journeys: [], history: [], activities: [], participants: [], ticks: [], tasks: [],
    };
    for (let i = 0; i < count; i++) makeAccount(ctx, chunk);
    yield { table: 'accounts', rows: chunk.accounts };
    yield { table: 'contacts', rows: chunk.contacts };
    yield { table: 'it_inventory_items', rows: chunk.inventory };
    yield { table: 'it_risks', rows: chunk.risks };
    yield { table: 'journeys', rows: chunk.journeys };
    yield { table: 'journey_stage_history', rows: chunk.history };
    yield { table: 'activities', rows: chunk.activities };
    yield { table: 'activity_participants', rows: chunk.participants };
    yield { table: 'journey_gate_ticks', rows: chunk.ticks };
    yield { table: 'tasks', rows: chunk.tasks };
  }
  return logins;
}

// ---------------------------------------------------------------------------------------------
// People, catalogue, money

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

function personName(ctx: Ctx): { first: string; last: string } {
  const first = ctx.faker.person.firstName();
  let last = ctx.faker.person.lastName();
  if (last === first) last = ctx.faker.person.lastName();
  return { first, last };
}

function makePeople(ctx: Ctx, passwordHash: string) {
  const { rng, ids, scale } = ctx;
  const created = iso(WORKSPACE_START);
  const users: SeedUser[] = [];
  const logins: DemoLogin[] = [];
  const emails = new Set<string>();

  const addUser = (role: Role, teamId: string | null, at: number): string => {
    const { first, last } = personName(ctx);
    const name = `${first} ${last}`;
    let email = demoLoginEmails[role];
    const isDemoLogin = !emails.has(email);
    if (!isDemoLogin) {
      const localPart = slug(`${first}.${last}`) || 'user';
      email = `${localPart}@${DEMO_DOMAIN}`;
      for (let n = 2; emails.has(email); n++) email = `${localPart}${n}@${DEMO_DOMAIN}`;
    }
    emails.add(email);
    const id = ids.at(at);
    users.push({ id, email, name, passwordHash, role, teamId, locale: rng.chance(0.8) ? 'id' : 'en', createdAt: iso(at) });
    if (isDemoLogin) logins.push({ role, email, name });
    return id;
  };

  const teamDefs = [
    { key: 'smb', name: 'SMB Team', share: 0.4 },
    { key: 'enterprise', name: 'Enterprise Team', share: 0.4 },
    { key: 'government', name: 'Government Team', share: 0.2 },
  ] as const;
  const teamRows = teamDefs.map((def, i) => ({ def, id: ids.at(WORKSPACE_START + i * 1000) }));

  addUser('admin', null, WORKSPACE_START);
  for (const { def, id } of teamRows) {
    const managerId = addUser('sales_manager', id, WORKSPACE_START + HOUR);
    ctx.managers.push(managerId);
    ctx.teams.push({ id, key: def.key, ams: [], managerId });
  }
  for (let i = 0; i < scale.accountManagers; i++) {
    // The first AM (the demo login) sits in the SMB team; the rest follow the team shares.
    const share = i === 0 ? 0 : (i + 0.5) / scale.accountManagers;
    const teamIndex = share < teamDefs[0].share ? 0 : share < teamDefs[0].share + teamDefs[1].share ? 1 : 2;
    const team = ctx.teams[teamIndex];
    if (!team) continue;
    const joined = WORKSPACE_START + rng.int(0, 700) * DAY;
    team.ams.push(addUser('account_manager', team.id, joined));
  }
  for (let i = 0; i < scale.solutionArchitects; i++) ctx.sas.push(addUser('solution_architect', null, WORKSPACE_START + rng.int(0, 900) * DAY));
  for (let i = 0; i < scale.marcomm; i++) ctx.marcomm.push(addUser('marcomm', null, WORKSPACE_START + rng.int(0, 900) * DAY));
  addUser('product_specialist', null, WORKSPACE_START + 30 * DAY);
  addUser('viewer', null, WORKSPACE_START + 60 * DAY);

  const teams = teamRows.map(({ def, id }, i) => ({ id, name: def.name, managerId: ctx.teams[i]?.managerId ?? null, createdAt: created }));
  return { teams, users, logins };
}

function makeCatalogue(ctx: Ctx) {
  const { rng, ids } = ctx;
  const createdMs = WORKSPACE_START + DAY;
  const principalIds = new Map<string, string>();
  const principalRows = principals.map((p, i) => {
    const id = ids.at(createdMs + i);
    principalIds.set(p.key, id);
    return { id, name: p.name, website: p.website, country: p.country, createdAt: iso(createdMs + i) };
  });
  const solutions: SeedSolution[] = [];
  const links: { solutionId: string; principalId: string }[] = [];
  for (const line of solutionLines) {
    const launchMs = Date.parse(`${line.launchDate}T02:00:00.000Z`);
    const createdAt = Math.min(launchMs - 30 * DAY, ctx.asOf);
    const id = ids.at(createdAt);
    solutions.push({ id, name: line.name, category: line.category, description: line.description, launchDate: line.launchDate, createdAt: iso(createdAt) });
    for (const key of line.principals) {
      const principalId = principalIds.get(key);
      if (principalId) links.push({ solutionId: id, principalId });
    }
    const bass = { p: rng.uniform(0.01, 0.04), q: rng.uniform(0.3, 0.6) };
    const horizonDays = Math.max(90, (ctx.asOf - launchMs) / DAY);
    const peakShare = rng.uniform(0.5, 0.65);
    const unitDays = (peakShare * horizonDays) / bassPeakTime(bass);
    // A journey takes about six months from first touch to decision: allow decisions up to
    // a year past as-of, so today's pipeline holds journeys in every stage.
    const maxU = bassCdf(bass, (horizonDays + 365) / unitDays);
    ctx.solutions.push({
      id,
      line,
      launchMs,
      bass,
      unitDays,
      maxU,
      principalNames: line.principals.map((k) => principals.find((p) => p.key === k)?.name ?? k),
    });
  }
  return { principals: principalRows, solutions, links };
}

/** USD→IDR on the first of each month: a random walk from about 13,350 (2017) to about 16,300 (2026). */
function makeExchangeRates(ctx: Ctx) {
  const { rng } = ctx;
  const rows: { currency: string; validFrom: string; rate: number; createdAt: string }[] = [];
  const byMonth: number[] = [];
  const months = monthsBetween(WORKSPACE_START, ctx.asOf);
  const drift = Math.log(16_300 / 13_350) / Math.max(1, months);
  let log = Math.log(13_350);
  for (let m = 0; m <= months; m++) {
    const d = new Date(WORKSPACE_START);
    const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m, 1);
    const rate = Math.round(Math.exp(log));
    byMonth.push(rate);
    rows.push({ currency: 'USD', validFrom: iso(first).slice(0, 10), rate, createdAt: iso(first + HOUR) });
    log += drift + 0.012 * rng.normal();
  }
  ctx.usdRate = (ms) => byMonth[Math.max(0, Math.min(byMonth.length - 1, monthsBetween(WORKSPACE_START, ms)))] ?? 15_500;
  return rows;
}

function monthsBetween(a: number, b: number): number {
  const da = new Date(a);
  const db = new Date(b);
  return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
}

// ---------------------------------------------------------------------------------------------
// Accounts and everything that hangs off them

interface Chunk {
  accounts: SeedAccount[];
  contacts: SeedContact[];
  inventory: SeedInventoryItem[];
  risks: SeedRisk[];
  journeys: SeedJourney[];
  history: SeedHistoryRow[];
  activities: SeedActivity[];
  participants: SeedParticipant[];
  ticks: SeedGateTick[];
  tasks: SeedTask[];
}

interface AccountInfo {
  id: string;
  name: string;
  industry: Industry;
  tier: 'smb' | 'enterprise';
  sizeBand: string;
  city: City;
  team: TeamInfo;
  ownerId: string;
  /** Latent innovativeness, standard normal: high adopts early and often. */
  z: number;
  contacts: { id: string; weight: number; createdAt: number }[];
  /** The account's IT risks with the moments they were recorded and last changed (the gate of persuasion reads them). */
  risks: AccountRisk[];
}

const sizeBandsByTier = {
  smb: [['1-49', 35], ['50-249', 50], ['250-999', 15]],
  enterprise: [['250-999', 30], ['1000-4999', 45], ['5000+', 25]],
} as const;
const sizeFactor: Record<string, number> = { '1-49': 0.25, '50-249': 0.5, '250-999': 1, '1000-4999': 1.8, '5000+': 3.2 };

function makeAccount(ctx: Ctx, chunk: Chunk): void {
  const { rng, faker } = ctx;
  const industry = rng.weighted(industryWeights);
  const tier: 'smb' | 'enterprise' = rng.chance(industry === 'government' ? 0.6 : industry === 'banking' || industry === 'telecommunication' ? 0.55 : 0.28) ? 'enterprise' : 'smb';
  const team = ctx.teams[industry === 'government' ? 2 : tier === 'enterprise' ? 1 : 0] ?? ctx.teams[0];
  if (!team) throw new Error('the generator made no teams');
  const city = rng.weighted(cities.map((c) => [c, c.weight] as const));
  const family = faker.person.lastName();
  const template = rng.pick(nameTemplates[industry]);
  const name = template
    .replace('{n}', family)
    .replace('{w}', rng.pick(nameWords))
    .replace('{c}', city.city)
    .replace(/\s+/g, ' ')
    .trim();
  const z = rng.normal();

  // Journeys first: the account's creation date and relationship follow from them.
  const journeyPlans = planJourneys(ctx, { tier, industry, z });
  const firstTouch = journeyPlans.reduce((min, j) => Math.min(min, j.events[0]?.at ?? Infinity), Infinity);
  const createdMs = Number.isFinite(firstTouch)
    ? Math.max(WORKSPACE_START, firstTouch - rng.logNormal(180, 0.8) * DAY)
    : WORKSPACE_START + rng.next() * (ctx.asOf - WORKSPACE_START - DAY);
  const id = ctx.ids.at(createdMs);
  const ownerId = team.ams.length > 0 ? rng.pick(team.ams) : team.managerId;
  const sizeBand = rng.weighted(sizeBandsByTier[tier]);

  const baseDomain = webDomainByIndustry[industry] ?? (rng.chance(0.8) ? 'co.id' : 'com');
  let host = slug(name.replace(/^(PT|CV|RS|RSIA)\s+/i, '').replace(/\s+Tbk$/, '')).replace(/\./g, '').slice(0, 40) || 'perusahaan';
  if (ctx.domains.has(`${host}.${baseDomain}`)) host = `${host}${rng.int(2, 999)}`;
  const domain = `${host}.${baseDomain}`;
  if (ctx.domains.size < 200_000) ctx.domains.add(domain);

  const info: AccountInfo = { id, name, industry, tier, sizeBand, city, team, ownerId, z, contacts: [], risks: [] };
  // The knowledge gate asks for a contact: the first one is on record before any journey leaves knowledge.
  const firstMove = journeyPlans.reduce((min, j) => Math.min(min, j.events.find((e) => e.kind === 'move')?.at ?? Infinity), Infinity);
  makeContacts(ctx, chunk, info, createdMs, domain, firstMove);
  const playbooks = journeyPlans.map((plan) => planPlaybook(ctx, plan));
  makeAssessment(ctx, chunk, info, createdMs, journeyPlans, playbooks);

  let adopted = false;
  let lastTouch = createdMs;
  for (const [k, plan] of journeyPlans.entries()) {
    const playbook = playbooks[k];
    if (!playbook) continue;
    const journey = writeJourney(ctx, chunk, info, plan, playbook);
    if (plan.adoptedAt !== null && plan.adoptedAt <= ctx.asOf) adopted = true;
    lastTouch = Math.max(lastTouch, Date.parse(journey.updatedAt));
  }
  makeAccountActivities(ctx, chunk, info, createdMs);

  const updatedMs = Math.min(ctx.asOf, Math.max(lastTouch, createdMs + rng.int(0, 400) * DAY));
  chunk.accounts.push({
    id,
    name,
    industry,
    sizeBand,
    tier,
    city: city.city,
    province: city.province,
    region: city.region,
    relationship: adopted || rng.chance(0.12) ? 'existing' : 'new_logo',
    ownerId,
    teamId: team.id,
    website: `https://www.${domain}`,
    phone: `+62${areaCodes[city.city] ?? '21'}${rng.digits(rng.int(7, 8))}`,
    searchText: searchText(name, city.city, city.province),
    createdAt: iso(createdMs),
    updatedAt: iso(updatedMs),
  });
}

const divisionWeights = [['it', 40], ['executive', 12], ['finance', 15], ['business', 15], ['hr', 6], ['operations', 12]] as const;
const seniorityWeights = [['staff', 16], ['supervisor', 14], ['manager', 30], ['senior_manager', 18], ['director', 14], ['cxo', 8]] as const;
const ageBySeniority: Record<string, readonly (readonly [string, number])[]> = {
  staff: [['under_25', 35], ['25_34', 55], ['35_44', 10]],
  supervisor: [['25_34', 60], ['35_44', 35], ['45_54', 5]],
  manager: [['25_34', 25], ['35_44', 55], ['45_54', 20]],
  senior_manager: [['35_44', 55], ['45_54', 40], ['55_plus', 5]],
  director: [['35_44', 30], ['45_54', 50], ['55_plus', 20]],
  cxo: [['35_44', 20], ['45_54', 50], ['55_plus', 30]],
};

function makeContacts(ctx: Ctx, chunk: Chunk, account: AccountInfo, accountCreated: number, domain: string, firstMove: number): void {
  const { rng } = ctx;
  const count = Math.max(1, 1 + rng.poisson(ctx.scale.contactsPerAccount - 1));
  for (let i = 0; i < count; i++) {
    // The first contact is the IT person who let the integrator in.
    const division = i === 0 ? 'it' : rng.weighted(divisionWeights);
    const seniority = i === 0 ? rng.weighted([['manager', 50], ['senior_manager', 35], ['director', 15]] as const) : rng.weighted(seniorityWeights);
    const { first, last } = personName(ctx);
    const fullName = `${first} ${last}`;
    const title = rng.chance(0.95) ? rng.pick(titles[division]?.[seniority] ?? ['Staf']) : null;
    const influence =
      seniority === 'cxo' || seniority === 'director'
        ? rng.chance(0.85) ? 'decision_maker' : 'recommender'
        : seniority === 'senior_manager' || seniority === 'manager'
          ? rng.weighted([['recommender', 65], ['decision_maker', 20], ['user', 15]] as const)
          : rng.weighted([['user', 75], ['recommender', 25]] as const);
    const techProficiency = rng.chance(division === 'it' ? 0.75 : 0.22) ? 'advanced' : 'beginner';
    const leaning = account.z * 0.6 + rng.normal() * 0.8 + (techProficiency === 'advanced' ? 0.3 : 0);
    const openness = leaning > 0.55 ? 'high' : leaning < -0.55 ? 'low' : 'medium';
    const ageBand = rng.chance(0.9) ? rng.weighted(ageBySeniority[seniority] ?? [['35_44', 1]]) : null;
    const localPart = slug(`${first}.${last}`) || `kontak${i}`;
    // E.164, as the contacts service stores numbers.
    const phone = rng.chance(0.85) ? `+628${rng.int(11, 59)}${rng.digits(4)}${rng.digits(rng.int(3, 4))}` : null;
    // Every contact can be reached somehow: without a phone there is at least an email address.
    const email = !phone || rng.chance(0.92) ? `${localPart}@${domain}` : null;
    const whatsapp = phone && rng.chance(0.85) ? phone : null;
    const linkedin = rng.chance(division === 'it' || seniority === 'cxo' ? 0.6 : 0.35) ? `https://www.linkedin.com/in/${localPart.replace(/\./g, '-')}-${rng.digits(3)}` : null;
    const available: string[] = [];
    if (email) available.push('email');
    if (phone) available.push('phone');
    if (whatsapp) available.push('whatsapp');
    if (linkedin) available.push('linkedin');
    const channels = contactChannels.filter((c) => available.includes(c) && (c === 'whatsapp' || rng.chance(0.7)));
    if (channels.length === 0 && available[0]) channels.push(available[0] as (typeof contactChannels)[number]);
    const createdMs =
      i === 0
        ? Math.min(ctx.asOf - HOUR, accountCreated + Math.min(rng.int(1, 9) * HOUR, Math.floor((firstMove - accountCreated) / 2)))
        : Math.min(ctx.asOf - HOUR, accountCreated + rng.int(0, 500) * DAY + rng.int(1, 9) * HOUR);
    const consents: SeedConsent[] = [];
    for (const channel of ['email', 'whatsapp'] as const) {
      if (!available.includes(channel) || rng.chance(0.2)) continue;
      const recorded = createdMs + rng.int(0, 200) * DAY;
      consents.push({ channel, granted: rng.chance(0.86), source: rng.pick(consentSources), recordedAt: iso(Math.min(recorded, ctx.asOf - HOUR)) });
    }
    const id = ctx.ids.at(createdMs);
    chunk.contacts.push({
      id,
      accountId: account.id,
      fullName,
      title,
      division,
      seniority,
      ageBand,
      techProficiency,
      influence,
      openness,
      email,
      phone,
      whatsapp,
      linkedin,
      channels,
      consents,
      searchText: searchText(fullName, title, email),
      createdAt: iso(createdMs),
      updatedAt: iso(Math.min(ctx.asOf - HOUR, createdMs + rng.int(0, 300) * DAY)),
    });
    const weight = (division === 'it' ? 3 : 1) * (influence === 'decision_maker' ? 2 : influence === 'recommender' ? 1.5 : 1);
    account.contacts.push({ id, weight, createdAt: createdMs });
  }
}

// ---------------------------------------------------------------------------------------------
// Journeys: a plan of stage events, then the rows

type EventKind = 'open' | 'move' | 'adopt' | 'reject' | 'discontinue';
interface StageEvent {
  kind: EventKind;
  from: Stage | null;
  to: Stage;
  outcome: Outcome;
  at: number;
  reason: string | null;
}

interface JourneyPlan {
  solution: SolutionInfo;
  events: StageEvent[];
  /** When the journey entered implementation (its adoption time), or null. */
  adoptedAt: number | null;
  /** The decision moment the plan was built around (also for rejections). */
  decisionAt: number;
}

function planJourneys(ctx: Ctx, account: { tier: 'smb' | 'enterprise'; industry: Industry; z: number }): JourneyPlan[] {
  const { rng } = ctx;
  const mean = ctx.scale.journeysPerAccount * (account.tier === 'enterprise' ? 1.45 : 0.75) * Math.exp(0.15 * account.z);
  const count = Math.min(ctx.solutions.length, rng.poisson(mean));
  const weights = ctx.solutions.map((s) => [s, s.line.popularity * (s.line.favoured.includes(account.industry) ? 2.5 : 1)] as const);
  return rng.sampleDistinct(weights, count).map((solution) => planJourney(ctx, solution, account));
}

/** Snaps a moment to Jakarta working hours (08:00–18:00 WIB = 01:00–11:00 UTC). */
function workingHours(rng: Rng, ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  return day + HOUR + rng.int(0, 9 * 60) * 60_000 + rng.int(0, 59) * 1000;
}

function planJourney(ctx: Ctx, solution: SolutionInfo, account: { tier: 'smb' | 'enterprise'; z: number }): JourneyPlan {
  const { rng } = ctx;
  const slow = account.tier === 'enterprise' ? 1.3 : 1;
  const durations = {
    knowledge: rng.logNormal(40, 0.5) * slow,
    persuasion: rng.logNormal(55, 0.5) * slow,
    decision: rng.logNormal(65, 0.5) * slow,
    implementation: rng.logNormal(95, 0.45) * slow,
    confirmation: rng.logNormal(60, 0.4),
  };
  const pAdopt = Math.min(0.8, Math.max(0.3, 0.55 + 0.08 * account.z));
  const fate = rng.chance(pAdopt)
    ? rng.chance(0.09) ? (rng.chance(0.4) ? 'discontinue_implementation' : 'discontinue_confirmation') : 'adopt'
    : rng.weighted([['reject_knowledge', 12], ['reject_persuasion', 38], ['reject_decision', 50]] as const);

  const upTo: Stage = fate === 'reject_knowledge' ? 'knowledge' : fate === 'reject_persuasion' ? 'persuasion' : 'decision';
  const preStages: Stage[] = (['knowledge', 'persuasion', 'decision'] as const).slice(0, ['knowledge', 'persuasion', 'decision'].indexOf(upTo) + 1);
  let pre = preStages.reduce((sum, s) => sum + durations[s], 0);

  // The decision moment: a Bass draw tied to the account's innovativeness (Gaussian copula, rho 0.6).
  let decisionAt = 0;
  for (let attempt = 0; attempt < 6; attempt++) {
    const u = normalCdf(0.6 * account.z + 0.8 * rng.normal()) * solution.maxU;
    decisionAt = solution.launchMs + bassQuantile(solution.bass, Math.min(u, 0.999999)) * solution.unitDays * DAY;
    if (decisionAt - pre * DAY <= ctx.asOf - DAY) break;
  }
  if (decisionAt - pre * DAY > ctx.asOf - DAY) decisionAt = ctx.asOf - DAY * rng.uniform(1, 20) + pre * DAY;
  // Nobody hears of a solution before its launch: squeeze the early stages if the draw came very early.
  const room = (decisionAt - solution.launchMs) / DAY - 1;
  if (room < pre) {
    const squeeze = Math.max(room, 3) / pre;
    for (const s of preStages) durations[s] *= squeeze;
    pre = Math.max(room, 3);
    if (room < 3) decisionAt = solution.launchMs + 4 * DAY;
  }

  const events: StageEvent[] = [];
  let t = decisionAt - pre * DAY;
  let stage: Stage = 'knowledge';
  const push = (kind: EventKind, to: Stage, outcome: Outcome, at: number, reason: string | null = null) => {
    const previous = events[events.length - 1];
    let when = workingHours(rng, at);
    if (previous && when <= previous.at) when = previous.at + rng.int(20, 180) * 60_000;
    events.push({ kind, from: kind === 'open' ? null : stage, to, outcome, at: when, reason });
    stage = to;
  };
  push('open', 'knowledge', 'open', t);
  for (const next of preStages.slice(1)) {
    t += durations[preStages[preStages.indexOf(next) - 1] ?? 'knowledge'] * DAY;
    push('move', next, 'open', t);
  }
  let adoptedAt: number | null = null;
  if (fate.startsWith('reject')) {
    push('reject', stage, 'rejected', decisionAt, rng.weighted(rejectionReasonWeights));
  } else {
    push('move', 'implementation', 'open', decisionAt);
    adoptedAt = events[events.length - 1]?.at ?? decisionAt;
    const implementationEnd = decisionAt + durations.implementation * DAY;
    if (fate === 'discontinue_implementation') {
      push('discontinue', 'implementation', 'discontinued', decisionAt + durations.implementation * rng.uniform(0.4, 1) * DAY, rng.weighted(discontinuanceReasonWeights));
    } else {
      push('move', 'confirmation', 'open', implementationEnd);
      const confirmationEnd = implementationEnd + durations.confirmation * DAY;
      if (fate === 'discontinue_confirmation') {
        push('discontinue', 'confirmation', 'discontinued', confirmationEnd + rng.logNormal(60, 0.6) * DAY, rng.weighted(discontinuanceReasonWeights));
      } else {
        push('adopt', 'confirmation', 'adopted', confirmationEnd);
      }
    }
  }
  // Some journeys stall before a decision: recent ones are still open; old ones were closed as no decision.
  if (rng.chance(0.15)) {
    const stallIndex = rng.int(0, preStages.length - 1);
    const stalledAt = events[stallIndex];
    if (stalledAt) {
      events.length = stallIndex + 1;
      stage = stalledAt.to;
      const closeAt = stalledAt.at + rng.uniform(90, 200) * DAY;
      if (ctx.asOf - stalledAt.at > 365 * DAY) push('reject', stalledAt.to, 'rejected', closeAt, 'no_decision');
      adoptedAt = null;
    }
  }
  // What has not happened yet by the as-of date is not in the history: the journey is still open there.
  const happened = events.filter((e) => e.at <= ctx.asOf);
  if (adoptedAt !== null && adoptedAt > ctx.asOf) adoptedAt = null;
  return { solution, events: happened.length > 0 ? happened : events.slice(0, 1), adoptedAt, decisionAt };
}

const principalInvolvements = [
  'Deal registration disetujui {p}',
  'Presales support dari {p}',
  'Peminjaman demo equipment dari {p}',
  'Dana promosi (MDF) dari {p}',
  'Joint visit dengan account manager {p}',
];

function writeJourney(ctx: Ctx, chunk: Chunk, account: AccountInfo, plan: JourneyPlan, playbook: JourneyPlaybook): SeedJourney {
  const { rng } = ctx;
  const { solution, events } = plan;
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error('a journey plan without events');
  const reachedDecision = events.some((e) => e.to === 'decision');
  const ownerId = rng.chance(0.93) || account.team.ams.length < 2 ? account.ownerId : rng.pick(account.team.ams);
  const { saId } = playbook;
  const marcommId = ctx.marcomm.length > 0 && rng.chance(0.25) ? rng.pick(ctx.marcomm) : null;
  const id = ctx.ids.at(first.at);

  const history: SeedHistoryRow[] = events.map((e, i) => ({
    id: ctx.ids.at(e.at),
    journeyId: id,
    seq: i + 1,
    kind: e.kind,
    fromStage: e.from,
    toStage: e.to,
    outcome: e.outcome,
    rogersStage: e.to,
    aidasSteps: defaultAidas[e.to].join(','),
    reason: e.reason,
    note: historyNote(rng, e),
    actorId: e.kind === 'move' && e.to === 'implementation' && rng.chance(0.2) ? account.team.managerId : ownerId,
    at: iso(e.at),
    overrideReason: null,
    unmetGates: null,
    pipelineId: DEFAULT_PIPELINE_ID,
    pipelineVersion: ctx.pipelineVersion,
  }));

  // The moment the current stage was entered: the last row that changed the stage (as the service records it).
  let stageEnteredAt = first.at;
  for (const e of events) if (e.kind === 'open' || e.kind === 'move') stageEnteredAt = e.at;

  const { latest: lastActivity, evidence } = makeJourneyActivities(ctx, chunk, account, plan, playbook, id, ownerId, saId, marcommId);
  const ticks = makeGateTicks(ctx, chunk, plan, playbook, id, saId ?? ownerId);
  const closed = last.outcome !== 'open';
  const updatedMs = Math.max(last.at, lastActivity ?? 0, ...ticks.map((t) => t.at));

  const usd = rng.chance(solution.line.usdShare);
  const idr = solution.line.typicalValueIdr * (sizeFactor[account.sizeBand] ?? 1) * rng.logNormal(1, 0.45);
  const valueMinor = usd
    ? Math.max(1, Math.round(idr / ctx.usdRate(plan.decisionAt) / 500)) * 500 * 100
    : Math.max(1, Math.round(idr / 1_000_000)) * 1_000_000 * 100;
  const expectedDecisionDate = iso(plan.decisionAt).slice(0, 10);
  const principalInvolvement = reachedDecision && rng.chance(0.55) ? rng.pick(principalInvolvements).replace('{p}', rng.pick(solution.principalNames)) : null;

  // Every forward move is judged by the real gates on the evidence recorded before it; what it
  // left unmet went through on a sales manager's override, recorded as the service records one.
  const fields = { saId, marcommId, expectedDecisionDate, valueMinor, principalInvolvement, solutionCategory: solution.line.category };
  for (const [i, e] of events.entries()) {
    const row = history[i];
    if (!row || (e.kind !== 'move' && e.kind !== 'adopt')) continue;
    const left: Stage = e.kind === 'adopt' ? 'confirmation' : (e.from ?? 'knowledge');
    const unmet = unmetGatesAt(account, fields, left, e.at, evidence, ticks);
    if (unmet.length === 0) continue;
    const intended = playbook.overrides.get(i);
    const reason =
      intended !== undefined && unmet.some((g) => g.gateId === intended)
        ? rng.pick(overrideReasons[intended] ?? [unmappedAssessmentReason])
        : unmet.some((g) => g.gateId === 'it-assessment') && candidateRiskCategories(solution.line.category).length === 0
          ? unmappedAssessmentReason
          : rng.pick(overrideReasons[unmet[0]?.gateId ?? ''] ?? [unmappedAssessmentReason]);
    row.overrideReason = reason;
    row.unmetGates = unmet;
    row.actorId = account.team.managerId;
  }
  chunk.history.push(...history);

  if (!closed && rng.chance(0.7)) {
    const due = ctx.asOf + rng.int(-10, 21) * DAY;
    const created = Math.max(last.at, ctx.asOf - rng.int(1, 20) * DAY);
    chunk.tasks.push({
      id: ctx.ids.at(created),
      title: `${nextStepFor(last.to)}: ${account.name} – ${solution.line.name}`,
      notes: rng.chance(0.4) ? 'Koordinasikan dengan SA dan siapkan materi sesuai persona kontak.' : null,
      assigneeId: ownerId,
      dueAt: iso(workingHours(rng, due)),
      status: 'open',
      relatedType: 'journey',
      relatedId: id,
      accountId: account.id,
      source: rng.chance(0.35) ? 'automation' : 'manual',
      createdBy: ownerId,
      completedAt: null,
      createdAt: iso(created),
      updatedAt: iso(created),
    });
  } else if (rng.chance(0.3)) {
    const created = first.at + rng.int(1, 10) * DAY;
    if (created < ctx.asOf) {
      const completed = Math.min(ctx.asOf - HOUR, created + rng.int(1, 14) * DAY);
      const cancelled = rng.chance(0.1);
      chunk.tasks.push({
        id: ctx.ids.at(created),
        title: `${nextStepFor(first.to)}: ${account.name} – ${solution.line.name}`,
        notes: null,
        assigneeId: ownerId,
        dueAt: iso(workingHours(rng, created + 7 * DAY)),
        status: cancelled ? 'cancelled' : 'done',
        relatedType: 'journey',
        relatedId: id,
        accountId: account.id,
        source: rng.chance(0.35) ? 'automation' : 'manual',
        createdBy: ownerId,
        completedAt: cancelled ? null : iso(completed),
        createdAt: iso(created),
        updatedAt: iso(completed),
      });
    }
  }

  const journey: SeedJourney = {
    id,
    accountId: account.id,
    solutionId: solution.id,
    ownerId,
    saId,
    marcommId,
    valueMinor,
    currency: usd ? 'USD' : 'IDR',
    expectedDecisionDate,
    principalInvolvement,
    stage: last.to,
    outcome: last.outcome,
    outcomeReason: closed ? last.reason : null,
    stageEnteredAt: iso(stageEnteredAt),
    lastActivityAt: lastActivity === null ? null : iso(lastActivity),
    searchText: searchText(account.name, solution.line.name),
    createdAt: iso(first.at),
    updatedAt: iso(updatedMs),
  };
  chunk.journeys.push(journey);
  return journey;
}

function historyNote(rng: Rng, e: StageEvent): string | null {
  if (!rng.chance(0.35)) return null;
  switch (e.kind) {
    case 'open':
      return rng.pick(['Dari kunjungan perkenalan', 'Lead dari webinar', 'Referensi dari principal', 'Permintaan dari pelanggan', 'Hasil telemarketing']);
    case 'move':
      return e.to === 'persuasion'
        ? 'Persona kontak tercatat; sentuhan pertama sudah dilakukan'
        : e.to === 'decision'
          ? 'Assessment lingkungan TI selesai, risiko teridentifikasi'
          : e.to === 'implementation'
            ? 'PO diterima, kick-off dijadwalkan'
            : 'Go-live selesai';
    case 'adopt':
      return 'Survei kepuasan diterima';
    case 'reject':
      return rng.pick(['Anggaran dialihkan ke tahun depan', 'Memilih vendor lain', 'Belum menjadi prioritas manajemen', 'Sudah punya solusi sejenis']);
    case 'discontinue':
      return rng.pick(['Diganti dengan solusi cloud', 'Pengguna kurang puas dengan performa', 'Kontrak tidak diperpanjang']);
  }
}

function nextStepFor(stage: Stage): string {
  switch (stage) {
    case 'knowledge':
      return 'Profil kebutuhan pelanggan';
    case 'persuasion':
      return 'Assessment lingkungan TI';
    case 'decision':
      return 'Kirim proposal dan jadwalkan demo';
    case 'implementation':
      return 'Pastikan jadwal go-live';
    case 'confirmation':
      return 'Survei kepuasan';
  }
}

// ---------------------------------------------------------------------------------------------
// Activities

interface ActivityKind {
  type: ActivityType;
  subject: (solution: string) => string;
  by: 'owner' | 'sa' | 'marcomm';
}

const stageActivities: Record<Stage, readonly (readonly [ActivityKind, number])[]> = {
  knowledge: [
    [{ type: 'visit', subject: (s) => `Kunjungan perkenalan – ${s}`, by: 'owner' }, 3],
    [{ type: 'call', subject: () => 'Telepon perkenalan dan profil kebutuhan', by: 'owner' }, 3],
    [{ type: 'whatsapp', subject: (s) => `WhatsApp: brosur ${s}`, by: 'owner' }, 3],
    [{ type: 'email', subject: (s) => `Email pengantar ${s}`, by: 'owner' }, 2],
    [{ type: 'content_shared', subject: (s) => `Artikel edukasi: mengapa ${s}`, by: 'marcomm' }, 1.5],
    [{ type: 'telemarketing_call', subject: (s) => `Telemarketing ${s}`, by: 'marcomm' }, 1],
  ],
  persuasion: [
    [{ type: 'meeting', subject: () => 'Diskusi lingkungan TI dan analisis risiko', by: 'owner' }, 3],
    [{ type: 'visit', subject: () => 'Kunjungan assessment ke data center pelanggan', by: 'sa' }, 2],
    [{ type: 'call', subject: () => 'Telepon tindak lanjut assessment', by: 'owner' }, 2],
    [{ type: 'whatsapp', subject: (s) => `WhatsApp: studi kasus ${s}`, by: 'owner' }, 3],
    [{ type: 'content_shared', subject: (s) => `Whitepaper ${s}`, by: 'owner' }, 2],
    [{ type: 'email', subject: () => 'Ringkasan temuan risiko', by: 'owner' }, 1],
  ],
  decision: [
    [{ type: 'meeting', subject: () => 'Diskusi proposal dengan tim pengadaan', by: 'owner' }, 2],
    [{ type: 'email', subject: (s) => `Proposal teknis dan komersial ${s}`, by: 'owner' }, 2],
    [{ type: 'call', subject: () => 'Negosiasi harga', by: 'owner' }, 2],
    [{ type: 'whatsapp', subject: () => 'WhatsApp: konfirmasi jadwal presentasi', by: 'owner' }, 2],
    [{ type: 'demo', subject: (s) => `Proof of concept ${s}`, by: 'sa' }, 1],
  ],
  implementation: [
    [{ type: 'implementation_session', subject: (s) => `Sesi implementasi ${s}`, by: 'sa' }, 4],
    [{ type: 'meeting', subject: () => 'Rapat progres implementasi', by: 'owner' }, 2],
    [{ type: 'whatsapp', subject: () => 'WhatsApp: koordinasi jadwal teknisi', by: 'owner' }, 2],
  ],
  confirmation: [
    [{ type: 'follow_up', subject: () => 'Tindak lanjut pasca go-live', by: 'owner' }, 3],
    [{ type: 'visit', subject: () => 'Kunjungan kepuasan pelanggan', by: 'owner' }, 1.5],
    [{ type: 'call', subject: () => 'Telepon menjawab keraguan pengguna', by: 'owner' }, 1.5],
  ],
};

/** Activities that mark a stage's evidence (DESIGN.md §3), logged at fixed points of the stage. */
const stageMilestones: Record<Stage, readonly ActivityKind[]> = {
  // Knowledge's milestone, the first personal touch, is drawn from firstTouches.
  knowledge: [],
  persuasion: [{ type: 'meeting', subject: () => 'Assessment lingkungan TI', by: 'sa' }],
  decision: [{ type: 'demo', subject: (s) => `Demo ${s} oleh solution architect`, by: 'sa' }],
  implementation: [{ type: 'implementation_session', subject: () => 'Kick-off implementasi', by: 'sa' }],
  confirmation: [
    { type: 'implementation_session', subject: () => 'Go-live dan serah terima', by: 'sa' },
    { type: 'survey', subject: () => 'Survei kepuasan (CSAT/NPS)', by: 'owner' },
  ],
};
/** The first personal touch that lets a journey leave knowledge. */
const firstTouches: readonly (readonly [ActivityKind, number])[] = [
  [{ type: 'visit', subject: (s) => `Kunjungan perkenalan – ${s}`, by: 'owner' }, 3],
  [{ type: 'call', subject: () => 'Telepon perkenalan dan profil kebutuhan', by: 'owner' }, 3],
  [{ type: 'meeting', subject: (s) => `Meeting perkenalan ${s} dengan tim TI`, by: 'owner' }, 2],
  [{ type: 'whatsapp', subject: (s) => `WhatsApp personal: pengantar ${s}`, by: 'owner' }, 2],
];
const extraPerStage: Record<Stage, number> = { knowledge: 1.6, persuasion: 1.8, decision: 1.6, implementation: 2.2, confirmation: 1.0 };

const nextSteps: Record<Stage, readonly string[]> = {
  knowledge: ['Kirim materi edukasi', 'Jadwalkan kunjungan', 'Perkenalkan SA'],
  persuasion: ['Jadwalkan assessment', 'Kirim laporan risiko', 'Undang ke webinar'],
  decision: ['Jadwalkan demo', 'Revisi proposal', 'Minta deal registration ke principal'],
  implementation: ['Siapkan jadwal go-live', 'Uji penerimaan pengguna', 'Pelatihan admin'],
  confirmation: ['Kirim survei', 'Tawarkan perpanjangan', 'Jajaki ekspansi'],
};

const activityNotes = [
  'Pelanggan tertarik, minta referensi implementasi di industri yang sama.',
  'Tim TI menanyakan integrasi dengan sistem yang ada.',
  'Direksi ingin melihat perhitungan TCO.',
  'Perlu koordinasi dengan principal untuk harga khusus.',
  'Kontak meminta materi dalam bahasa Indonesia.',
  'Jadwal diundur karena audit internal.',
];

function makeJourneyActivities(
  ctx: Ctx,
  chunk: Chunk,
  account: AccountInfo,
  plan: JourneyPlan,
  playbook: JourneyPlaybook,
  journeyId: string,
  ownerId: string,
  saId: string | null,
  marcommId: string | null,
): { latest: number | null; evidence: EvidenceActivity[] } {
  const { rng } = ctx;
  const { events } = plan;
  let latest: number | null = null;
  const evidence: EvidenceActivity[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!e || (e.kind !== 'open' && e.kind !== 'move')) continue;
    const stage = e.to;
    const start = e.at;
    const end = Math.min(events[i + 1]?.at ?? ctx.asOf, ctx.asOf);
    if (end <= start) continue;
    const span = end - start;
    const planned: { kind: ActivityKind; at: number; milestone: boolean }[] = stageMilestones[stage].map((kind, k) => ({
      kind,
      // Milestones sit late in persuasion/decision (evidence to leave) and at the edges of implementation.
      at: stage === 'implementation' ? start + span * 0.05 : stage === 'confirmation' ? start + span * (k === 0 ? 0.02 : 0.8) : start + span * rng.uniform(0.5, 0.9),
      milestone: true,
    }));
    if (stage === 'knowledge') planned.push({ kind: rng.weighted(firstTouches), at: start + span * rng.uniform(0.1, 0.5), milestone: true });
    // A stage still open today has only the part that has happened so far.
    const openShare = events[i + 1] ? 1 : Math.min(1, span / (60 * DAY));
    const extras = rng.poisson(extraPerStage[stage] * openShare);
    for (let k = 0; k < extras; k++) planned.push({ kind: rng.weighted(stageActivities[stage]), at: start + span * rng.next(), milestone: false });
    planned.sort((a, b) => a.at - b.at);
    for (const { kind, at, milestone } of planned) {
      if (at > ctx.asOf) continue;
      let when = Math.min(ctx.asOf - 60_000, Math.max(start + 60_000, workingHours(rng, at)));
      // A milestone is the evidence for leaving the stage: it happens before the journey moves on.
      if (milestone) when = Math.min(when, end - 60_000);
      const by = kind.by === 'sa' ? saId ?? ownerId : kind.by === 'marcomm' ? marcommId ?? ownerId : ownerId;
      const alsoUsers = kind.type === 'demo' && by !== ownerId ? [ownerId] : [];
      // Evidence the playbook plan holds back (an override, or a gate still open today) is not logged.
      if (withheld(playbook, { type: kind.type, createdBy: by, userIds: alsoUsers }, when)) continue;
      const activityId = addActivity(ctx, chunk, account, {
        type: kind.type,
        subject: kind.subject(plan.solution.line.name),
        at: when,
        journeyId,
        createdBy: by,
        stage,
        alsoUsers,
      });
      evidence.push({ id: activityId, type: kind.type, at: when, occurredAt: iso(when), createdBy: by, userIds: [by, ...alsoUsers] });
      latest = latest === null ? when : Math.max(latest, when);
    }
  }
  return { latest, evidence };
}

function makeAccountActivities(ctx: Ctx, chunk: Chunk, account: AccountInfo, createdMs: number): void {
  const { rng } = ctx;
  const count = rng.poisson(ctx.scale.accountActivities);
  for (let i = 0; i < count; i++) {
    const at = workingHours(rng, createdMs + rng.next() * (ctx.asOf - createdMs));
    if (at >= ctx.asOf) continue;
    const marcommId = ctx.marcomm.length > 0 ? rng.pick(ctx.marcomm) : account.ownerId;
    const kind = rng.weighted([
      [{ type: 'event_attendance' as const, subject: `Hadir: ${rng.pick(webinarTopics)}`, by: marcommId }, 3],
      [{ type: 'telemarketing_call' as const, subject: 'Telemarketing: pembaruan data kontak', by: marcommId }, 2],
      [{ type: 'email' as const, subject: 'Newsletter bulanan', by: marcommId }, 2],
      [{ type: 'visit' as const, subject: 'Kunjungan silaturahmi', by: account.ownerId }, 2],
      [{ type: 'call' as const, subject: 'Telepon menjaga hubungan', by: account.ownerId }, 2],
    ] as const);
    addActivity(ctx, chunk, account, { type: kind.type, subject: kind.subject, at, journeyId: null, createdBy: kind.by, stage: null, alsoUsers: [] });
  }
}

function addActivity(
  ctx: Ctx,
  chunk: Chunk,
  account: AccountInfo,
  a: { type: ActivityType; subject: string; at: number; journeyId: string | null; createdBy: string; stage: Stage | null; alsoUsers: string[] },
): string {
  const { rng } = ctx;
  const id = ctx.ids.at(a.at);
  chunk.activities.push({
    id,
    type: a.type,
    subject: a.subject,
    notes: rng.chance(0.35) ? rng.pick(activityNotes) : null,
    occurredAt: iso(a.at),
    accountId: account.id,
    journeyId: a.journeyId,
    outcome: rng.chance(0.6) ? rng.pick(outcomesText) : null,
    nextStep: a.stage && rng.chance(0.5) ? rng.pick(nextSteps[a.stage]) : null,
    createdBy: a.createdBy,
  });
  chunk.participants.push({ activityId: id, participantType: 'user', participantId: a.createdBy });
  for (const user of a.alsoUsers) if (user !== a.createdBy) chunk.participants.push({ activityId: id, participantType: 'user', participantId: user });
  const contacts = a.type === 'email' && a.journeyId === null ? 1 : rng.weighted([[0, 8], [1, 70], [2, 18], [3, 4]] as const);
  const chosen = rng.sampleDistinct(account.contacts.map((c) => [c.id, c.weight] as const), contacts);
  for (const contactId of chosen) chunk.participants.push({ activityId: id, participantType: 'contact', participantId: contactId });
  return id;
}


// ---------------------------------------------------------------------------------------------
// The selling playbook: gate evidence, overrides, the IT-environment assessment

interface AccountRisk {
  id: string;
  category: ItCategory;
  /** The status since `updatedAt`; before it the risk was open, as recorded. */
  status: MitigationStatus;
  createdAt: number;
  updatedAt: number;
}

interface EvidenceActivity {
  id: string;
  type: ActivityType;
  at: number;
  occurredAt: string;
  createdBy: string;
  userIds: string[];
}

interface EvidenceTick {
  id: string;
  gateId: string;
  note: string;
  at: number;
}

/** Evidence for `gateId` is held back before `until` (Infinity: it is still missing today). */
interface Withholding {
  gateId: string;
  until: number;
}

interface JourneyPlaybook {
  saId: string | null;
  withhold: Withholding[];
  /** Moves (by event index) a sales manager let past a gate, with the gate meant to be skipped. */
  overrides: Map<number, string>;
}

/** Share of forward moves that go through on an override instead of their evidence. */
export const OVERRIDE_SHARE = 0.03;
/** Share of open journeys whose current stage still lacks some of its evidence today. */
export const UNMET_SHARE = 0.45;

/** The gates a seeded override or an open journey may leave unmet (the contact gate is always met: accounts have contacts). */
const skippableGates: Record<Stage, readonly string[]> = {
  knowledge: ['first-touch'],
  persuasion: ['it-assessment'],
  decision: ['sa-demo'],
  implementation: ['go-live', 'go-live', 'kick-off'],
  confirmation: ['satisfaction'],
};

const gatesById = new Map<string, Gate>(defaultPipelineStages.flatMap((s) => s.gates.map((g) => [g.id, g] as const)));

/** The IT-risk categories whose risks can meet the persuasion gate for a solution category. */
function candidateRiskCategories(solutionCategory: string): ItCategory[] {
  return itCategories.filter((c) => solutionCategoriesFor(c, defaultRiskSolutionMap).includes(solutionCategory));
}

function planPlaybook(ctx: Ctx, plan: JourneyPlan): JourneyPlaybook {
  const { rng } = ctx;
  const reachedDecision = plan.events.some((e) => e.to === 'decision');
  const saId = reachedDecision || rng.chance(0.3) ? rng.pick(ctx.sas) : null;
  const withhold: Withholding[] = [];
  const overrides = new Map<number, string>();
  for (const [i, e] of plan.events.entries()) {
    if (e.kind !== 'move' && e.kind !== 'adopt') continue;
    const left: Stage = e.kind === 'adopt' ? 'confirmation' : (e.from ?? 'knowledge');
    if (!rng.chance(OVERRIDE_SHARE)) continue;
    const gateId = rng.pick(skippableGates[left]);
    withhold.push({ gateId, until: e.at });
    overrides.set(i, gateId);
  }
  const last = plan.events[plan.events.length - 1];
  if (last && last.outcome === 'open' && rng.chance(UNMET_SHARE)) withhold.push({ gateId: rng.pick(skippableGates[last.to]), until: Infinity });
  return { saId, withhold, overrides };
}

/** Whether the activity would meet a gate whose evidence the plan holds back at that moment. */
function withheld(playbook: JourneyPlaybook, a: { type: ActivityType; createdBy: string; userIds: string[] }, at: number): boolean {
  for (const w of playbook.withhold) {
    if (at >= w.until) continue;
    const gate = gatesById.get(w.gateId);
    if (!gate || (gate.kind !== 'activity' && gate.kind !== 'sa_meeting' && gate.kind !== 'survey')) continue;
    const evidence: GateEvidence = {
      journey: { saId: playbook.saId, marcommId: null, expectedDecisionDate: null, valueMinor: 0, principalInvolvement: null, solutionCategory: '' },
      contacts: [],
      activities: [{ id: 'candidate', type: a.type, occurredAt: '', createdBy: a.createdBy, userIds: a.userIds }],
      risks: [],
      riskMap: [],
      ticks: [],
    };
    if (checkGate(gate, evidence).met) return true;
  }
  return false;
}

/** The gates of `stage` that the evidence recorded before `at` leaves unmet, in the service's shape. */
function unmetGatesAt(
  account: AccountInfo,
  journey: GateEvidence['journey'],
  stage: Stage,
  at: number,
  activities: readonly EvidenceActivity[],
  ticks: readonly EvidenceTick[],
): UnmetGate[] {
  const config = defaultPipelineStages.find((s) => s.stage === stage);
  if (!config) return [];
  const evidence: GateEvidence = {
    journey,
    contacts: account.contacts.filter((c) => c.createdAt < at).map((c) => ({ id: c.id })),
    activities: activities
      .filter((a) => a.at < at)
      .map((a) => ({ id: a.id, type: a.type, occurredAt: a.occurredAt, createdBy: a.createdBy, userIds: a.userIds })),
    risks: account.risks
      .filter((r) => r.createdAt < at)
      .map((r) => ({ id: r.id, category: r.category, mitigationStatus: r.updatedAt <= at ? r.status : ('open' as const) })),
    riskMap: defaultRiskSolutionMap,
    ticks: ticks.filter((t) => t.at < at).map((t) => ({ id: t.id, gateId: t.gateId, note: t.note })),
  };
  return config.gates
    .map((g) => checkGate(g, evidence))
    .filter((c) => !c.met)
    .map((c) => ({ stage, gateId: c.gate.id, kind: c.gate.kind, label: c.gate.label }));
}

/** The go-live tick (implementation's manual gate), late in implementation unless the plan holds it back. */
function makeGateTicks(ctx: Ctx, chunk: Chunk, plan: JourneyPlan, playbook: JourneyPlaybook, journeyId: string, tickedBy: string): EvidenceTick[] {
  const { rng } = ctx;
  const { events } = plan;
  const i = events.findIndex((e) => e.kind === 'move' && e.to === 'implementation');
  const entered = events[i];
  if (!entered) return [];
  const next = events[i + 1];
  if (next && next.kind !== 'move') return [];
  const end = Math.min(next?.at ?? ctx.asOf, ctx.asOf);
  let at = Math.min(end - 60_000, Math.max(entered.at + 60_000, workingHours(rng, entered.at + (end - entered.at) * rng.uniform(0.7, 0.95))));
  const held = playbook.withhold.find((w) => w.gateId === 'go-live' && at < w.until);
  if (held) {
    // Overridden: the customer's sign-off came after the journey had moved on, or never.
    if (!next || !Number.isFinite(held.until) || !rng.chance(0.5)) return [];
    const after = Math.min(events[i + 2]?.at ?? ctx.asOf, ctx.asOf);
    at = Math.min(after - 60_000, next.at + (after - next.at) * rng.uniform(0.1, 0.5));
    if (at <= next.at) return [];
  }
  const tick = { id: ctx.ids.at(at), gateId: 'go-live', note: rng.pick(goLiveNotes), at: Math.floor(at) };
  chunk.ticks.push({ id: tick.id, journeyId, gateId: tick.gateId, note: tick.note, tickedBy, at: iso(tick.at) });
  return [tick];
}

const likelihoodWeights = [[1, 1], [2, 3], [3, 4], [4, 3], [5, 1.5]] as const;
const criticalityWeights = [[1, 0.5], [2, 1.5], [3, 3], [4, 3], [5, 2]] as const;

/**
 * The account's IT-environment assessment: the risks (and the inventory behind them) that let
 * journeys leave persuasion, recorded during persuasion by the journey's SA; a cross-sell risk
 * now and then; and for some accounts without any journey yet, an assessment whose open risks
 * the recommendations turn into solutions to propose. A risk never meets a persuasion gate the
 * plan holds back (an override, or a gate open today).
 */
function makeAssessment(ctx: Ctx, chunk: Chunk, account: AccountInfo, createdMs: number, plans: readonly JourneyPlan[], playbooks: readonly JourneyPlaybook[]): void {
  const { rng } = ctx;
  const blockers: { category: string; until: number }[] = [];
  for (const [k, plan] of plans.entries()) {
    for (const w of playbooks[k]?.withhold ?? []) if (w.gateId === 'it-assessment') blockers.push({ category: plan.solution.line.category, until: w.until });
  }
  const free = (c: ItCategory, at: number) => !blockers.some((b) => at < b.until && solutionCategoriesFor(c, defaultRiskSolutionMap).includes(b.category));

  for (const [k, plan] of plans.entries()) {
    const playbook = playbooks[k];
    if (!playbook) continue;
    const { events } = plan;
    const i = events.findIndex((e) => e.kind === 'move' && e.to === 'persuasion');
    const entered = events[i];
    if (!entered) continue;
    const next = events[i + 1];
    const end = Math.min(next?.at ?? ctx.asOf, ctx.asOf);
    const held = playbook.withhold.find((w) => w.gateId === 'it-assessment');
    let at: number | null = null;
    if (held) {
      // Overridden: the assessment came after the move, if at all; still missing today: none yet.
      if (Number.isFinite(held.until) && rng.chance(0.5)) at = held.until + (ctx.asOf - held.until) * rng.uniform(0.05, 0.3);
    } else if (!next || next.kind === 'move' || rng.chance(0.6)) {
      at = Math.min(end - 60_000, Math.max(entered.at + 60_000, entered.at + (end - entered.at) * rng.uniform(0.15, 0.85)));
    }
    if (at === null) continue;
    const candidates = candidateRiskCategories(plan.solution.line.category);
    if (candidates.length === 0) continue;
    const at0 = at;
    const fitting = candidates.filter((c) => free(c, at0));
    if (held && fitting.length === 0) continue;
    const category = rng.pick(fitting.length > 0 ? fitting : candidates);
    const ownerId = playbook.saId ?? rng.pick(ctx.sas);
    const last = events[events.length - 1] ?? entered;
    const anchor = Math.max(at, last.at);
    const status: MitigationStatus =
      anchor >= ctx.asOf - DAY
        ? 'open'
        : last.outcome === 'adopted' || (last.outcome === 'open' && last.to === 'confirmation')
          ? rng.weighted([['mitigated', 7], ['planned', 3]] as const)
          : last.outcome === 'open' && last.to === 'implementation'
            ? rng.weighted([['planned', 6], ['open', 4]] as const)
            : last.outcome === 'open'
              ? rng.weighted([['open', 7], ['planned', 3]] as const)
              : rng.weighted([['open', 5], ['accepted', 5]] as const);
    const changedAt = status === 'open' ? at : anchor + (ctx.asOf - anchor) * rng.uniform(0.05, 0.6);
    addRisk(ctx, chunk, account, { category, at, status, changedAt, ownerId });
    // The same assessment often turns up a second risk: a cross-sell lead.
    if (rng.chance(0.3)) {
      const others = itCategories.filter((c) => c !== category && free(c, at0));
      if (others.length > 0) {
        const other = rng.pick(others);
        const otherStatus = rng.weighted([['open', 5], ['planned', 2], ['accepted', 1]] as const);
        addRisk(ctx, chunk, account, { category: other, at: at + 60_000, status: otherStatus, changedAt: otherStatus === 'open' ? at + 60_000 : at + (ctx.asOf - at) * rng.uniform(0.1, 0.8), ownerId });
      }
    }
  }

  // An assessment outside any journey: most accounts without a journey yet, some others.
  if (plans.length === 0 ? rng.chance(0.6) : rng.chance(0.2)) {
    const at = createdMs + (ctx.asOf - createdMs) * rng.uniform(0.3, 0.95);
    const ownerId = rng.pick(ctx.sas);
    const count = plans.length === 0 ? 1 + Math.min(3, rng.poisson(1)) : 1;
    const categories = rng.sampleDistinct(itCategories.filter((c) => free(c, at)).map((c) => [c, 1] as const), count);
    for (const category of categories) {
      const status = rng.weighted([['open', 6], ['planned', 3], ['accepted', 1]] as const);
      addRisk(ctx, chunk, account, { category, at, status, changedAt: status === 'open' ? at : at + (ctx.asOf - at) * rng.uniform(0.1, 0.9), ownerId });
    }
    // Inventory with no risk attached: the rest of the installed base the SA wrote down.
    for (let n = rng.int(0, 2); n > 0; n--) addInventoryItem(ctx, chunk, account, rng.pick(itCategories), at);
  }
}

function addInventoryItem(ctx: Ctx, chunk: Chunk, account: AccountInfo, category: ItCategory, at: number): SeedInventoryItem {
  const { rng } = ctx;
  const template = rng.pick(inventoryCatalogue[category]);
  const created = Math.floor(at) - rng.int(1, 50) * 60_000;
  const item: SeedInventoryItem = {
    id: ctx.ids.at(created),
    accountId: account.id,
    category,
    vendor: template.vendor,
    product: template.product,
    productVersion: rng.chance(0.9) ? rng.pick(template.versions) : null,
    endOfLife: template.endOfLife,
    criticality: rng.weighted(criticalityWeights),
    createdAt: iso(created),
    updatedAt: iso(created),
  };
  chunk.inventory.push(item);
  return item;
}

function addRisk(
  ctx: Ctx,
  chunk: Chunk,
  account: AccountInfo,
  r: { category: ItCategory; at: number; status: MitigationStatus; changedAt: number; ownerId: string },
): void {
  const { rng } = ctx;
  const at = Math.floor(r.at);
  const changedAt = Math.min(ctx.asOf - 60_000, Math.max(at, Math.floor(r.changedAt)));
  const threat = rng.pick(threatCatalogue[r.category]);
  // The installed base behind the risk: the item a threat names, and sometimes another of the same kind.
  const item = addInventoryItem(ctx, chunk, account, r.category, at);
  if (rng.chance(0.35)) addInventoryItem(ctx, chunk, account, r.category, at);
  const template = inventoryCatalogue[r.category].find((t) => t.vendor === item.vendor && t.product === item.product);
  const text = threat.needsItem ? threat.text.replace('{item}', template?.short ?? `${item.vendor} ${item.product}`) : threat.text;
  const endOfLifePassed = item.endOfLife !== null && Date.parse(item.endOfLife) < at;
  const id = ctx.ids.at(at);
  const changed = r.status !== 'open' && changedAt > at;
  chunk.risks.push({
    id,
    accountId: account.id,
    threat: text,
    category: r.category,
    likelihood: Math.min(5, rng.weighted(likelihoodWeights) + (threat.needsItem && endOfLifePassed ? 1 : 0)),
    impact: rng.weighted(likelihoodWeights),
    mitigationStatus: changed ? r.status : 'open',
    ownerId: r.ownerId,
    version: changed ? 2 : 1,
    createdAt: iso(at),
    updatedAt: iso(changed ? changedAt : at),
  });
  account.risks.push({ id, category: r.category, status: changed ? r.status : 'open', createdAt: at, updatedAt: changed ? changedAt : at });
}
