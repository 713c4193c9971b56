/**
 * The closed catalogue of errors Difusi reports. Domain and service code throws
 * `AppError` with one of these codes; the HTTP layer maps code → status in one place
 * (`status` below) and renders `{ error: { code, message, details } }`.
 */
export const errorCatalogue = {
  validation_failed: {
    status: 400,
    en: 'The request is not valid.',
    id: 'Permintaan tidak valid.',
  },
  unauthenticated: {
    status: 401,
    en: 'Sign in to continue.',
    id: 'Silakan masuk untuk melanjutkan.',
  },
  invalid_credentials: {
    status: 401,
    en: 'The email or password is wrong.',
    id: 'Email atau kata sandi salah.',
  },
  invalid_signature: {
    status: 401,
    en: 'The request signature is missing or wrong.',
    id: 'Tanda tangan permintaan tidak ada atau salah.',
  },
  forbidden: {
    status: 403,
    en: 'You are not allowed to do this.',
    id: 'Anda tidak diizinkan melakukan ini.',
  },
  cross_site_request: {
    status: 403,
    en: 'Cross-site requests are refused.',
    id: 'Permintaan lintas situs ditolak.',
  },
  not_found: {
    status: 404,
    en: 'Not found.',
    id: 'Tidak ditemukan.',
  },
  version_conflict: {
    status: 409,
    en: 'Someone changed this record after you loaded it; reload and try again.',
    id: 'Data ini telah diubah orang lain setelah Anda memuatnya; muat ulang lalu coba lagi.',
  },
  already_exists: {
    status: 409,
    en: 'A record with the same identity already exists.',
    id: 'Data dengan identitas yang sama sudah ada.',
  },
  setup_done: {
    status: 409,
    en: 'The workspace already has an administrator.',
    id: 'Ruang kerja ini sudah memiliki administrator.',
  },
  transition_not_allowed: {
    status: 422,
    en: 'This journey cannot move that way.',
    id: 'Perjalanan ini tidak dapat dipindahkan ke sana.',
  },
  gates_unmet: {
    status: 422,
    en: 'This journey has not met the gates of the stage it would leave.',
    id: 'Perjalanan ini belum memenuhi syarat tahap yang akan ditinggalkan.',
  },
  reference_invalid: {
    status: 422,
    en: 'A referenced record does not exist.',
    id: 'Data yang dirujuk tidak ada.',
  },
  missing_exchange_rate: {
    status: 422,
    en: 'No exchange rate is recorded for a currency on that date.',
    id: 'Belum ada kurs untuk mata uang tersebut pada tanggal itu.',
  },
  channel_not_configured: {
    status: 422,
    en: 'This channel is not set up yet; an administrator can configure it in Settings.',
    id: 'Kanal ini belum disiapkan; administrator dapat mengaturnya di Pengaturan.',
  },
  consent_refused: {
    status: 422,
    en: 'The contact has not consented to messages on this channel.',
    id: 'Kontak belum memberikan persetujuan untuk pesan di kanal ini.',
  },
  contact_unreachable: {
    status: 422,
    en: 'The contact has no address on this channel.',
    id: 'Kontak tidak memiliki alamat di kanal ini.',
  },
  delivery_failed: {
    status: 502,
    en: 'The message could not be handed to the mail server.',
    id: 'Pesan tidak dapat diserahkan ke server surel.',
  },
  survey_expired: {
    status: 410,
    en: 'This survey link has expired.',
    id: 'Tautan survei ini sudah kedaluwarsa.',
  },
  survey_answered: {
    status: 409,
    en: 'This survey has already been answered. Thank you!',
    id: 'Survei ini sudah dijawab. Terima kasih!',
  },
  campaign_launched: {
    status: 409,
    en: 'This campaign has already been launched; its audience is fixed.',
    id: 'Kampanye ini sudah diluncurkan; audiensnya sudah tetap.',
  },
  call_list_closed: {
    status: 409,
    en: 'This call list is closed.',
    id: 'Daftar panggilan ini sudah ditutup.',
  },
  campaign_not_running: {
    status: 409,
    en: 'Responses can be recorded only while the campaign is launched.',
    id: 'Respons hanya dapat dicatat selama kampanye berjalan.',
  },
  job_not_dead: {
    status: 409,
    en: 'Only a job that has given up (dead) can be retried.',
    id: 'Hanya tugas otomatis yang sudah berhenti dicoba (mati) yang dapat diulang.',
  },
  payload_too_large: {
    status: 413,
    en: 'The request body is too large.',
    id: 'Isi permintaan terlalu besar.',
  },
  unsupported_media_type: {
    status: 415,
    en: 'Send the body as application/json.',
    id: 'Kirim isi permintaan sebagai application/json.',
  },
  rate_limited: {
    status: 429,
    en: 'Too many attempts; wait a moment and try again.',
    id: 'Terlalu banyak percobaan; tunggu sebentar lalu coba lagi.',
  },
  internal: {
    status: 500,
    en: 'Something went wrong on the server.',
    id: 'Terjadi kesalahan pada server.',
  },
} as const satisfies Record<string, { status: number; en: string; id: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export type Locale = 'id' | 'en';

/** One problem with one field of the input: `field` is a dotted path such as `body.email`. */
export interface FieldIssue {
  field: string;
  reason: string;
}

export interface ErrorDetails {
  issues?: FieldIssue[];
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, details?: ErrorDetails, message?: string) {
    super(message ?? errorCatalogue[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

/** A 400 naming one field and why it was refused. */
export function invalidField(field: string, reason: string): AppError {
  return new AppError('validation_failed', { issues: [{ field, reason }] }, `${field}: ${reason}`);
}

export function messageFor(code: ErrorCode, locale: Locale): string {
  return errorCatalogue[code][locale];
}
