import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * Positioning and content (issue 4 §3, issue 5 §5): value pillars and persona messages per
 * solution, the educational-content library (uploads on disk under the data dir, or links)
 * with its tags and share log, and the playbook content per stage and persona.
 *
 * Seeds a default playbook in Indonesian and English from the reference paper's practice, so
 * every workspace starts with talk tracks, risk-mitigation questions and objection handling.
 * Seeded entries have fixed ids and no foreign keys to people, so they survive test clean-ups.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const now = new Date().toISOString();

  // One row per solution with positioning: the compare-and-set version of its value pillars.
  await db.schema
    .createTable('solution_positioning')
    .addColumn('solution_id', 'text', (c) => c.primaryKey().references('solutions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('value_pillars')
    .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
    .addColumn('pillar', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('statement_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('value_pillars_pk', ['solution_id', 'pillar'])
    .execute();

  await db.schema
    .createTable('persona_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
    .addColumn('proficiency', 'text', (c) => c.notNull())
    .addColumn('division', 'text')
    .addColumn('text_id', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('persona_messages_solution_idx').on('persona_messages').columns(['solution_id', 'position']).execute();

  await db.schema
    .createTable('content_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // 'upload' | 'link'
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('stored_path', 'text') // relative to the data dir, named by id
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('content_items_created_idx').on('content_items').columns(['created_at', 'id']).execute();

  // Tags: kind 'solution' (value: solution id), 'proficiency', 'division', 'stage'. No tag of a kind: for all.
  await db.schema
    .createTable('content_item_tags')
    .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_item_tags_pk', ['content_item_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('content_item_tags_value_idx').on('content_item_tags').columns(['kind', 'value', 'content_item_id']).execute();

  await db.schema
    .createTable('content_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('journey_id', 'text', (c) => c.references('journeys.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('content_shares_item_idx').on('content_shares').columns(['content_item_id', 'at']).execute();
  await db.schema.createIndex('content_shares_contact_idx').on('content_shares').columns(['contact_id']).execute();

  await db.schema
    .createTable('playbook_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('proficiency', 'text')
    .addColumn('division', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // talk_track | question | objection | tip
    .addColumn('title_id', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('playbook_entries_stage_idx').on('playbook_entries').columns(['stage', 'position']).execute();

  await db.schema
    .createTable('playbook_entry_content')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('playbook_entries.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('playbook_entry_content_pk', ['entry_id', 'content_item_id'])
    .execute();
  await sql`create index playbook_entry_content_item_idx on playbook_entry_content (content_item_id)`.execute(db);

  const k = db as Kysely<Record<string, Record<string, unknown>>>;
  await k
    .insertInto('playbook_entries')
    .values(
      defaultPlaybook.map((e, index) => ({
        id: `00000000-0000-7000-8007-${String(index + 1).padStart(12, '0')}`,
        stage: e.stage,
        proficiency: e.proficiency ?? null,
        division: e.division ?? null,
        kind: e.kind,
        title_id: e.title[0],
        title_en: e.title[1],
        body_id: e.body[0],
        body_en: e.body[1],
        position: index + 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

interface SeedEntry {
  stage: string;
  proficiency?: 'beginner' | 'advanced';
  division?: string;
  kind: 'talk_track' | 'question' | 'objection' | 'tip';
  /** [Indonesian, English] */
  title: [string, string];
  body: [string, string];
}

/**
 * The default playbook, after the reference paper's practice (Proses Personal Selling, Proses
 * Tahapan Penerimaan Inovasi): personal approach in knowledge, IT-environment and threat analysis
 * with risk-mitigation questions in persuasion, SA meetings and demos in decision, accompanied
 * implementation, follow-up in confirmation; beginner (business users) vs advanced (IT teams).
 */
const defaultPlaybook: SeedEntry[] = [
  // --- knowledge (attention → interest) -------------------------------------------------
  {
    stage: 'knowledge',
    kind: 'talk_track',
    title: ['Mulai dengan pendekatan personal', 'Start with a personal approach'],
    body: [
      'Sebelum memperkenalkan solusi, kenali dulu karakteristik dan kebutuhan pelanggan: bidang usaha, prioritas tahun ini, dan siapa yang Anda temui. Buka percakapan sesuai latar belakang, divisi, dan level kontak agar ia merasa diperhatikan. Tujuan pertemuan pertama adalah kepercayaan dan keterbukaan, bukan penawaran.',
      'Before introducing a solution, learn the customer’s characteristics and needs: their business, this year’s priorities and who you are meeting. Open the conversation to fit the contact’s background, division and level so they feel heard. The goal of the first meeting is trust and openness, not an offer.',
    ],
  },
  {
    stage: 'knowledge',
    proficiency: 'beginner',
    kind: 'talk_track',
    title: ['Bahasa bisnis untuk pengguna pemula', 'Business language for beginners'],
    body: [
      'Kontak pemula biasanya pengguna bisnis yang tidak mendalami teknologinya. Hindari istilah teknis; ceritakan hasil yang dirasakan perusahaan serupa (waktu layanan, biaya, risiko yang berkurang). Tawarkan studi kasus singkat atau webinar pengantar sebagai bacaan lanjutan.',
      'Beginner contacts are usually business users who do not know the technology in depth. Avoid jargon; tell the outcomes similar companies got (service time, cost, risk reduced). Offer a short case study or an introductory webinar as follow-up reading.',
    ],
  },
  {
    stage: 'knowledge',
    proficiency: 'advanced',
    kind: 'talk_track',
    title: ['Diskusi teknis untuk tim TI yang mahir', 'Technical conversation for advanced IT teams'],
    body: [
      'Kontak mahir (umumnya tim TI) ingin tahu arsitektur, integrasi dengan lingkungan yang ada, dan peta jalan principal. Tunjukkan bahwa Anda memahami tren teknologinya, lalu tanyakan tantangan yang sedang mereka tangani. Tawarkan sesi dengan solution architect sejak awal.',
      'Advanced contacts (usually the IT team) want the architecture, integration with what they run today, and the principal’s roadmap. Show you know the technology trends, then ask which challenges they are working on. Offer a session with a solution architect early.',
    ],
  },
  {
    stage: 'knowledge',
    kind: 'question',
    title: ['Pertanyaan pembuka', 'Opening questions'],
    body: [
      '• Apa prioritas bisnis perusahaan Anda tahun ini?\n• Proyek teknologi apa yang sedang atau akan berjalan?\n• Siapa saja yang biasanya terlibat saat perusahaan memilih solusi baru?\n• Bagaimana Anda lebih suka kami berkomunikasi: kunjungan, email, atau WhatsApp?',
      '• What are your company’s business priorities this year?\n• Which technology projects are running or planned?\n• Who is usually involved when the company chooses a new solution?\n• How do you prefer we keep in touch: visits, email or WhatsApp?',
    ],
  },
  {
    stage: 'knowledge',
    division: 'it',
    kind: 'question',
    title: ['Pertanyaan untuk divisi TI', 'Questions for the IT division'],
    body: [
      '• Sistem apa yang paling kritis bagi operasional, dan di mana sistem itu berjalan?\n• Perangkat atau lisensi mana yang akan habis masa dukungannya dalam 12–24 bulan?\n• Apa keluhan pengguna yang paling sering masuk ke tim TI?',
      '• Which systems are most critical to operations, and where do they run?\n• Which equipment or licences reach end of support in the next 12–24 months?\n• What do users complain to IT about most often?',
    ],
  },
  {
    stage: 'knowledge',
    division: 'executive',
    kind: 'question',
    title: ['Pertanyaan untuk eksekutif', 'Questions for executives'],
    body: [
      '• Target bisnis apa yang paling bergantung pada teknologi tahun ini?\n• Risiko apa yang paling Anda khawatirkan bila sistem terganggu?\n• Bagaimana keputusan investasi TI diambil dan disetujui?',
      '• Which business targets depend most on technology this year?\n• Which risk worries you most if systems fail?\n• How are IT investment decisions made and approved?',
    ],
  },
  {
    stage: 'knowledge',
    kind: 'tip',
    title: ['Catat persona dan sentuhan pertama', 'Record the persona and the first touch'],
    body: [
      'Isi divisi, senioritas, dan tingkat kemahiran teknologi (pemula/mahir) setiap kontak, lalu catat kunjungan atau panggilan pertama pada perjalanan. Keduanya menjadi syarat untuk lanjut ke tahap persuasi dan menentukan pesan yang tepat.',
      'Fill in each contact’s division, seniority and tech proficiency (beginner/advanced), then log the first visit or call on the journey. Both are the gates to move on to persuasion and decide which message fits.',
    ],
  },
  // --- persuasion (desire) ------------------------------------------------------------------
  {
    stage: 'persuasion',
    kind: 'talk_track',
    title: ['Kaitkan solusi dengan kondisi TI pelanggan', 'Tie the solution to the customer’s IT environment'],
    body: [
      'Identifikasi kondisi lingkungan TI pelanggan, lalu gambarkan potensi ancaman bila teknologi yang dipakai saat ini tidak berfungsi maksimal. Berikan informasi yang detail dan relevan: tunjukkan bagaimana solusi mengatasi masalah spesifik yang mereka hadapi, berdasarkan analisis kondisi TI mereka.',
      'Identify the customer’s IT environment, then picture the potential threats if the technology they use today does not perform. Give detailed, relevant information: show how the solution solves the specific problems they face, based on the analysis of their IT environment.',
    ],
  },
  {
    stage: 'persuasion',
    kind: 'question',
    title: ['Pertanyaan mitigasi risiko', 'Risk-mitigation questions'],
    body: [
      '• Apa dampaknya pada operasional bila sistem ini berhenti selama satu hari?\n• Apakah sudah ada rencana mitigasi risiko untuk ancaman tersebut? Kapan terakhir diuji?\n• Perangkat mana yang sudah mendekati akhir masa dukungan (end-of-life)?\n• Siapa yang bertanggung jawab memulihkan layanan bila terjadi insiden, dan berapa lama targetnya?',
      '• What happens to operations if this system stops for a day?\n• Is there a risk-mitigation plan for that threat? When was it last tested?\n• Which equipment is close to end of life or end of support?\n• Who is responsible for restoring service after an incident, and how fast must it be back?',
    ],
  },
  {
    stage: 'persuasion',
    proficiency: 'advanced',
    division: 'it',
    kind: 'question',
    title: ['Mitigasi risiko: pertanyaan teknis', 'Risk mitigation: technical questions'],
    body: [
      '• Berapa target RTO dan RPO untuk sistem kritis, dan apakah pernah dicapai saat uji pemulihan?\n• Bagaimana pencadangan disimpan: apakah ada salinan di luar lokasi dan tidak dapat diubah (immutable)?\n• Bagaimana jaringan disegmentasi, dan seberapa cepat patch keamanan dipasang?',
      '• What are the RTO and RPO targets for critical systems, and were they met in a recovery test?\n• How are backups kept: is there an off-site, immutable copy?\n• How is the network segmented, and how fast are security patches applied?',
    ],
  },
  {
    stage: 'persuasion',
    proficiency: 'beginner',
    kind: 'question',
    title: ['Mitigasi risiko dalam bahasa bisnis', 'Risk mitigation in business terms'],
    body: [
      '• Bila layanan ke pelanggan Anda terhenti, berapa kira-kira kerugian per jam?\n• Proses mana yang paling sering terhambat karena sistem lambat atau tidak tersedia?\n• Apa yang terjadi pada data pelanggan bila perangkat hilang atau terkena serangan?',
      '• If service to your customers stops, roughly what does an hour cost?\n• Which process is most often held up by slow or unavailable systems?\n• What happens to customer data if a device is lost or attacked?',
    ],
  },
  {
    stage: 'persuasion',
    kind: 'objection',
    title: ['“Kami sudah punya vendor”', '“We already have a vendor”'],
    body: [
      'Hargai hubungan yang ada; jangan menjelekkan vendor lain. Tanyakan apa yang sudah berjalan baik dan apa yang belum terjawab. Tawarkan penilaian lingkungan TI tanpa biaya sebagai pembanding, dan tekankan keunggulan kami: kepemimpinan produk bersama principal, keunggulan operasional, dan pengalaman pelanggan.',
      'Respect the existing relationship; never run down another vendor. Ask what works well and what is still unanswered. Offer a free IT-environment assessment as a second opinion, and stress our strengths: product leadership with our principals, operational excellence and customer experience.',
    ],
  },
  {
    stage: 'persuasion',
    kind: 'objection',
    title: ['“Belum ada anggaran”', '“There is no budget”'],
    body: [
      'Tanyakan kapan siklus anggaran berikutnya dan siapa yang menyusunnya. Bantu pelanggan membangun alasan bisnis dari risiko yang ditemukan dalam penilaian TI (biaya gangguan dibandingkan biaya solusi). Sebutkan opsi bertahap, langganan, atau program dukungan principal.',
      'Ask when the next budget cycle is and who prepares it. Help the customer build the business case from the risks found in the IT assessment (cost of an outage against the cost of the solution). Mention phased, subscription or principal-funded options.',
    ],
  },
  {
    stage: 'persuasion',
    kind: 'tip',
    title: ['Rekam penilaian lingkungan TI', 'Record the IT-environment assessment'],
    body: [
      'Minta solution architect mencatat inventaris dan minimal satu risiko yang diatasi solusi ini. Penilaian itu adalah bukti untuk lanjut ke tahap keputusan dan bahan utama proposal.',
      'Ask the solution architect to record the inventory and at least one risk this solution addresses. The assessment is the evidence to move on to decision and the core of the proposal.',
    ],
  },
  // --- decision (action) ----------------------------------------------------------------------
  {
    stage: 'decision',
    kind: 'talk_track',
    title: ['Libatkan solution architect dan demo', 'Bring in the solution architect and a demo'],
    body: [
      'Rencanakan pertemuan dan diskusi bersama solution architect untuk menjawab semua keraguan. Sesi demo memberi pelanggan kesempatan melihat dan merasakan manfaat solusi secara langsung sehingga mereka terdorong mengambil keputusan. Tutup dengan proposal yang mengacu pada risiko hasil penilaian.',
      'Plan meetings and discussions with the solution architect to answer every doubt. A demo lets the customer see and feel the solution’s benefits first-hand, which moves them to decide. Close with a proposal that refers back to the risks found in the assessment.',
    ],
  },
  {
    stage: 'decision',
    proficiency: 'beginner',
    kind: 'talk_track',
    title: ['Demo berfokus pada hasil bisnis', 'A demo about business outcomes'],
    body: [
      'Untuk pengambil keputusan pemula, susun demo berdasarkan skenario sehari-hari mereka: sebelum dan sesudah, waktu yang dihemat, risiko yang hilang. Batasi detail teknis; siapkan ringkasan satu halaman untuk dibagikan ke atasan.',
      'For beginner decision makers, build the demo on their everyday scenarios: before and after, time saved, risk removed. Keep technical detail short; prepare a one-page summary they can pass to their management.',
    ],
  },
  {
    stage: 'decision',
    proficiency: 'advanced',
    kind: 'talk_track',
    title: ['Pembuktian teknis (proof of concept)', 'Technical proof (proof of concept)'],
    body: [
      'Tim TI yang mahir akan menguji klaim. Tawarkan proof of concept dengan kriteria keberhasilan yang disepakati bersama, arsitektur referensi, dan sesi tanya jawab mendalam dengan solution architect serta engineer principal.',
      'Advanced IT teams will test the claims. Offer a proof of concept with success criteria agreed together, a reference architecture, and a deep-dive Q&A with the solution architect and the principal’s engineers.',
    ],
  },
  {
    stage: 'decision',
    kind: 'question',
    title: ['Pertanyaan menuju keputusan', 'Questions towards the decision'],
    body: [
      '• Siapa saja yang ikut memutuskan, dan apa kriteria mereka?\n• Apa yang masih membuat Anda ragu setelah demo?\n• Kapan keputusan perlu diambil, dan apa yang terjadi bila ditunda?',
      '• Who takes part in the decision, and what are their criteria?\n• What still makes you hesitate after the demo?\n• When must the decision be made, and what happens if it slips?',
    ],
  },
  {
    stage: 'decision',
    kind: 'objection',
    title: ['“Harganya terlalu mahal”', '“It is too expensive”'],
    body: [
      'Bandingkan total biaya kepemilikan, bukan harga awal: biaya gangguan, tenaga kerja, dan perangkat lama yang dipertahankan. Tawarkan implementasi bertahap mulai dari risiko tertinggi, atau skema pendanaan dan promo bersama principal.',
      'Compare total cost of ownership, not the list price: outage cost, labour and keeping old equipment alive. Offer a phased implementation starting with the highest risk, or financing and joint promotions with the principal.',
    ],
  },
  {
    stage: 'decision',
    kind: 'objection',
    title: ['“Waktunya belum tepat”', '“The timing is not right”'],
    body: [
      'Cari tahu apa yang sedang menjadi prioritas dan kapan jendela berikutnya. Kaitkan waktu dengan tanggal akhir dukungan perangkat atau risiko yang tercatat. Usulkan langkah kecil yang bisa dimulai sekarang (pilot, penilaian lanjutan) dan sepakati tanggal tindak lanjut.',
      'Find out what has priority now and when the next window is. Tie the timing to end-of-support dates or recorded risks. Propose a small step that can start now (a pilot, a deeper assessment) and agree a follow-up date.',
    ],
  },
  {
    stage: 'decision',
    kind: 'objection',
    title: ['“Kompetitor menawarkan lebih murah”', '“A competitor is cheaper”'],
    body: [
      'Jangan langsung menurunkan harga. Bandingkan lingkup, layanan pendukung, dan pengalaman implementasi; tunjukkan referensi pelanggan serupa dan sertifikasi bersama principal. Tekankan nilai kami: kepemimpinan produk, keunggulan operasional, dan pengalaman pelanggan dari penilaian hingga pendampingan implementasi.',
      'Do not cut the price straight away. Compare scope, support and implementation experience; show references from similar customers and our certifications with the principal. Stress our value: product leadership, operational excellence, and the customer experience from assessment to accompanied implementation.',
    ],
  },
  // --- implementation (satisfaction) ---------------------------------------------------------
  {
    stage: 'implementation',
    kind: 'talk_track',
    title: ['Dampingi implementasi dari awal hingga akhir', 'Accompany the implementation from start to finish'],
    body: [
      'Account manager mendampingi proses implementasi dari kick-off sampai go-live, memastikan semua yang disampaikan sejak tahap awal dipahami dan diterapkan sesuai kebutuhan. Pantau kemajuan bersama solution architect dan berikan dukungan teknis bila diperlukan.',
      'The account manager accompanies the implementation from kick-off to go-live, making sure everything said since the first meeting is understood and applied as the customer needs. Track progress with the solution architect and bring in technical support when needed.',
    ],
  },
  {
    stage: 'implementation',
    kind: 'question',
    title: ['Pertanyaan saat kick-off', 'Kick-off questions'],
    body: [
      '• Apa definisi keberhasilan go-live bagi Anda dan atasan Anda?\n• Siapa penanggung jawab di sisi pelanggan untuk setiap tahap?\n• Pelatihan apa yang dibutuhkan pengguna agar solusi benar-benar dipakai?',
      '• What does a successful go-live mean to you and your management?\n• Who owns each phase on the customer’s side?\n• Which training do users need so the solution is really used?',
    ],
  },
  {
    stage: 'implementation',
    proficiency: 'beginner',
    kind: 'tip',
    title: ['Pelatihan untuk pengguna pemula', 'Training for beginner users'],
    body: [
      'Siapkan panduan singkat dan sesi pelatihan dalam bahasa sehari-hari untuk pengguna bisnis. Pengguna yang merasa mampu akan menjadi pendukung solusi di perusahaannya.',
      'Prepare short guides and training sessions in everyday language for business users. Users who feel capable become the solution’s champions in their company.',
    ],
  },
  {
    stage: 'implementation',
    kind: 'tip',
    title: ['Catat kick-off dan go-live', 'Record kick-off and go-live'],
    body: [
      'Catat sesi kick-off dan go-live sebagai aktivitas implementasi pada perjalanan; keduanya menjadi bukti untuk lanjut ke tahap konfirmasi dan memicu survei kepuasan.',
      'Log the kick-off and the go-live as implementation sessions on the journey; they are the evidence to move on to confirmation and they trigger the satisfaction surveys.',
    ],
  },
  // --- confirmation (satisfaction) ------------------------------------------------------------
  {
    stage: 'confirmation',
    kind: 'talk_track',
    title: ['Tindak lanjut dan jaga hubungan', 'Follow up and keep the relationship'],
    body: [
      'Setelah implementasi, terus berkomunikasi untuk memastikan pelanggan puas dan siap memberikan dukungan tambahan bila ada keraguan. Pelanggan sedang mencari pembenaran atas keputusannya: tunjukkan hasil yang sudah dicapai dan rencanakan langkah berikutnya (perpanjangan, perluasan).',
      'After implementation, keep in touch to make sure the customer is satisfied and ready for extra support when doubts come up. The customer is looking for confirmation of their decision: show the results achieved and plan the next steps (renewal, expansion).',
    ],
  },
  {
    stage: 'confirmation',
    kind: 'question',
    title: ['Pertanyaan pemeriksaan kepuasan', 'Satisfaction-check questions'],
    body: [
      '• Seberapa besar kemungkinan Anda merekomendasikan kami kepada rekan (0–10)?\n• Apakah hasil yang diharapkan saat keputusan sudah tercapai?\n• Apa yang perlu kami perbaiki, dan apa kebutuhan berikutnya?',
      '• How likely are you to recommend us to a colleague (0–10)?\n• Have the results you expected at the decision been reached?\n• What should we improve, and what do you need next?',
    ],
  },
  {
    stage: 'confirmation',
    kind: 'objection',
    title: ['“Solusinya tidak sesuai harapan”', '“The solution did not meet expectations”'],
    body: [
      'Dengarkan dulu dan catat keluhannya secara spesifik. Tinjau pemakaian bersama solution architect, tawarkan pelatihan ulang atau penyesuaian konfigurasi, dan sepakati ukuran keberhasilan yang bisa dicek kembali. Keraguan yang dijawab cepat mencegah penghentian adopsi.',
      'Listen first and write the complaint down precisely. Review usage with the solution architect, offer refresher training or configuration changes, and agree a success measure you can check again. Doubts answered quickly prevent discontinuance.',
    ],
  },
];
