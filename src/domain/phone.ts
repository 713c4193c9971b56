/**
 * Phone and WhatsApp numbers in E.164 (ITU-T E.164: "+", country code, at most 15 digits),
 * read with Indonesian habits: a national number starting with the trunk prefix 0
 * (0812…, 021…) or written without the plus (62812…) is an Indonesian number (+62).
 */
export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

const INDONESIA = '62';
/** Separators people type between digit groups; anything else is not a phone number. */
const SEPARATORS = /[\s\-.()/]/g;

/** The number in E.164, or why it cannot be one. Pure: no I/O, no locale lookup. */
export function normalizePhone(raw: string): PhoneResult {
  const compact = raw.trim().replace(SEPARATORS, '');
  if (compact.length === 0) return { ok: false, reason: 'is empty' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'may contain only digits, spaces, dashes, dots, brackets and a leading +' };

  if (compact.startsWith('+')) return international(compact.slice(1));
  if (compact.startsWith('00')) return { ok: false, reason: 'write international numbers with + instead of an access code' };
  if (compact.startsWith('0')) return indonesian(compact.slice(1));
  if (compact.startsWith(INDONESIA)) return indonesian(compact.slice(INDONESIA.length));
  return { ok: false, reason: 'must start with +, 0 or 62' };
}

function international(digits: string): PhoneResult {
  if (digits.startsWith(INDONESIA)) return indonesian(digits.slice(INDONESIA.length));
  if (digits.startsWith('0')) return { ok: false, reason: 'a country code does not start with 0' };
  if (digits.length < 7 || digits.length > 15) return { ok: false, reason: 'must have between 7 and 15 digits after the +' };
  return { ok: true, e164: `+${digits}` };
}

/**
 * `national` is the number after +62 / the trunk 0. Indonesian mobile numbers (8xx) have
 * 9–12 digits there, fixed lines (area code + subscriber) 7–11 (Permenkominfo numbering plan).
 */
function indonesian(national: string): PhoneResult {
  if (national.startsWith('0')) return { ok: false, reason: 'has a 0 after the country code' };
  const mobile = national.startsWith('8');
  const [min, max] = mobile ? [9, 12] : [7, 11];
  if (national.length < min || national.length > max) {
    return { ok: false, reason: mobile ? 'is not an Indonesian mobile number of the right length' : 'is not an Indonesian number of the right length' };
  }
  return { ok: true, e164: `+${INDONESIA}${national}` };
}
