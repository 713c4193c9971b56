/**
 * The believable parts of the demo workspace: a Jakarta ICT integrator's principals,
 * solution lines, cities and the words its people write in the CRM (DESIGN.md §1–§4).
 */
import type { industries, regions, solutionCategories } from '../shared/vocabulary.js';

type Region = (typeof regions)[number];
type Industry = (typeof industries)[number];
type SolutionCategory = (typeof solutionCategories)[number];

export const principals = [
  { key: 'cisco', name: 'Cisco', website: 'https://www.cisco.com', country: 'US' },
  { key: 'hpe', name: 'HPE', website: 'https://www.hpe.com', country: 'US' },
  { key: 'f5', name: 'F5', website: 'https://www.f5.com', country: 'US' },
  { key: 'cloudera', name: 'Cloudera', website: 'https://www.cloudera.com', country: 'US' },
  { key: 'google', name: 'Google Cloud', website: 'https://cloud.google.com', country: 'US' },
  { key: 'netapp', name: 'NetApp', website: 'https://www.netapp.com', country: 'US' },
  { key: 'fortinet', name: 'Fortinet', website: 'https://www.fortinet.com', country: 'US' },
  { key: 'microsoft', name: 'Microsoft', website: 'https://www.microsoft.com', country: 'US' },
  { key: 'vmware', name: 'VMware', website: 'https://www.vmware.com', country: 'US' },
  { key: 'paloalto', name: 'Palo Alto Networks', website: 'https://www.paloaltonetworks.com', country: 'US' },
  { key: 'nutanix', name: 'Nutanix', website: 'https://www.nutanix.com', country: 'US' },
  { key: 'veeam', name: 'Veeam', website: 'https://www.veeam.com', country: 'CH' },
] as const;
export type PrincipalKey = (typeof principals)[number]['key'];

export interface SolutionLine {
  name: string;
  category: SolutionCategory;
  description: string;
  launchDate: string;
  principals: readonly PrincipalKey[];
  /** Relative share of the journeys. */
  popularity: number;
  /** Industries that take this line up more often (concentrated targeting). */
  favoured: readonly Industry[];
  /** Share of journeys priced in USD (principal-billed subscriptions). */
  usdShare: number;
  /** Typical deal size in IDR for a mid-sized account. */
  typicalValueIdr: number;
}

export const solutionLines: readonly SolutionLine[] = [
  { name: 'Data Center & Cloud Infrastructure', category: 'data_center', launchDate: '2018-02-05', principals: ['cisco', 'hpe', 'vmware'], popularity: 10, favoured: ['banking', 'telecommunication', 'government', 'energy'], usdShare: 0.1, typicalValueIdr: 2_500_000_000,
    description: 'Server, jaringan dan virtualisasi pusat data yang siap dihubungkan ke cloud publik.' },
  { name: 'Unified Collaboration', category: 'collaboration', launchDate: '2018-05-14', principals: ['cisco', 'microsoft'], popularity: 8, favoured: ['education', 'government', 'finance', 'media'], usdShare: 0.05, typicalValueIdr: 650_000_000,
    description: 'Telepon IP, video conference dan ruang rapat hibrida untuk kantor pusat dan cabang.' },
  { name: 'Hybrid Cloud Storage', category: 'data_center', launchDate: '2018-10-01', principals: ['netapp', 'hpe'], popularity: 7, favoured: ['banking', 'insurance', 'healthcare', 'media'], usdShare: 0.1, typicalValueIdr: 1_400_000_000,
    description: 'Penyimpanan all-flash dengan tiering ke cloud, snapshot dan replikasi antar-lokasi.' },
  { name: 'Adaptive Security Architecture', category: 'security', launchDate: '2019-03-11', principals: ['paloalto', 'fortinet', 'cisco'], popularity: 10, favoured: ['banking', 'insurance', 'finance', 'government'], usdShare: 0.15, typicalValueIdr: 1_800_000_000,
    description: 'Pencegahan, deteksi, respons dan prediksi ancaman secara berkelanjutan, dari perimeter hingga endpoint.' },
  { name: 'Hyperconverged Infrastructure', category: 'data_center', launchDate: '2019-07-22', principals: ['nutanix', 'hpe', 'vmware'], popularity: 6, favoured: ['manufacturing', 'retail', 'healthcare', 'logistics'], usdShare: 0.1, typicalValueIdr: 1_200_000_000,
    description: 'Komputasi, penyimpanan dan virtualisasi dalam satu platform yang mudah dikembangkan.' },
  { name: 'Backup & Disaster Recovery', category: 'data_center', launchDate: '2019-11-04', principals: ['veeam', 'netapp'], popularity: 7, favoured: ['banking', 'insurance', 'healthcare', 'government'], usdShare: 0.2, typicalValueIdr: 750_000_000,
    description: 'Cadangan terenkripsi dan pemulihan bencana ke lokasi kedua atau ke cloud, dengan uji pemulihan berkala.' },
  { name: 'Big Data Analytics Platform', category: 'analytics', launchDate: '2019-09-16', principals: ['cloudera', 'google'], popularity: 5, favoured: ['telecommunication', 'banking', 'retail', 'energy'], usdShare: 0.35, typicalValueIdr: 2_200_000_000,
    description: 'Data lake dan analitik skala besar untuk data transaksi, pelanggan dan sensor.' },
  { name: 'Application Delivery & WAF', category: 'application', launchDate: '2020-02-10', principals: ['f5'], popularity: 6, favoured: ['banking', 'finance', 'retail', 'telecommunication'], usdShare: 0.15, typicalValueIdr: 900_000_000,
    description: 'Load balancing, akselerasi aplikasi dan web application firewall untuk layanan digital.' },
  { name: 'Modern Workplace (Microsoft 365)', category: 'collaboration', launchDate: '2020-04-06', principals: ['microsoft'], popularity: 7, favoured: ['education', 'finance', 'manufacturing', 'hospitality'], usdShare: 0.3, typicalValueIdr: 400_000_000,
    description: 'Email, kolaborasi dokumen dan keamanan identitas untuk kerja dari mana saja.' },
  { name: 'SD-WAN', category: 'networking', launchDate: '2020-08-17', principals: ['cisco', 'fortinet', 'vmware'], popularity: 7, favoured: ['retail', 'banking', 'logistics', 'hospitality'], usdShare: 0.1, typicalValueIdr: 1_100_000_000,
    description: 'Jaringan antar-cabang berbasis perangkat lunak di atas MPLS, broadband dan 4G.' },
  { name: 'Campus Wi-Fi 6', category: 'networking', launchDate: '2021-01-18', principals: ['cisco', 'hpe'], popularity: 5, favoured: ['education', 'hospitality', 'healthcare', 'retail'], usdShare: 0.05, typicalValueIdr: 550_000_000,
    description: 'Wi-Fi 6 terkelola untuk kampus, rumah sakit, hotel dan gedung perkantoran.' },
  { name: 'Zero Trust Network Access', category: 'security', launchDate: '2021-06-07', principals: ['paloalto', 'fortinet', 'cisco'], popularity: 6, favoured: ['banking', 'finance', 'insurance', 'telecommunication'], usdShare: 0.2, typicalValueIdr: 800_000_000,
    description: 'Akses aplikasi berbasis identitas tanpa VPN, untuk karyawan dan mitra.' },
  { name: 'Multi-Cloud Management', category: 'cloud', launchDate: '2021-10-11', principals: ['google', 'microsoft', 'vmware'], popularity: 5, favoured: ['telecommunication', 'media', 'retail', 'finance'], usdShare: 0.4, typicalValueIdr: 950_000_000,
    description: 'Tata kelola, biaya dan keamanan beban kerja di beberapa cloud publik dan pusat data sendiri.' },
  { name: 'Security Operations Center (SOC)', category: 'security', launchDate: '2022-03-14', principals: ['paloalto', 'fortinet'], popularity: 5, favoured: ['banking', 'government', 'energy', 'insurance'], usdShare: 0.2, typicalValueIdr: 1_600_000_000,
    description: 'Pemantauan 24x7, SIEM dan XDR dengan analis keamanan dari tim integrator.' },
  { name: 'AI & Machine Learning Platform', category: 'analytics', launchDate: '2023-05-08', principals: ['google', 'cloudera', 'microsoft'], popularity: 4, favoured: ['banking', 'telecommunication', 'retail', 'manufacturing'], usdShare: 0.45, typicalValueIdr: 1_900_000_000,
    description: 'Platform data science dan MLOps untuk model prediksi, rekomendasi dan deteksi fraud.' },
  { name: 'Generative AI Assistant', category: 'application', launchDate: '2024-02-19', principals: ['microsoft', 'google'], popularity: 4, favoured: ['finance', 'education', 'media', 'government'], usdShare: 0.5, typicalValueIdr: 600_000_000,
    description: 'Asisten AI generatif untuk dokumen, layanan pelanggan dan basis pengetahuan internal, dengan kontrol data.' },
];

export interface City {
  city: string;
  province: string;
  region: Region;
  weight: number;
}

export const cities: readonly City[] = [
  { city: 'Jakarta Selatan', province: 'DKI Jakarta', region: 'jabodetabek', weight: 14 },
  { city: 'Jakarta Pusat', province: 'DKI Jakarta', region: 'jabodetabek', weight: 10 },
  { city: 'Jakarta Barat', province: 'DKI Jakarta', region: 'jabodetabek', weight: 6 },
  { city: 'Jakarta Utara', province: 'DKI Jakarta', region: 'jabodetabek', weight: 5 },
  { city: 'Jakarta Timur', province: 'DKI Jakarta', region: 'jabodetabek', weight: 5 },
  { city: 'Tangerang', province: 'Banten', region: 'jabodetabek', weight: 5 },
  { city: 'Tangerang Selatan', province: 'Banten', region: 'jabodetabek', weight: 3 },
  { city: 'Bekasi', province: 'Jawa Barat', region: 'jabodetabek', weight: 4 },
  { city: 'Bogor', province: 'Jawa Barat', region: 'jabodetabek', weight: 2 },
  { city: 'Depok', province: 'Jawa Barat', region: 'jabodetabek', weight: 2 },
  { city: 'Surabaya', province: 'Jawa Timur', region: 'java', weight: 8 },
  { city: 'Bandung', province: 'Jawa Barat', region: 'java', weight: 5 },
  { city: 'Semarang', province: 'Jawa Tengah', region: 'java', weight: 3 },
  { city: 'Yogyakarta', province: 'DI Yogyakarta', region: 'java', weight: 2 },
  { city: 'Malang', province: 'Jawa Timur', region: 'java', weight: 1.5 },
  { city: 'Surakarta', province: 'Jawa Tengah', region: 'java', weight: 1 },
  { city: 'Cikarang', province: 'Jawa Barat', region: 'java', weight: 1.5 },
  { city: 'Medan', province: 'Sumatera Utara', region: 'sumatra', weight: 4 },
  { city: 'Palembang', province: 'Sumatera Selatan', region: 'sumatra', weight: 2 },
  { city: 'Pekanbaru', province: 'Riau', region: 'sumatra', weight: 1.5 },
  { city: 'Batam', province: 'Kepulauan Riau', region: 'sumatra', weight: 1.5 },
  { city: 'Padang', province: 'Sumatera Barat', region: 'sumatra', weight: 1 },
  { city: 'Bandar Lampung', province: 'Lampung', region: 'sumatra', weight: 1 },
  { city: 'Balikpapan', province: 'Kalimantan Timur', region: 'kalimantan', weight: 2 },
  { city: 'Samarinda', province: 'Kalimantan Timur', region: 'kalimantan', weight: 1 },
  { city: 'Banjarmasin', province: 'Kalimantan Selatan', region: 'kalimantan', weight: 1 },
  { city: 'Pontianak', province: 'Kalimantan Barat', region: 'kalimantan', weight: 0.8 },
  { city: 'Makassar', province: 'Sulawesi Selatan', region: 'sulawesi', weight: 2.5 },
  { city: 'Manado', province: 'Sulawesi Utara', region: 'sulawesi', weight: 1 },
  { city: 'Denpasar', province: 'Bali', region: 'bali_nusa', weight: 2 },
  { city: 'Mataram', province: 'Nusa Tenggara Barat', region: 'bali_nusa', weight: 0.6 },
  { city: 'Kupang', province: 'Nusa Tenggara Timur', region: 'bali_nusa', weight: 0.4 },
  { city: 'Jayapura', province: 'Papua', region: 'eastern', weight: 0.5 },
  { city: 'Ambon', province: 'Maluku', region: 'eastern', weight: 0.4 },
];

export const industryWeights: readonly (readonly [Industry, number])[] = [
  ['banking', 9], ['insurance', 6], ['finance', 7], ['government', 9], ['telecommunication', 4], ['manufacturing', 14],
  ['retail', 11], ['healthcare', 8], ['education', 8], ['energy', 5], ['logistics', 7], ['media', 4], ['hospitality', 5], ['other', 3],
];

/** How an account of each industry is usually named: `{n}` is a family name, `{w}` a word, `{c}` the city. */
export const nameTemplates: Record<Industry, readonly string[]> = {
  banking: ['PT Bank {n} {w} Tbk', 'PT Bank Perkreditan Rakyat {n} {w}', 'PT Bank {w} {n}', 'PT BPD {c}'],
  insurance: ['PT Asuransi {n} {w}', 'PT Asuransi Jiwa {n} {w} Tbk', 'PT {n} {w} General Insurance'],
  finance: ['PT {n} {w} Finance', 'PT Sekuritas {n} {w}', 'PT Multifinance {n} {w}', 'Koperasi Simpan Pinjam {n} {w}'],
  government: ['Dinas Komunikasi dan Informatika Kota {c}', 'Badan Pendapatan Daerah {c}', 'Pemerintah Kota {c}', 'Dinas Kesehatan Kota {c}', 'Badan Pusat Statistik {c}', 'Kantor Wilayah Pajak {c}'],
  telecommunication: ['PT {n} {w} Telekomunikasi', 'PT {n} Net {w}', 'PT {w} {n} Komunika Tbk'],
  manufacturing: ['PT {n} {w} Industri', 'PT {n} {w} Manufaktur', 'PT {w} {n} Tbk', 'PT {n} Plastik {w}', 'PT {n} Tekstil {w}'],
  retail: ['PT {n} {w} Retailindo', 'PT {n} Mart {w}', 'PT {w} {n} Niaga', 'CV {n} {w}'],
  healthcare: ['RS {n} {w}', 'RSIA {n} {w}', 'Klinik {n} Medika', 'PT {n} {w} Farma'],
  education: ['Universitas {n} {w}', 'Politeknik {n} {c}', 'Sekolah {w} {n}', 'Institut Teknologi {n}'],
  energy: ['PT {n} {w} Energi', 'PT {n} Tambang {w}', 'PT {n} Migas {w}', 'PT {w} {n} Power'],
  logistics: ['PT {n} {w} Logistik', 'PT {n} Ekspres {w}', 'PT {w} {n} Cargo'],
  media: ['PT {n} {w} Media', 'PT {n} Kreasi {w}', 'PT Televisi {w} {n}'],
  hospitality: ['Hotel {n} {w} {c}', 'PT {n} {w} Hospitality', 'Resort {n} {w}'],
  other: ['PT {n} {w}', 'CV {n} {w}', 'Yayasan {n} {w}'],
};

export const nameWords = [
  'Sejahtera', 'Mandiri', 'Nusantara', 'Jaya', 'Abadi', 'Makmur', 'Sentosa', 'Prima', 'Utama', 'Global', 'Perkasa',
  'Gemilang', 'Cemerlang', 'Lestari', 'Bersama', 'Sukses', 'Mulia', 'Harapan', 'Indah', 'Raya', 'Karya', 'Mitra',
  'Buana', 'Persada', 'Cipta', 'Sakti', 'Artha', 'Dharma', 'Wijaya', 'Samudera', 'Bumi', 'Cahaya', 'Anugerah', 'Sinar',
];

export const webDomainByIndustry: Partial<Record<Industry, string>> = { government: 'go.id', education: 'ac.id' };

/** Contact titles by division and seniority (how Indonesian companies print them on cards). */
export const titles: Record<string, Record<string, readonly string[]>> = {
  it: {
    staff: ['IT Support', 'Network Engineer', 'System Administrator', 'Database Administrator', 'Programmer'],
    supervisor: ['IT Supervisor', 'Network Supervisor', 'Team Lead Infrastruktur'],
    manager: ['IT Manager', 'IT Infrastructure Manager', 'IT Security Manager', 'Manajer Teknologi Informasi'],
    senior_manager: ['Head of IT Infrastructure', 'Head of Information Security', 'Kepala Divisi TI', 'VP IT Operations'],
    director: ['IT Director', 'Direktur Teknologi Informasi'],
    cxo: ['Chief Information Officer', 'Chief Technology Officer', 'Chief Information Security Officer'],
  },
  hr: {
    staff: ['HR Staff', 'Staf Personalia'], supervisor: ['HR Supervisor'], manager: ['HR Manager', 'Manajer SDM'],
    senior_manager: ['Head of Human Capital'], director: ['Direktur SDM'], cxo: ['Chief Human Capital Officer'],
  },
  finance: {
    staff: ['Finance Staff', 'Staf Akuntansi'], supervisor: ['Finance Supervisor'], manager: ['Finance Manager', 'Manajer Keuangan', 'Procurement Manager'],
    senior_manager: ['Head of Finance', 'Kepala Pengadaan'], director: ['Direktur Keuangan'], cxo: ['Chief Financial Officer'],
  },
  business: {
    staff: ['Business Analyst', 'Staf Pemasaran'], supervisor: ['Sales Supervisor'], manager: ['Business Development Manager', 'Marketing Manager'],
    senior_manager: ['Head of Digital Business', 'Kepala Divisi Pemasaran'], director: ['Direktur Bisnis', 'Commercial Director'], cxo: ['Chief Digital Officer', 'Chief Marketing Officer'],
  },
  executive: {
    staff: ['Sekretaris Direksi'], supervisor: ['Corporate Secretary'], manager: ['General Manager'],
    senior_manager: ['Senior General Manager'], director: ['Direktur Utama', 'Managing Director', 'Kepala Dinas'], cxo: ['Chief Executive Officer', 'Presiden Direktur'],
  },
  operations: {
    staff: ['Staf Operasional'], supervisor: ['Operations Supervisor'], manager: ['Operations Manager', 'Manajer Pabrik'],
    senior_manager: ['Head of Operations'], director: ['Direktur Operasional'], cxo: ['Chief Operating Officer'],
  },
};

export const consentSources = ['event_registration', 'webinar_form', 'website_form', 'business_card', 'verbal_at_visit', 'principal_event'] as const;

export const rejectionReasonWeights = [['budget', 34], ['timing', 24], ['competitor', 22], ['no_need', 14], ['no_decision', 6]] as const;
export const discontinuanceReasonWeights = [['replacement', 55], ['disenchantment', 45]] as const;

export const webinarTopics = [
  'Zero Trust untuk Perbankan', 'Strategi Hybrid Cloud 2025', 'Ransomware: Siapkah Backup Anda?', 'SD-WAN untuk Ritel Multi-Cabang',
  'Transformasi Digital Pemerintah Daerah', 'Data Analytics untuk Telko', 'Gen AI yang Aman untuk Enterprise', 'Modern Workplace untuk Kampus',
  'Tech Day Surabaya', 'Executive Breakfast Jakarta', 'Roadshow Keamanan Siber Medan', 'Cloud Summit Bandung',
];

export const outcomesText = ['positif', 'netral', 'perlu tindak lanjut', 'minta informasi tambahan', 'antusias', 'belum ada anggaran'];
