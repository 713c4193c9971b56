import type { Outcome, Stage } from '../shared/vocabulary.js';
import type { GateCheck, GateEvidence, GateLabel } from './gates.js';

/**
 * Next best actions for a journey: what the seller should do now, each with the reason,
 * derived from the current stage's unmet gates and the practice in the reference paper
 * (personal approach, IT-environment analysis, SA demo, educational content for beginners,
 * follow-up and satisfaction checks). Pure: the service passes the evidence and the clock.
 */

export const nextBestActionCodes = [
  'record_contact_persona',
  'make_personal_touch',
  'log_activity',
  'run_it_assessment',
  'assign_sa',
  'schedule_sa_demo',
  'set_field',
  'confirm_gate',
  'satisfaction_check',
  'send_beginner_case_study',
  'follow_up',
] as const;
export type NextBestActionCode = (typeof nextBestActionCodes)[number];

export interface NextBestAction {
  code: NextBestActionCode;
  /** The gate the action would meet, when it is one. */
  gateId: string | null;
  /** When it is due, for actions with a date (the 30-day satisfaction check). */
  dueAt: string | null;
  explanation: GateLabel;
}

export interface NextBestActionJourney {
  stage: Stage;
  outcome: Outcome;
  saId: string | null;
  stageEnteredAt: string;
  lastActivityAt: string | null;
}

export type NextBestActionEvidence = Omit<GateEvidence, 'contacts'> & { contacts: readonly { id: string; techProficiency: string }[] };

/** Days without a touch after which an open journey needs a follow-up. */
export const FOLLOW_UP_AFTER_DAYS = 14;
/** Days after entering confirmation when the satisfaction check is due. */
export const SATISFACTION_CHECK_DAYS = 30;

const DAY = 24 * 60 * 60 * 1000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

/** The current stage's unmet gates become actions first, then the advice that is not a gate. */
export function nextBestActions(
  journey: NextBestActionJourney,
  checks: readonly GateCheck[],
  evidence: NextBestActionEvidence,
  now: Date,
): NextBestAction[] {
  if (journey.outcome !== 'open') return [];
  const actions: NextBestAction[] = [];
  const add = (code: NextBestActionCode, explanation: GateLabel, gateId: string | null = null, dueAt: string | null = null) => {
    if (!actions.some((a) => a.code === code && a.gateId === gateId)) actions.push({ code, gateId, dueAt, explanation });
  };

  for (const { gate, met } of checks) {
    if (met) continue;
    switch (gate.kind) {
      case 'contact_persona':
        add('record_contact_persona', {
          en: 'Record who you are talking to (division, level, tech proficiency, influence) so the conversation fits their background.',
          id: 'Catat siapa lawan bicara Anda (divisi, level, kemahiran teknologi, pengaruh) agar percakapan sesuai latar belakangnya.',
        }, gate.id);
        break;
      case 'activity':
        if (gate.saLed) {
          if (journey.saId === null) add('assign_sa', { en: 'Assign a solution architect: the decision needs an SA-led demo or technical session.', id: 'Tugaskan solution architect: keputusan memerlukan demo atau sesi teknis bersama SA.' }, gate.id);
          else add('schedule_sa_demo', { en: 'Schedule a solution demo or technical discussion with the solution architect.', id: 'Jadwalkan demo solusi atau diskusi teknis bersama solution architect.' }, gate.id);
        } else if (journey.stage === 'knowledge') {
          add('make_personal_touch', { en: 'Make the first personal touch (visit, call or WhatsApp) and log it.', id: 'Lakukan sentuhan personal pertama (kunjungan, telepon, atau WhatsApp) lalu catat.' }, gate.id);
        } else {
          add('log_activity', { en: `Log the evidence: ${gate.label.en}.`, id: `Catat buktinya: ${gate.label.id}.` }, gate.id);
        }
        break;
      case 'sa_meeting':
        if (journey.saId === null) add('assign_sa', { en: 'Assign a solution architect to the journey.', id: 'Tugaskan solution architect pada perjalanan ini.' }, gate.id);
        else add('schedule_sa_demo', { en: 'Schedule a meeting with the solution architect.', id: 'Jadwalkan pertemuan bersama solution architect.' }, gate.id);
        break;
      case 'it_assessment':
        add('run_it_assessment', {
          en: 'Run an IT-environment assessment: record the inventory and the threats the solution would mitigate.',
          id: 'Lakukan asesmen lingkungan TI: catat inventaris dan ancaman yang akan dimitigasi solusi.',
        }, gate.id);
        break;
      case 'field_set':
        add('set_field', { en: `Fill in: ${gate.label.en}.`, id: `Lengkapi: ${gate.label.id}.` }, gate.id);
        break;
      case 'survey': {
        const due = addDays(journey.stageEnteredAt, SATISFACTION_CHECK_DAYS);
        add('satisfaction_check', { en: '30-day satisfaction check: record the customer’s CSAT or NPS.', id: 'Cek kepuasan 30 hari: catat CSAT atau NPS pelanggan.' }, gate.id, due);
        break;
      }
      case 'manual':
        add('confirm_gate', { en: `Confirm with a note: ${gate.label.en}.`, id: `Konfirmasi dengan catatan: ${gate.label.id}.` }, gate.id);
        break;
    }
  }

  // Beginners adopt through education: persuasion is when a plain-language case study helps.
  const hasBeginner = evidence.contacts.some((c) => c.techProficiency === 'beginner');
  const sharedContent = evidence.activities.some((a) => a.type === 'content_shared');
  if (journey.stage === 'persuasion' && hasBeginner && !sharedContent) {
    add('send_beginner_case_study', {
      en: 'A contact is a technology beginner: send a case study written for beginners.',
      id: 'Ada kontak yang masih pemula teknologi: kirim studi kasus untuk pemula.',
    });
  }

  const lastTouch = journey.lastActivityAt ?? journey.stageEnteredAt;
  const idleDays = Math.floor((now.getTime() - Date.parse(lastTouch)) / DAY);
  if (idleDays >= FOLLOW_UP_AFTER_DAYS) {
    add('follow_up', { en: `No touch for ${idleDays} days: follow up.`, id: `Tidak ada kontak selama ${idleDays} hari: lakukan tindak lanjut.` });
  }
  return actions;
}
