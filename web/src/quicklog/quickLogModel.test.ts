import { describe, expect, it } from 'vitest';
import { activityTypes } from '../../../src/shared/vocabulary';
import { emptyQuickLog, missingSa, quickLogTypes, suggestedSubject, validateQuickLog } from './quickLogModel';

describe('the quick log', () => {
  it('offers every activity type once, field work first', () => {
    expect([...quickLogTypes].sort()).toEqual([...activityTypes].sort());
    expect(quickLogTypes.slice(0, 3)).toEqual(['visit', 'call', 'whatsapp']);
  });

  it('needs an account and a subject', () => {
    expect(validateQuickLog(emptyQuickLog)).toEqual({ ok: false, errors: { accountId: 'validation.accountRequired', subject: 'validation.subjectRequired' } });
    expect(validateQuickLog({ ...emptyQuickLog, accountId: 'a', subject: 'x'.repeat(301) })).toEqual({ ok: false, errors: { subject: 'validation.tooLong' } });
  });

  it('sends trimmed text, empty fields as null and the contact as a participant', () => {
    const result = validateQuickLog({
      ...emptyQuickLog,
      type: 'whatsapp',
      accountId: 'a1',
      contactId: 'c1',
      subject: '  Kirim brosur  ',
      notes: ' ',
      outcome: 'Tertarik',
      nextStep: '',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        type: 'whatsapp',
        accountId: 'a1',
        subject: 'Kirim brosur',
        notes: null,
        journeyId: null,
        outcome: 'Tertarik',
        nextStep: null,
        participants: { userIds: [], contactIds: ['c1'] },
      },
    });
  });

  it('suggests a subject from the type and the contact', () => {
    expect(suggestedSubject('WhatsApp', 'Sari Dewi')).toBe('WhatsApp — Sari Dewi');
    expect(suggestedSubject('Kunjungan', null)).toBe('Kunjungan');
  });

  it('sends colleagues and further contacts as participants, each once, the main contact first', () => {
    const result = validateQuickLog({ ...emptyQuickLog, type: 'demo', accountId: 'a1', contactId: 'c1', subject: 'Demo', userIds: ['sa1', 'sa1', 'u2'], contactIds: ['c2', 'c1'] });
    expect(result.ok && result.body.participants).toEqual({ userIds: ['sa1', 'u2'], contactIds: ['c1', 'c2'] });
  });

  it('points out the journey’s SA missing from a demo or meeting, not from other touches', () => {
    expect(missingSa({ type: 'demo', userIds: [] }, 'sa1', 'am1')).toBe('sa1');
    expect(missingSa({ type: 'meeting', userIds: ['sa1'] }, 'sa1', 'am1')).toBeNull();
    expect(missingSa({ type: 'demo', userIds: [] }, 'sa1', 'sa1')).toBeNull();
    expect(missingSa({ type: 'visit', userIds: [] }, 'sa1', 'am1')).toBeNull();
    expect(missingSa({ type: 'demo', userIds: [] }, null, 'am1')).toBeNull();
  });

  it('reads "when" as wall time in the user’s zone and refuses a bad or future one', () => {
    const clock = { timeZone: 'Asia/Jakarta', now: new Date('2026-11-28T10:00:00.000Z') };
    const base = { ...emptyQuickLog, accountId: 'a1', subject: 'Kunjungan' };
    const at = validateQuickLog({ ...base, occurredAt: '2026-11-28T09:30' }, clock);
    expect(at.ok && at.body.occurredAt).toBe('2026-11-28T02:30:00.000Z');
    const inMakassar = validateQuickLog({ ...base, occurredAt: '2026-11-28T09:30' }, { ...clock, timeZone: 'Asia/Makassar' });
    expect(inMakassar.ok && inMakassar.body.occurredAt).toBe('2026-11-28T01:30:00.000Z');
    expect(validateQuickLog({ ...base, occurredAt: '' }, clock)).toMatchObject({ ok: true, body: { subject: 'Kunjungan' } });
    expect(validateQuickLog({ ...base, occurredAt: '' }, clock).ok && 'occurredAt' in (validateQuickLog({ ...base, occurredAt: '' }, clock) as { body: object }).body).toBe(false);
    expect(validateQuickLog({ ...base, occurredAt: '2026-02-31T09:00' }, clock)).toEqual({ ok: false, errors: { occurredAt: 'validation.dateTimeInvalid' } });
    // 17:10 in Jakarta is 10:10 UTC: ten minutes ahead of the clock, past the grace.
    expect(validateQuickLog({ ...base, occurredAt: '2026-11-28T17:10' }, clock)).toEqual({ ok: false, errors: { occurredAt: 'validation.notInFuture' } });
    expect(validateQuickLog({ ...base, occurredAt: '2026-11-28T17:03' }, clock).ok).toBe(true);
  });
});
