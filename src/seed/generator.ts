import { Faker, base, en, id_ID } from '@faker-js/faker';
import { searchText } from '../db/dialect.js';
import type {
  SeedAccount,
  SeedActivity,
  SeedContact,
  SeedConsent,
  SeedHistoryRow,
  SeedJourney,
  SeedParticipant,
  SeedRecords,
  SeedSolution,
  SeedTable,
  SeedTask,
  SeedUser,
} from '../db/repositories/seed.repository.js';
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
    const chunk: Chunk = { accounts: [], contacts: [], journeys: [], history: [], activities: [], participants: [], tasks: [] };
    for (let i = 0; i < count; i++) makeAccount(ctx, chunk);
    yield { table: 'accounts', rows: chunk.accounts };
    yield { table: 'contacts', rows: chunk.contacts };
    yield { table: 'journeys', rows: chunk.journeys };
    yield { table: 'journey_stage_history', rows: chunk.history };
    yield { table: 'activities', rows: chunk.activities };
    yield { table: 'activity_participants', rows: chunk.participants };
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
  journeys: SeedJourney[];
  history: SeedHistoryRow[];
  activities: SeedActivity[];
  participants: SeedParticipant[];
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
  contacts: { id: string; weight: number }[];
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

  const info: AccountInfo = { id, name, industry, tier, sizeBand, city, team, ownerId, z, contacts: [] };
  makeContacts(ctx, chunk, info, createdMs, domain);

  let adopted = false;
  let lastTouch = createdMs;
  for (const plan of journeyPlans) {
    const journey = writeJourney(ctx, chunk, info, plan);
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

function makeContacts(ctx: Ctx, chunk: Chunk, account: AccountInfo, accountCreated: number, domain: string): void {
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
    const createdMs = Math.min(ctx.asOf - HOUR, accountCreated + rng.int(0, 500) * DAY + rng.int(1, 9) * HOUR);
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
    account.contacts.push({ id, weight });
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

function writeJourney(ctx: Ctx, chunk: Chunk, account: AccountInfo, plan: JourneyPlan): SeedJourney {
  const { rng } = ctx;
  const { solution, events } = plan;
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error('a journey plan without events');
  const reachedDecision = events.some((e) => e.to === 'decision');
  const ownerId = rng.chance(0.93) || account.team.ams.length < 2 ? account.ownerId : rng.pick(account.team.ams);
  const saId = reachedDecision || rng.chance(0.3) ? rng.pick(ctx.sas) : null;
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
  }));
  chunk.history.push(...history);

  // The moment the current stage was entered: the last row that changed the stage (as the service records it).
  let stageEnteredAt = first.at;
  for (const e of events) if (e.kind === 'open' || e.kind === 'move') stageEnteredAt = e.at;

  const lastActivity = makeJourneyActivities(ctx, chunk, account, plan, id, ownerId, saId, marcommId);
  const closed = last.outcome !== 'open';
  const updatedMs = Math.max(last.at, lastActivity ?? 0);

  const usd = rng.chance(solution.line.usdShare);
  const idr = solution.line.typicalValueIdr * (sizeFactor[account.sizeBand] ?? 1) * rng.logNormal(1, 0.45);
  const valueMinor = usd
    ? Math.max(1, Math.round(idr / ctx.usdRate(plan.decisionAt) / 500)) * 500 * 100
    : Math.max(1, Math.round(idr / 1_000_000)) * 1_000_000 * 100;

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
    expectedDecisionDate: iso(plan.decisionAt).slice(0, 10),
    principalInvolvement: reachedDecision && rng.chance(0.55) ? rng.pick(principalInvolvements).replace('{p}', rng.pick(solution.principalNames)) : null,
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
  knowledge: [],
  persuasion: [{ type: 'meeting', subject: () => 'Assessment lingkungan TI', by: 'sa' }],
  decision: [{ type: 'demo', subject: (s) => `Demo ${s} oleh solution architect`, by: 'sa' }],
  implementation: [{ type: 'implementation_session', subject: () => 'Kick-off implementasi', by: 'sa' }],
  confirmation: [
    { type: 'implementation_session', subject: () => 'Go-live dan serah terima', by: 'sa' },
    { type: 'survey', subject: () => 'Survei kepuasan (CSAT/NPS)', by: 'owner' },
  ],
};
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
  journeyId: string,
  ownerId: string,
  saId: string | null,
  marcommId: string | null,
): number | null {
  const { rng } = ctx;
  const { events } = plan;
  let latest: number | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!e || (e.kind !== 'open' && e.kind !== 'move')) continue;
    const stage = e.to;
    const start = e.at;
    const end = Math.min(events[i + 1]?.at ?? ctx.asOf, ctx.asOf);
    if (end <= start) continue;
    const span = end - start;
    const planned: { kind: ActivityKind; at: number }[] = stageMilestones[stage].map((kind, k) => ({
      kind,
      // Milestones sit late in persuasion/decision (evidence to leave) and at the edges of implementation.
      at: stage === 'implementation' ? start + span * 0.05 : stage === 'confirmation' ? start + span * (k === 0 ? 0.02 : 0.8) : start + span * rng.uniform(0.5, 0.9),
    }));
    // A stage still open today has only the part that has happened so far.
    const openShare = events[i + 1] ? 1 : Math.min(1, span / (60 * DAY));
    const extras = rng.poisson(extraPerStage[stage] * openShare);
    for (let k = 0; k < extras; k++) planned.push({ kind: rng.weighted(stageActivities[stage]), at: start + span * rng.next() });
    planned.sort((a, b) => a.at - b.at);
    for (const { kind, at } of planned) {
      if (at > ctx.asOf) continue;
      const when = Math.min(ctx.asOf - 60_000, Math.max(start + 60_000, workingHours(rng, at)));
      const by = kind.by === 'sa' ? saId ?? ownerId : kind.by === 'marcomm' ? marcommId ?? ownerId : ownerId;
      addActivity(ctx, chunk, account, {
        type: kind.type,
        subject: kind.subject(plan.solution.line.name),
        at: when,
        journeyId,
        createdBy: by,
        stage,
        alsoUsers: kind.type === 'demo' && by !== ownerId ? [ownerId] : [],
      });
      latest = latest === null ? when : Math.max(latest, when);
    }
  }
  return latest;
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
): void {
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
}

