import type { Actor } from '../domain/policy.js';
import { repositories } from '../db/repositories/index.js';
import type { Deps } from '../services/context.js';
import { createServices } from '../services/index.js';
import { campaignCreate, responseCreate } from '../shared/schemas/campaigns.js';
import { contentLinkCreate, personaMessageCreate } from '../shared/schemas/content.js';
import { segmentCreate } from '../shared/schemas/segments.js';
import { callEntryQuery, callListCreate } from '../shared/schemas/telemarketing.js';
import { userListQuery, type User } from '../shared/schemas/users.js';
import { journeyListQuery, journeyPatch } from '../shared/schemas/journeys.js';
import { solutionListQuery } from '../shared/schemas/catalogue.js';
import { whatsappTemplateCreate } from '../shared/schemas/channels.js';

export interface ScenarioSummary {
  segments: number;
  targets: number;
  positioned: number;
  contentItems: number;
  campaigns: number;
  responses: number;
  callLists: number;
  callsRecorded: number;
  handoffs: number;
  templates: number;
}

/**
 * The marketing side of the demo workspace (issue 4): segments, targeting, positioning, content,
 * a webinar with its responses, a call list, WhatsApp templates and SA handoffs. Unlike the bulk
 * generator it goes through the services, acting as the demo's own people, so every rule holds
 * (audience snapshots, journeys opened by responses, consent, audit, outbox). Deterministic: it
 * picks by sorted order, never at random.
 */
export async function seedMarketingScenario(deps: Deps): Promise<ScenarioSummary> {
  const services = createServices(deps);
  const repos = repositories(deps.db.kysely, deps.db.dialect);
  const usersOf = async (role: User['role']) => (await repos.users.list(userListQuery.parse({ role, limit: 200 }))).items.filter((u) => u.active);
  const actor = (u: User): Actor => ({ userId: u.id, role: u.role, teamId: u.teamId });
  const [marcomm] = await usersOf('marcomm');
  const [manager] = await usersOf('sales_manager');
  const ams = await usersOf('account_manager');
  const sas = await usersOf('solution_architect');
  if (!marcomm || !manager || ams.length < 2 || sas.length === 0) throw new Error('the marketing scenario needs the demo people (marcomm, sales manager, AMs, SAs)');
  const marketer = actor(marcomm);
  const summary: ScenarioSummary = { segments: 0, targets: 0, positioned: 0, contentItems: 0, campaigns: 0, responses: 0, callLists: 0, callsRecorded: 0, handoffs: 0, templates: 0 };

  // --- segments ---------------------------------------------------------------------------
  const segment = async (name: string, description: string, rule: unknown) => {
    summary.segments += 1;
    return services.segments.create(marketer, segmentCreate.parse({ name, description, rule }));
  };
  const itInfra = await segment('Pimpinan TI di Jabodetabek', 'Manajer ke atas di divisi TI, akun di Jabodetabek: sasaran utama solusi pusat data.', {
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
  const businessBeginners = await segment('Pengguna bisnis pemula', 'Kontak non-TI yang masih pemula teknologi: materi edukasi dan kolaborasi.', {
    all: [
      { field: 'contact.tech_proficiency', op: 'eq', value: 'beginner' },
      { not: { field: 'contact.division', op: 'eq', value: 'it' } },
    ],
  });
  const analyticsLeads = await segment('Pengambil keputusan analitik', 'Direktur dan CxO dengan keterbukaan tinggi pada teknologi baru.', {
    all: [
      { field: 'contact.seniority', op: 'in', value: ['director', 'cxo'] },
      { field: 'contact.openness', op: 'eq', value: 'high' },
    ],
  });
  // The webinar's invitation list, frozen: later changes to the accounts do not move it.
  const webinarList = await segment('Undangan webinar pusat data (tetap)', 'Daftar statis untuk webinar Q4: pimpinan TI perusahaan menengah dan besar.', {
    all: [
      { field: 'contact.division', op: 'eq', value: 'it' },
      { field: 'contact.seniority', op: 'in', value: ['manager', 'senior_manager', 'director'] },
      { field: 'account.size_band', op: 'in', value: ['250-999', '1000-4999', '5000+'] },
    ],
  });
  const frozen = await services.segments.freeze(marketer, webinarList.id, webinarList.version);

  // --- targeting: one primary segment per solution, by category ----------------------------
  const solutions = (await repos.catalogue.listSolutions(solutionListQuery.parse({ limit: 200 }))).items;
  const primaryFor = (category: string) =>
    category === 'data_center' || category === 'cloud' || category === 'networking' ? itInfra : category === 'security' ? finance : category === 'collaboration' || category === 'application' ? businessBeginners : analyticsLeads;
  for (const solution of solutions) {
    await services.targeting.setTarget(marketer, solution.id, primaryFor(solution.category).id, 'primary');
    summary.targets += 1;
    if (solution.category === 'security' || solution.category === 'data_center') {
      await services.targeting.setTarget(marketer, solution.id, solution.category === 'security' ? itInfra.id : finance.id, 'secondary');
      summary.targets += 1;
    }
  }

  // --- positioning and content -------------------------------------------------------------
  const byName = (name: string) => solutions.find((s) => s.name === name);
  const dataCenter = byName('Data Center & Cloud Infrastructure') ?? solutions[0];
  const security = byName('Adaptive Security Architecture') ?? solutions[1];
  const collaboration = byName('Unified Collaboration') ?? solutions[2];
  const positioning: Array<[typeof dataCenter, [string, string][], [string, string, string][]]> = [
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
  for (const [solution, pillars, messages] of positioning) {
    if (!solution) continue;
    const statements = (['product_leadership', 'operational_excellence', 'customer_experience'] as const).map((pillar, i) => ({ pillar, statementId: pillars[i]![0], statementEn: pillars[i]![1] }));
    await services.positioning.putPillars(marketer, solution.id, { version: 0, pillars: statements });
    for (const [proficiency, textId, textEn] of messages) {
      await services.positioning.createMessage(marketer, solution.id, personaMessageCreate.parse({ proficiency, textId, textEn, division: proficiency === 'advanced' ? 'it' : null }));
    }
    summary.positioned += 1;
  }
  const links: Array<{ title: string; url: string; language: 'id' | 'en'; solutionIds: string[]; proficiencies: string[]; stages: string[] }> = [
    { title: 'Studi kasus: migrasi pusat data Bank Daerah', url: 'https://example.com/studi-kasus/pusat-data-bank-daerah', language: 'id', solutionIds: [dataCenter?.id ?? ''], proficiencies: ['beginner'], stages: ['persuasion'] },
    { title: 'Reference architecture: hybrid cloud data center', url: 'https://example.com/whitepaper/hybrid-cloud-reference', language: 'en', solutionIds: [dataCenter?.id ?? ''], proficiencies: ['advanced'], stages: ['persuasion', 'decision'] },
    { title: 'Panduan pemula: apa itu arsitektur keamanan adaptif?', url: 'https://example.com/panduan/keamanan-adaptif', language: 'id', solutionIds: [security?.id ?? ''], proficiencies: ['beginner'], stages: ['knowledge'] },
    { title: 'Checklist kepatuhan OJK untuk keamanan siber', url: 'https://example.com/checklist/ojk-keamanan-siber', language: 'id', solutionIds: [security?.id ?? ''], proficiencies: ['advanced'], stages: ['decision'] },
    { title: 'Video: satu hari bekerja dengan Unified Collaboration', url: 'https://example.com/video/unified-collaboration', language: 'id', solutionIds: [collaboration?.id ?? ''], proficiencies: ['beginner'], stages: ['knowledge', 'persuasion'] },
  ];
  for (const link of links) {
    await services.content.createLink(marketer, contentLinkCreate.parse({ ...link, solutionIds: link.solutionIds.filter(Boolean) }));
    summary.contentItems += 1;
  }

  // --- WhatsApp templates -----------------------------------------------------------------
  for (const template of [
    { name: 'Undangan webinar', language: 'id', body: 'Halo {{firstName}}, kami mengundang {{account}} ke webinar {{solution}} minggu depan. Boleh kami kirimkan tautan pendaftarannya? — {{sender}}' },
    { name: 'Tindak lanjut kunjungan', language: 'id', body: 'Terima kasih atas waktunya hari ini, {{name}}. Materi presentasi {{solution}} kami kirim lewat email ya. — {{sender}}' },
  ]) {
    await services.channels.createTemplate(marketer, whatsappTemplateCreate.parse(template));
    summary.templates += 1;
  }

  // --- a webinar that ran last month, with its responses -----------------------------------
  const now = deps.clock.now();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const webinar = await services.campaigns.create(
    marketer,
    campaignCreate.parse({
      name: 'Webinar: Modernisasi Pusat Data 2026',
      description: 'Webinar edukasi untuk pimpinan TI: tren hybrid cloud dan studi kasus migrasi.',
      type: 'webinar',
      channels: ['email', 'linkedin', 'whatsapp_business'],
      solutionId: dataCenter?.id ?? null,
      segmentId: frozen.id,
      startsOn: day(daysAgo(21)),
      endsOn: day(daysAgo(14)),
      budgetMinor: 4_500_000_000,
    }),
  );
  const launched = await services.campaigns.launch(marketer, webinar.id, webinar.version);
  summary.campaigns += 1;
  const audience = (await repos.campaigns.audiencePage(launched.id, 60)).items;
  for (const [i, member] of audience.entries()) {
    const respond = async (kind: 'invited' | 'registered' | 'attended', at: Date) => {
      await services.campaigns.addResponse(marketer, launched.id, responseCreate.parse({ contactId: member.contactId, kind, at: at.toISOString() }));
      summary.responses += 1;
    };
    await respond('invited', daysAgo(21));
    if (i % 2 === 0) await respond('registered', daysAgo(18));
    if (i % 4 === 0) await respond('attended', daysAgo(14));
  }
  await services.campaigns.create(
    marketer,
    campaignCreate.parse({ name: 'Roadshow keamanan siber perbankan', type: 'event', channels: ['offline', 'email'], solutionId: security?.id ?? null, segmentId: finance.id, startsOn: day(daysAgo(-30)), endsOn: day(daysAgo(-31)), budgetMinor: 12_000_000_000 }),
  );
  summary.campaigns += 1;

  // --- a telemarketing list split between two callers ---------------------------------------
  const callers = ams.slice(0, 2);
  const calls = await services.telemarketing.create(marketer, callListCreate.parse({ name: 'Telemarketing keamanan — perbankan', segmentId: finance.id, solutionId: security?.id ?? null, callerIds: callers.map((u) => u.id) }));
  summary.callLists += 1;
  const outcomes = ['interested', 'no_answer', 'call_back', 'meeting_booked', 'not_interested', 'no_answer'] as const;
  for (const caller of callers) {
    const entries = (await services.telemarketing.entries(actor(caller), calls.id, callEntryQuery.parse({ callerId: caller.id, pending: 'true', limit: 6 }))).items;
    for (const [i, entry] of entries.entries()) {
      await services.telemarketing.recordOutcome(actor(caller), entry.id, { outcome: outcomes[i % outcomes.length]!, note: null, version: entry.version });
      summary.callsRecorded += 1;
    }
  }

  // --- AM → SA handoffs: persuasion-stage journeys getting an SA to prepare the demo ------------------------------
  const teamJourneys = journeyListQuery.parse({ stage: 'persuasion', outcome: 'open', limit: 100, ...(manager.teamId ? { teamId: manager.teamId } : {}) });
  const waiting = (await repos.journeys.list(teamJourneys)).items.filter((j) => j.saId === null).slice(0, 3);
  for (const [i, journey] of waiting.entries()) {
    const sa = sas[i % sas.length]!;
    const patch = journeyPatch.parse({ saId: sa.id, version: journey.version, handoffNote: 'Pelanggan minta demo teknis dan sizing; mohon siapkan arsitektur usulan.' });
    await services.journeys.update(actor(manager), journey.id, patch);
    summary.handoffs += 1;
  }
  return summary;
}
