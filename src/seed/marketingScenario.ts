import { isPositive } from '../domain/campaigns.js';
import type { Actor } from '../domain/policy.js';
import { repositories } from '../db/repositories/index.js';
import type { Deps } from '../services/context.js';
import { createServices } from '../services/index.js';
import type { Clock, IdGenerator } from '../services/ports.js';
import { campaignCreate, responseCreate } from '../shared/schemas/campaigns.js';
import { consentsInput, whatsappTemplateCreate } from '../shared/schemas/channels.js';
import { contentLinkCreate, personaMessageCreate, playbookEntryCreate } from '../shared/schemas/content.js';
import { solutionListQuery, type Solution } from '../shared/schemas/catalogue.js';
import { journeyListQuery, journeyPatch } from '../shared/schemas/journeys.js';
import { segmentCreate } from '../shared/schemas/segments.js';
import { callEntryQuery, callListCreate } from '../shared/schemas/telemarketing.js';
import { userListQuery, type User } from '../shared/schemas/users.js';
import { DEFAULT_AS_OF, demoLoginEmails } from './generator.js';
import { Rng, SeededIds } from './random.js';

export interface ScenarioSummary {
  segments: number;
  staticSegments: number;
  /** Solution × segment cells of the targeting matrix: one primary per solution, some secondary. */
  primaryTargets: number;
  secondaryTargets: number;
  positioned: number;
  personaMessages: number;
  contentItems: number;
  playbookEntries: number;
  campaigns: number;
  responses: number;
  /** Journeys the scenario's campaign responses and calls opened at the knowledge stage, and live ones they touched. */
  journeysOpened: number;
  journeysTouched: number;
  callLists: number;
  callsRecorded: number;
  handoffs: number;
  templates: number;
  consents: number;
}

export interface ScenarioOptions {
  /** The generator's "now" (default DEFAULT_AS_OF): the story sits in the weeks before it, or before the clock if that is earlier. */
  asOf?: string;
  /** Seeds the scenario's ids, so the same seed gives the same records. */
  seed?: number;
}

/** The workspace already has marketing records: the scenario is written once, into the fresh demo only. */
export class ScenarioAlreadySeededError extends Error {
  constructor() {
    super('The workspace already has segments or campaigns; the demo marketing scenario goes only into a freshly seeded workspace.');
  }
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Asia/Jakarta is UTC+7 all year. */
const JAKARTA_OFFSET = 7 * HOUR;

/**
 * A clock the story moves by hand. The services date what they write with `deps.clock`, so
 * running them under this clock places each step on its day in the weeks before `asOf` (as the
 * bulk generator places its rows), instead of piling every record on the moment of seeding.
 */
function storyClock(anchor: number) {
  let current = anchor;
  const anchorDay = Math.floor((anchor + JAKARTA_OFFSET) / DAY) * DAY - JAKARTA_OFFSET;
  const clock: Clock = { now: () => new Date(current) };
  return {
    clock,
    /** Moves the story to `daysBefore` the anchor's calendar day (Jakarta), at hh:mm in Jakarta; never after the anchor. */
    at(daysBefore: number, hour: number, minute = 0): number {
      current = Math.min(anchor, anchorDay - daysBefore * DAY + hour * HOUR + minute * 60_000);
      return current;
    },
    /** The Jakarta calendar date `days` after the anchor's (negative: before), without moving the story. */
    date(days: number): string {
      return new Date(anchorDay + days * DAY + JAKARTA_OFFSET).toISOString().slice(0, 10);
    },
  };
}

/** UUIDv7-shaped ids timed by the story clock (as the generator's are by its rows' times), random part from the seed. */
function storyIds(clock: Clock, seed: number): IdGenerator {
  const seeded = new SeededIds(new Rng(seed ^ 0x5ce7a210));
  return { next: () => seeded.at(clock.now().getTime()) };
}

/**
 * The marketing side of the demo workspace: segments (one frozen), the targeting matrix, value
 * pillars and persona messages, content links and playbook entries that use them, WhatsApp
 * templates, a webinar whose responses open and touch journeys, a draft roadshow, a telemarketing
 * campaign worked by two callers, consent records (one opt-out) and AM → SA handoffs.
 *
 * Unlike the bulk generator it goes through the services, acting as the demo's own people (the
 * demo logins first), so every rule holds: audience snapshots, journeys opened by responses,
 * consent, audit entries and the outbox events automation reacts to. Deterministic for a seed:
 * it picks by sorted order, never at random, and its ids come from the seed.
 */
export async function seedMarketingScenario(deps: Deps, options: ScenarioOptions = {}): Promise<ScenarioSummary> {
  const asOf = Date.parse(options.asOf ?? DEFAULT_AS_OF);
  const story = storyClock(Math.min(asOf, deps.clock.now().getTime()));
  const storyDeps: Deps = { ...deps, clock: story.clock, ids: storyIds(story.clock, options.seed ?? 1) };
  const services = createServices(storyDeps);
  const repos = repositories(deps.db.kysely, deps.db.dialect);
  if ((await repos.segments.list()).length > 0 || (await repos.campaigns.list({})).length > 0) throw new ScenarioAlreadySeededError();

  // --- the people ---------------------------------------------------------------------------
  const usersOf = async (role: User['role']) => {
    const active = (await repos.users.list(userListQuery.parse({ role, limit: 200, sort: 'createdAt' }))).items.filter((u) => u.active);
    // The demo login of the role first, so whoever signs in as it sees the scenario.
    return [...active.filter((u) => u.email === demoLoginEmails[role]), ...active.filter((u) => u.email !== demoLoginEmails[role])];
  };
  const actor = (u: User): Actor => ({ userId: u.id, role: u.role, teamId: u.teamId });
  const [marcomm] = await usersOf('marcomm');
  const managers = await usersOf('sales_manager');
  const ams = await usersOf('account_manager');
  const sas = await usersOf('solution_architect');
  const [am] = ams;
  const enterpriseManager = managers.find((m) => m.teamId !== am?.teamId) ?? managers[0];
  if (!marcomm || !am || !enterpriseManager || ams.length < 2 || sas.length === 0) throw new Error('the marketing scenario needs the demo people (marcomm, a sales manager, two AMs, an SA)');
  const marketer = actor(marcomm);
  const summary: ScenarioSummary = {
    segments: 0,
    staticSegments: 0,
    primaryTargets: 0,
    secondaryTargets: 0,
    positioned: 0,
    personaMessages: 0,
    contentItems: 0,
    playbookEntries: 0,
    campaigns: 0,
    responses: 0,
    journeysOpened: 0,
    journeysTouched: 0,
    callLists: 0,
    callsRecorded: 0,
    handoffs: 0,
    templates: 0,
    consents: 0,
  };

  // --- segments (six weeks ago) -------------------------------------------------------------
  let minute = 0;
  const segment = async (name: string, description: string, rule: unknown) => {
    story.at(45, 9, (minute += 7));
    summary.segments += 1;
    return services.segments.create(marketer, segmentCreate.parse({ name, description, rule }));
  };
  const itLeaders = await segment('Pimpinan TI di Jabodetabek', 'Manajer ke atas di divisi TI, akun di Jabodetabek: sasaran utama solusi pusat data, cloud dan jaringan.', {
    all: [
      { field: 'account.region', op: 'eq', value: 'jabodetabek' },
      { field: 'contact.division', op: 'eq', value: 'it' },
      { field: 'contact.seniority', op: 'in', value: ['manager', 'senior_manager', 'director', 'cxo'] },
    ],
  });
  const finance = await segment('Perbankan & keuangan, enterprise', 'Bank, asuransi dan lembaga keuangan tingkat enterprise: sasaran solusi keamanan.', {
    all: [
      { field: 'account.industry', op: 'in', value: ['banking', 'insurance', 'finance'] },
      { field: 'account.tier', op: 'eq', value: 'enterprise' },
    ],
  });
  const businessBeginners = await segment('Pengguna bisnis pemula', 'Kontak non-TI yang masih pemula teknologi: materi edukasi, kolaborasi dan aplikasi.', {
    all: [
      { field: 'contact.tech_proficiency', op: 'eq', value: 'beginner' },
      { not: { field: 'contact.division', op: 'eq', value: 'it' } },
    ],
  });
  const openLeaders = await segment('Pimpinan yang terbuka pada teknologi baru', 'Direktur dan CxO dengan keterbukaan tinggi: calon pengadopsi awal analitik dan AI.', {
    all: [
      { field: 'contact.seniority', op: 'in', value: ['director', 'cxo'] },
      { field: 'contact.openness', op: 'eq', value: 'high' },
    ],
  });
  const dormantBeginners = await segment('Pemula yang 60 hari tak tersentuh', 'Kontak pemula teknologi yang akunnya tidak punya aktivitas 60 hari terakhir: sasaran telemarketing reaktivasi.', {
    all: [
      { field: 'contact.tech_proficiency', op: 'eq', value: 'beginner' },
      { field: 'account.activity', op: 'not_within_days', value: { days: 60 } },
      { field: 'contact.phone', op: 'exists' },
    ],
  });
  // The webinar's invitation list, frozen: later changes to the accounts do not move it.
  const webinarList = await segment('Undangan webinar pusat data (tetap)', 'Daftar statis untuk webinar pusat data: pimpinan TI perusahaan menengah dan besar.', {
    all: [
      { field: 'contact.division', op: 'eq', value: 'it' },
      { field: 'contact.seniority', op: 'in', value: ['manager', 'senior_manager', 'director'] },
      { field: 'account.size_band', op: 'in', value: ['250-999', '1000-4999', '5000+'] },
    ],
  });
  story.at(31, 10);
  const frozen = await services.segments.freeze(marketer, webinarList.id, webinarList.version);
  summary.staticSegments += 1;

  // --- targeting: concentrated, one primary segment per solution by its category ---------------
  story.at(44, 14);
  const solutions = (await repos.catalogue.listSolutions(solutionListQuery.parse({ limit: 200 }))).items;
  const primaryFor = (category: Solution['category']) =>
    category === 'data_center' || category === 'cloud' || category === 'networking' ? itLeaders : category === 'security' ? finance : category === 'analytics' ? openLeaders : businessBeginners;
  const secondaryFor = (category: Solution['category']) =>
    category === 'security' ? itLeaders : category === 'data_center' ? finance : category === 'collaboration' ? dormantBeginners : null;
  for (const solution of solutions) {
    await services.targeting.setTarget(marketer, solution.id, primaryFor(solution.category).id, 'primary');
    summary.primaryTargets += 1;
    const secondary = secondaryFor(solution.category);
    if (secondary) {
      await services.targeting.setTarget(marketer, solution.id, secondary.id, 'secondary');
      summary.secondaryTargets += 1;
    }
  }

  // --- positioning: value pillars and persona messages, in Indonesian and English ---------------
  const byName = (name: string) => solutions.find((s) => s.name === name);
  const dataCenter = byName('Data Center & Cloud Infrastructure') ?? solutions[0];
  const security = byName('Adaptive Security Architecture') ?? solutions[1];
  const collaboration = byName('Unified Collaboration') ?? solutions[2];
  if (!dataCenter || !security || !collaboration) throw new Error('the marketing scenario needs the demo solutions');
  const positioning: Array<[Solution, [string, string][], [('beginner' | 'advanced'), string, string][]]> = [
    [
      dataCenter,
      [
        ['Infrastruktur pusat data dari prinsipal terdepan, dirancang dan dijalankan oleh arsitek bersertifikat.', 'Data-center infrastructure from leading principals, designed and run by certified architects.'],
        ['Migrasi tanpa henti layanan dengan metodologi yang sudah teruji di ratusan pelanggan.', 'Migration without downtime, with a method proven at hundreds of customers.'],
        ['Satu titik kontak untuk dukungan 24×7 dan laporan kesehatan bulanan.', 'One point of contact for 24×7 support and a monthly health report.'],
      ],
      [
        ['beginner', 'Pusat data yang andal membuat layanan bisnis Anda tetap berjalan — kami yang mengurus teknisnya.', 'A reliable data center keeps your business services running — we take care of the technical side.'],
        ['advanced', 'Arsitektur referensi kami mendukung hybrid cloud dengan otomasi penuh dan RPO di bawah 15 menit.', 'Our reference architecture supports hybrid cloud with full automation and an RPO under 15 minutes.'],
      ],
    ],
    [
      security,
      [
        ['Arsitektur keamanan adaptif yang menggabungkan prinsipal kelas dunia.', 'An adaptive security architecture that brings world-class principals together.'],
        ['Penilaian risiko TI dan rencana mitigasi yang terukur sebelum implementasi.', 'An IT risk assessment and a measurable mitigation plan before implementation.'],
        ['Pendampingan kepatuhan regulasi OJK dan BI.', 'Guidance through OJK and Bank Indonesia compliance.'],
      ],
      [
        ['beginner', 'Lindungi data nasabah dan reputasi perusahaan dari ancaman siber yang terus berubah.', 'Protect customer data and your reputation from ever-changing cyber threats.'],
        ['advanced', 'Deteksi dan respons terintegrasi dari endpoint hingga cloud, dengan playbook SOC yang siap pakai.', 'Integrated detection and response from endpoint to cloud, with ready-made SOC playbooks.'],
      ],
    ],
    [
      collaboration,
      [
        ['Platform kolaborasi yang langsung dipakai tim tanpa pelatihan panjang.', 'A collaboration platform teams use at once, without long training.'],
        ['Integrasi dengan sistem telepon dan ruang rapat yang sudah ada.', 'Integration with the phone system and meeting rooms you already have.'],
        ['Adopsi pengguna diukur dan didampingi selama 90 hari pertama.', 'User adoption measured and coached for the first 90 days.'],
      ],
      [['beginner', 'Rapat, chat dan berbagi dokumen dalam satu aplikasi — semudah aplikasi pesan di ponsel Anda.', 'Meetings, chat and document sharing in one app — as easy as the messaging app on your phone.']],
    ],
  ];
  story.at(40, 10);
  for (const [solution, pillars, messages] of positioning) {
    const statements = (['product_leadership', 'operational_excellence', 'customer_experience'] as const).map((pillar, i) => ({ pillar, statementId: pillars[i]![0], statementEn: pillars[i]![1] }));
    await services.positioning.putPillars(marketer, solution.id, { version: 0, pillars: statements });
    for (const [proficiency, textId, textEn] of messages) {
      await services.positioning.createMessage(marketer, solution.id, personaMessageCreate.parse({ proficiency, textId, textEn, division: proficiency === 'advanced' ? 'it' : null }));
      summary.personaMessages += 1;
    }
    summary.positioned += 1;
  }

  // --- the content library: links only (no uploads), tagged by solution, persona, stage, language
  story.at(38, 13);
  const link = async (input: { title: string; url: string; language: 'id' | 'en'; solutionIds: string[]; proficiencies: string[]; stages: string[] }) => {
    summary.contentItems += 1;
    return services.content.createLink(marketer, contentLinkCreate.parse(input));
  };
  const caseStudy = await link({ title: 'Studi kasus: migrasi pusat data Bank Daerah', url: 'https://example.com/studi-kasus/pusat-data-bank-daerah', language: 'id', solutionIds: [dataCenter.id], proficiencies: ['beginner'], stages: ['persuasion'] });
  const referenceArchitecture = await link({ title: 'Reference architecture: hybrid cloud data center', url: 'https://example.com/whitepaper/hybrid-cloud-reference', language: 'en', solutionIds: [dataCenter.id], proficiencies: ['advanced'], stages: ['persuasion', 'decision'] });
  const securityGuide = await link({ title: 'Panduan pemula: apa itu arsitektur keamanan adaptif?', url: 'https://example.com/panduan/keamanan-adaptif', language: 'id', solutionIds: [security.id], proficiencies: ['beginner'], stages: ['knowledge'] });
  const ojkChecklist = await link({ title: 'Checklist kepatuhan OJK untuk keamanan siber', url: 'https://example.com/checklist/ojk-keamanan-siber', language: 'id', solutionIds: [security.id], proficiencies: ['advanced'], stages: ['decision'] });
  await link({ title: 'Video: satu hari bekerja dengan Unified Collaboration', url: 'https://example.com/video/unified-collaboration', language: 'id', solutionIds: [collaboration.id], proficiencies: ['beginner'], stages: ['knowledge', 'persuasion'] });

  // --- playbook entries that hand the seller that content at the right stage --------------------
  story.at(37, 11);
  for (const entry of [
    {
      stage: 'knowledge',
      proficiency: 'beginner',
      kind: 'talk_track',
      titleId: 'Buka percakapan keamanan dari risiko bisnis',
      titleEn: 'Open the security conversation from business risk',
      bodyId: 'Mulai dari insiden yang pernah dialami industri pelanggan, bukan dari produk. Kirim panduan pemula sesudah kunjungan.',
      bodyEn: 'Start from incidents the customer’s industry has had, not from the product. Send the beginner’s guide after the visit.',
      contentItemIds: [securityGuide.id],
    },
    {
      stage: 'persuasion',
      proficiency: 'beginner',
      kind: 'tip',
      titleId: 'Tunjukkan pelanggan serupa yang sudah berhasil',
      titleEn: 'Show a similar customer who succeeded',
      bodyId: 'Pemula lebih yakin oleh cerita sejawat: bagikan studi kasus Bank Daerah dan tawarkan kunjungan referensi.',
      bodyEn: 'Beginners are convinced by peers: share the regional-bank case study and offer a reference visit.',
      contentItemIds: [caseStudy.id],
    },
    {
      stage: 'decision',
      proficiency: 'advanced',
      division: 'it',
      kind: 'objection',
      titleId: '"Kami sudah punya firewall dan backup"',
      titleEn: '"We already have a firewall and backups"',
      bodyId: 'Akui investasi yang ada, lalu petakan celah terhadap checklist OJK dan arsitektur referensi; ajak SA menjalankan sesi teknis.',
      bodyEn: 'Acknowledge what they have, then map the gaps against the OJK checklist and the reference architecture; bring the SA for a technical session.',
      contentItemIds: [ojkChecklist.id, referenceArchitecture.id],
    },
  ]) {
    await services.playbookContent.create(marketer, playbookEntryCreate.parse(entry));
    summary.playbookEntries += 1;
  }

  // --- WhatsApp templates ---------------------------------------------------------------------
  story.at(35, 15);
  for (const template of [
    { name: 'Undangan webinar', language: 'id', body: 'Halo {{firstName}}, kami mengundang {{account}} ke webinar {{solution}} minggu depan. Boleh kami kirimkan tautan pendaftarannya? — {{sender}}' },
    { name: 'Tindak lanjut kunjungan', language: 'id', body: 'Terima kasih atas waktunya hari ini, {{name}}. Materi presentasi {{solution}} kami kirim lewat email ya. — {{sender}}' },
  ]) {
    await services.channels.createTemplate(marketer, whatsappTemplateCreate.parse(template));
    summary.templates += 1;
  }

  /** Journeys a campaign's responses opened, and live ones they touched (each journey once). */
  const tallyJourneys = async (campaignId: string) => {
    const { journeys } = await repos.campaigns.tallies(campaignId);
    summary.journeysOpened += Number(journeys.opened);
    summary.journeysTouched += Number(journeys.touched) - Number(journeys.opened);
  };

  // --- a webinar: invitations three weeks ago, registrations since, held two days ago ------------
  const startsOn = story.date(-20);
  const endsOn = story.date(-2);
  story.at(30, 10);
  const webinar = await services.campaigns.create(
    marketer,
    campaignCreate.parse({
      name: 'Webinar: Modernisasi Pusat Data',
      description: 'Webinar edukasi untuk pimpinan TI: tren hybrid cloud dan studi kasus migrasi.',
      type: 'webinar',
      channels: ['email', 'linkedin', 'whatsapp_business'],
      solutionId: dataCenter.id,
      segmentId: frozen.id,
      startsOn,
      endsOn,
      budgetMinor: 4_500_000_000,
    }),
  );
  summary.campaigns += 1;
  story.at(21, 9);
  const launched = await services.campaigns.launch(marketer, webinar.id, webinar.version);
  // The first 60 of the audience in id order: invited all, half registered, a sixth attended — a
  // handful of attendees, so the default "follow up webinar attendees" rule makes a handful of tasks.
  const audience = (await repos.campaigns.audiencePage(launched.id, 60)).items;
  const respond = async (contactId: string, kind: 'invited' | 'registered' | 'attended', at: number) => {
    await services.campaigns.addResponse(marketer, launched.id, responseCreate.parse({ contactId, kind, at: new Date(at).toISOString() }));
    summary.responses += 1;
  };
  for (const [i, member] of audience.entries()) await respond(member.contactId, 'invited', story.at(20, 9, i));
  for (const [i, member] of audience.entries()) if (i % 2 === 0) await respond(member.contactId, 'registered', story.at(19 - (i % 14), 10 + (i % 7), i));
  for (const [i, member] of audience.entries()) if (i % 6 === 0) await respond(member.contactId, 'attended', story.at(2, 10, i));
  await tallyJourneys(launched.id);

  // Registrants left their consent on the webinar form; one asked to receive no more emails.
  for (const [i, member] of audience.entries()) {
    if (i % 2 !== 0 || i > 16) continue;
    const contact = await repos.contacts.findById(member.contactId);
    const account = contact ? await repos.accounts.findById(contact.accountId) : null;
    const owner = account?.ownerId ? await repos.users.findById(account.ownerId) : null;
    if (!owner || !owner.active) continue;
    story.at(19 - (i % 14), 18, i);
    const changes =
      i === 16
        ? [{ channel: 'email', status: 'opted_out', source: 'Tautan berhenti berlangganan di email webinar', note: 'Tidak ingin menerima undangan acara lagi' }]
        : [
            { channel: 'email', status: 'opted_in', source: 'Formulir pendaftaran webinar pusat data' },
            ...(i % 4 === 0 ? [{ channel: 'whatsapp', status: 'opted_in', source: 'Formulir pendaftaran webinar pusat data' }] : []),
          ];
    await services.channels.recordConsents(actor(owner), member.contactId, consentsInput.parse({ changes }));
    summary.consents += changes.length;
  }

  // --- a roadshow the enterprise team's manager is still planning (draft) ------------------------
  story.at(6, 16);
  await services.campaigns.create(
    actor(enterpriseManager),
    campaignCreate.parse({
      name: 'Roadshow keamanan siber perbankan',
      description: 'Roadshow ke kantor pusat bank di Jakarta dan Surabaya bersama prinsipal.',
      type: 'event',
      channels: ['offline', 'email'],
      solutionId: security.id,
      segmentId: finance.id,
      startsOn: story.date(30),
      endsOn: story.date(31),
      budgetMinor: 12_000_000_000,
    }),
  );
  summary.campaigns += 1;

  // --- telemarketing: a running campaign and its call list, split between two AMs -------------------
  story.at(12, 9);
  const callCampaign = await services.campaigns.create(
    marketer,
    campaignCreate.parse({ name: 'Telemarketing reaktivasi kolaborasi', type: 'telemarketing', channels: ['phone'], solutionId: collaboration.id, segmentId: dormantBeginners.id, startsOn: story.date(-10), endsOn: null, budgetMinor: 600_000_000 }),
  );
  summary.campaigns += 1;
  story.at(10, 8);
  const runningCalls = await services.campaigns.launch(marketer, callCampaign.id, callCampaign.version);
  const callers = [am, ams.find((u) => u.id !== am.id && u.teamId === am.teamId) ?? ams[1]!];
  const calls = await services.telemarketing.create(
    marketer,
    callListCreate.parse({ name: 'Reaktivasi pemula — kolaborasi', segmentId: dormantBeginners.id, campaignId: runningCalls.id, solutionId: collaboration.id, callerIds: callers.map((u) => u.id) }),
  );
  summary.callLists += 1;
  const outcomes = ['interested', 'no_answer', 'call_back', 'meeting_booked', 'not_interested', 'no_answer', 'do_not_call', 'interested'] as const;
  for (const [c, caller] of callers.entries()) {
    const entries = (await services.telemarketing.entries(actor(caller), calls.id, callEntryQuery.parse({ callerId: caller.id, pending: 'true', limit: 8 }))).items;
    for (const [i, entry] of entries.entries()) {
      story.at(9 - (i % 4), 9 + c * 4 + Math.floor(i / 4), i * 9);
      // One do-not-call (a phone opt-out) in the whole list; the second caller's seventh call got no answer.
      const outcome = c === 1 && outcomes[i] === 'do_not_call' ? 'no_answer' : outcomes[i % outcomes.length]!;
      await services.telemarketing.recordOutcome(actor(caller), entry.id, { outcome, note: outcome === 'call_back' ? 'Minta ditelepon lagi minggu depan' : null, version: entry.version });
      summary.callsRecorded += 1;
      // On a list tied to a running campaign, an interested call is the contact replying to it.
      if (isPositive(outcome)) summary.responses += 1;
      if (outcome === 'do_not_call') summary.consents += 1;
    }
  }
  await tallyJourneys(runningCalls.id);

  // --- AM → SA handoffs: persuasion-stage journeys without an SA get one for the technical work ---
  // The demo AM's own first (whoever signs in as am@ sees them), then other AMs' in a small workspace.
  const persuasion = (ownerId?: string) =>
    repos.journeys.list(journeyListQuery.parse({ stage: 'persuasion', outcome: 'open', limit: 200, sort: 'stageEnteredAt', ...(ownerId ? { ownerId } : {}) }));
  const withoutSa = [...(await persuasion(am.id)).items, ...(await persuasion()).items].filter((j) => j.saId === null && j.ownerId !== null);
  const waiting = withoutSa.filter((j, i) => withoutSa.findIndex((k) => k.id === j.id) === i).slice(0, 3);
  const notes = [
    'Pelanggan minta demo teknis dan sizing; mohon siapkan arsitektur usulan.',
    'Hasil asesmen TI sudah ada: dua risiko tinggi di backup. Mohon review dan siapkan sesi teknis.',
    'CIO ingin bicara langsung dengan arsitek soal integrasi dengan sistem lama.',
  ];
  for (const [i, journey] of waiting.entries()) {
    const owner = ams.find((u) => u.id === journey.ownerId);
    if (!owner) continue;
    story.at(5 - i, 14);
    const sa = sas[i % sas.length]!;
    await services.journeys.update(actor(owner), journey.id, journeyPatch.parse({ saId: sa.id, version: journey.version, handoffNote: notes[i] }));
    summary.handoffs += 1;
  }
  return summary;
}
