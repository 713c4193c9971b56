import type { ItCategory } from '../domain/recommendations.js';

/**
 * What the demo integrator finds in a customer's IT environment: the installed base it records
 * as inventory items and the threats it records as risks, in the mixed Indonesian/English of
 * Indonesian IT sales. End-of-life dates are the vendors' published end of support (rounded).
 */

export interface InventoryTemplate {
  vendor: string;
  product: string;
  versions: readonly string[];
  /** End of life or end of support, or null when none is announced. */
  endOfLife: string | null;
  /** Short name for threat texts ("HPE ProLiant G8"). */
  short: string;
}

export const inventoryCatalogue: Record<ItCategory, readonly InventoryTemplate[]> = {
  network: [
    { vendor: 'Cisco', product: 'Catalyst 2960-X', versions: ['IOS 15.2(7)E', 'IOS 15.2(4)E10'], endOfLife: '2027-10-31', short: 'Cisco Catalyst 2960-X' },
    { vendor: 'Cisco', product: 'ISR 4331', versions: ['IOS XE 16.9', 'IOS XE 17.3'], endOfLife: '2028-11-30', short: 'router Cisco ISR 4331' },
    { vendor: 'Cisco', product: 'Catalyst 3750-X', versions: ['IOS 15.0(2)SE'], endOfLife: '2021-10-31', short: 'Cisco Catalyst 3750-X' },
    { vendor: 'HPE', product: 'Aruba 2530 Switch', versions: ['YA.16.10'], endOfLife: null, short: 'switch Aruba 2530' },
    { vendor: 'HPE', product: 'Aruba AP-205', versions: ['ArubaOS 8.6'], endOfLife: '2024-10-31', short: 'access point Aruba AP-205' },
    { vendor: 'MikroTik', product: 'CCR1036-8G-2S+', versions: ['RouterOS 6.48'], endOfLife: null, short: 'router MikroTik CCR1036' },
    { vendor: 'Fortinet', product: 'FortiSwitch 224E', versions: ['7.0.5'], endOfLife: '2027-03-31', short: 'FortiSwitch 224E' },
  ],
  compute: [
    { vendor: 'HPE', product: 'ProLiant DL380 Gen8', versions: ['iLO 4 2.82'], endOfLife: '2022-11-30', short: 'HPE ProLiant G8' },
    { vendor: 'HPE', product: 'ProLiant DL360 Gen9', versions: ['iLO 4 2.81'], endOfLife: '2025-07-31', short: 'HPE ProLiant Gen9' },
    { vendor: 'HPE', product: 'ProLiant DL380 Gen10', versions: ['iLO 5 2.72'], endOfLife: '2029-01-31', short: 'HPE ProLiant Gen10' },
    { vendor: 'Dell', product: 'PowerEdge R730', versions: ['iDRAC 8 2.83'], endOfLife: '2024-05-31', short: 'Dell PowerEdge R730' },
    { vendor: 'Dell', product: 'PowerEdge R740', versions: ['iDRAC 9 6.10'], endOfLife: '2028-05-31', short: 'Dell PowerEdge R740' },
    { vendor: 'VMware', product: 'vSphere', versions: ['6.7 U3', '6.5'], endOfLife: '2022-10-15', short: 'VMware vSphere 6.x' },
    { vendor: 'Microsoft', product: 'Windows Server', versions: ['2012 R2'], endOfLife: '2023-10-10', short: 'Windows Server 2012 R2' },
  ],
  storage: [
    { vendor: 'Dell', product: 'EMC Unity 300', versions: ['OE 5.1'], endOfLife: '2025-12-31', short: 'Dell EMC Unity 300' },
    { vendor: 'HPE', product: 'MSA 2040 SAN', versions: ['GL225'], endOfLife: '2023-12-31', short: 'HPE MSA 2040' },
    { vendor: 'NetApp', product: 'FAS2620', versions: ['ONTAP 9.7'], endOfLife: '2026-08-31', short: 'NetApp FAS2620' },
    { vendor: 'Synology', product: 'RackStation RS3617xs', versions: ['DSM 6.2'], endOfLife: '2024-06-30', short: 'NAS Synology RS3617xs' },
    { vendor: 'Dell', product: 'PowerVault LTO-6 Tape', versions: ['LTO-6'], endOfLife: '2022-06-30', short: 'tape library LTO-6' },
  ],
  security: [
    { vendor: 'Fortinet', product: 'FortiGate 100E', versions: ['FortiOS 6.4', 'FortiOS 6.2'], endOfLife: '2026-03-31', short: 'FortiGate 100E' },
    { vendor: 'Fortinet', product: 'FortiGate 60E', versions: ['FortiOS 6.4'], endOfLife: '2025-09-30', short: 'FortiGate 60E' },
    { vendor: 'Cisco', product: 'ASA 5516-X', versions: ['ASA 9.12'], endOfLife: '2025-08-31', short: 'Cisco ASA 5516-X' },
    { vendor: 'Sophos', product: 'XG 230', versions: ['SFOS 18.5'], endOfLife: '2025-03-31', short: 'Sophos XG 230' },
    { vendor: 'Microsoft', product: 'Defender Antivirus', versions: ['4.18'], endOfLife: null, short: 'Microsoft Defender' },
    { vendor: 'Kaspersky', product: 'Endpoint Security', versions: ['11.6'], endOfLife: '2024-12-31', short: 'antivirus Kaspersky' },
  ],
  collaboration: [
    { vendor: 'Microsoft', product: 'Exchange Server', versions: ['2013 CU23', '2016 CU23'], endOfLife: '2023-04-11', short: 'Exchange Server 2013' },
    { vendor: 'Avaya', product: 'IP Office 500 V2', versions: ['11.0'], endOfLife: '2025-06-30', short: 'PABX Avaya IP Office' },
    { vendor: 'Cisco', product: 'Unified Communications Manager', versions: ['11.5', '12.5'], endOfLife: '2024-08-31', short: 'Cisco CUCM 11.5' },
    { vendor: 'Microsoft', product: 'Microsoft 365 Business Basic', versions: ['—'], endOfLife: null, short: 'Microsoft 365 Basic' },
    { vendor: 'Panasonic', product: 'KX-TDA600 PABX', versions: ['5.0'], endOfLife: '2019-03-31', short: 'PABX analog Panasonic' },
  ],
  data: [
    { vendor: 'Microsoft', product: 'SQL Server', versions: ['2012 SP4', '2014 SP3'], endOfLife: '2022-07-12', short: 'SQL Server 2012' },
    { vendor: 'Microsoft', product: 'SQL Server', versions: ['2016 SP3'], endOfLife: '2026-07-14', short: 'SQL Server 2016' },
    { vendor: 'Oracle', product: 'Database', versions: ['11g R2', '12c R1'], endOfLife: '2020-12-31', short: 'Oracle Database 11g' },
    { vendor: 'SAP', product: 'ERP Central Component (ECC)', versions: ['6.0 EHP7'], endOfLife: '2027-12-31', short: 'SAP ECC 6.0' },
    { vendor: 'Veeam', product: 'Backup & Replication', versions: ['9.5 U4'], endOfLife: '2022-01-31', short: 'Veeam B&R 9.5' },
  ],
};

/** A threat: `{item}` is replaced by an inventory item of the same category when there is one. */
export interface ThreatTemplate {
  text: string;
  needsItem: boolean;
}

const t = (text: string): ThreatTemplate => ({ text, needsItem: text.includes('{item}') });

export const threatCatalogue: Record<ItCategory, readonly ThreatTemplate[]> = {
  network: [
    t('Switch {item} end-of-support, tanpa patch keamanan'),
    t('Single point of failure pada link internet kantor pusat'),
    t('Bandwidth WAN antar cabang tidak mencukupi saat jam sibuk'),
    t('Wi-Fi tamu dan karyawan belum tersegmentasi'),
    t('Network outage risk: {item} tanpa redundansi'),
  ],
  compute: [
    t('Server {item} end-of-support'),
    t('Kapasitas cluster virtualisasi hampir penuh (CPU > 85%)'),
    t('Hypervisor {item} sudah end of general support'),
    t('Belum ada DR site untuk aplikasi core'),
    t('Aging hardware: server {item} sering hang'),
  ],
  storage: [
    t('Storage {item} hampir penuh, pertumbuhan data 30% per tahun'),
    t('Backup masih ke {item}, restore test tidak pernah dilakukan'),
    t('Single controller storage tanpa redundansi'),
    t('RPO/RTO tidak terdefinisi untuk data keuangan'),
  ],
  security: [
    t('Ransomware exposure on file servers'),
    t('Firewall {item} end-of-support'),
    t('Belum ada MFA untuk akses VPN'),
    t('Phishing email menyasar tim finance'),
    t('Log keamanan tidak dipantau 24/7 (belum ada SOC/SIEM)'),
    t('Endpoint protection {item} tidak terpusat'),
  ],
  collaboration: [
    t('{item} on-premise sudah end-of-support'),
    t('PABX lama tidak mendukung kerja hybrid'),
    t('Rapat dengan cabang masih pakai aplikasi gratis tanpa kontrol akses'),
    t('Shadow IT: file sharing lewat akun pribadi'),
  ],
  data: [
    t('Data pelanggan tersebar di spreadsheet, risiko kebocoran (UU PDP)'),
    t('Database {item} end-of-support'),
    t('Laporan manajemen manual, terlambat dua minggu'),
    t('Kepatuhan UU PDP No. 27/2022 belum dinilai'),
    t('Data silo antar divisi, tidak ada single source of truth'),
  ],
};

/** Notes of the go-live tick (the manual gate of implementation). */
export const goLiveNotes = [
  'Go-live dikonfirmasi; BAST ditandatangani pelanggan',
  'UAT lulus, sistem berjalan di production',
  'Cut-over selesai akhir pekan, tidak ada insiden',
  'Go-live confirmed by the customer’s IT manager',
];

/** Why a sales manager let a journey past a gate it had not met. */
export const overrideReasons: Record<string, readonly string[]> = {
  'first-touch': ['Referensi langsung dari CIO grup; sentuhan personal menyusul', 'Lead dari principal, sudah kenal tim TI pelanggan'],
  'it-assessment': ['Pelanggan menolak assessment, kebutuhan sudah jelas dari RFP', 'Tender dengan tenggat ketat; assessment dilakukan paralel'],
  'sa-demo': ['Demo sudah dilakukan oleh principal, bukan SA kita', 'Pelanggan sudah memakai solusi yang sama di cabang lain'],
  'kick-off': ['Kick-off digabung dengan rapat proyek pelanggan, belum dicatat', 'Implementasi oleh principal; kick-off di luar CRM'],
  'go-live': ['Go-live dikonfirmasi lisan; BAST menyusul', 'Pelanggan minta lanjut ke tahap konfirmasi sebelum BAST'],
  satisfaction: ['Survei dikirim, pelanggan belum sempat mengisi; feedback lisan positif', 'Pelanggan puas (disampaikan saat QBR), survei menyusul'],
  'contact-persona': ['Kontak dicatat oleh principal, belum diinput'],
};

/** Why an application journey went past persuasion: no IT risk category maps to application solutions. */
export const unmappedAssessmentReason = 'Belum ada kategori risiko TI yang dipetakan ke solusi aplikasi; assessment dicatat di proposal';
