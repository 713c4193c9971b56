import { createHash, randomBytes } from 'node:crypto';
import { netPromoterScore, npsCategory, SURVEY_VALID_DAYS, surveyScoreRange } from '../domain/automation.js';
import type { Actor } from '../domain/policy.js';
import type { Repositories } from '../db/repositories/index.js';
import type { SurveyCandidate } from '../db/repositories/surveys.repository.js';
import { AppError, invalidField } from '../shared/errors.js';
import type { Journey } from '../shared/schemas/journeys.js';
import type {
  JourneySurveys,
  PublicSurvey,
  SurveyAnswerBody,
  SurveyKind,
  SurveyRequestBody,
  SurveyRequestView,
  SurveySummary,
  SurveySummaryQuery,
} from '../shared/schemas/surveys.js';
import { consentAllows } from './channels.service.js';
import { audit, authorize, notFound, nowIso, read, transact, type Deps } from './context.js';
import { journeySubject } from './journeys.service.js';
import { sendEmail } from './mail.js';

/** A survey link token: 256 random bits; only its SHA-256 is stored. */
export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSurveyToken(token) };
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/survey/${token}`;
}

export function surveyExpiry(now: Date): string {
  return new Date(now.getTime() + SURVEY_VALID_DAYS * 86_400_000).toISOString();
}

/** The email with the survey link, in Indonesian and English (the page itself lets them choose). */
export function surveyEmail(kind: SurveyKind, contactName: string, solutionName: string, link: string): { subject: string; text: string } {
  const question =
    kind === 'csat'
      ? { id: `Seberapa puas Anda dengan ${solutionName}? (1–5)`, en: `How satisfied are you with ${solutionName}? (1–5)` }
      : {
          id: `Seberapa besar kemungkinan Anda merekomendasikan ${solutionName} kepada rekan? (0–10)`,
          en: `How likely are you to recommend ${solutionName} to a colleague? (0–10)`,
        };
  return {
    subject: `Survei kepuasan: ${solutionName} / Satisfaction survey`,
    text:
      `Halo ${contactName},\n\n${question.id}\nJawab dengan satu klik di sini (tautan berlaku ${SURVEY_VALID_DAYS} hari):\n${link}\n\nTerima kasih.\n\n` +
      `---\n\nHello ${contactName},\n\n${question.en}\nAnswer with one click here (the link is valid for ${SURVEY_VALID_DAYS} days):\n${link}\n\nThank you.\n`,
  };
}

/**
 * The contact to ask: the one named (when they have an address and consent), else the first
 * candidate (see SurveysRepository.candidates) whose email consent is in force; null when nobody may be emailed.
 */
export async function surveyRecipient(repos: Repositories, journey: Pick<Journey, 'id' | 'accountId'>, preferredContactId: string | null): Promise<SurveyCandidate | null> {
  const candidates = await repos.surveys.candidates(journey.accountId, journey.id);
  const ordered = preferredContactId ? [...candidates.filter((c) => c.id === preferredContactId), ...candidates.filter((c) => c.id !== preferredContactId)] : candidates;
  for (const candidate of ordered) if (await consentAllows(repos, candidate.id, 'email')) return candidate;
  return null;
}

export function surveysService(deps: Deps) {
  async function loadJourney(repos: Repositories, id: string): Promise<Journey> {
    const journey = await repos.journeys.findById(id);
    if (!journey) throw notFound('journey', id);
    return journey;
  }

  async function byToken(repos: Repositories, token: string) {
    const found = await repos.surveys.findByTokenHash(hashSurveyToken(token));
    if (!found) throw new AppError('not_found', { record: 'survey' }, 'This survey link is not valid.');
    return found;
  }

  return {
    /**
     * Emails a survey link to a contact of the journey's account. Order: permission, contact,
     * address, consent, store the request, send (a failed send removes the request), mark sent.
     */
    async request(actor: Actor, journeyId: string, body: SurveyRequestBody, publicUrl: string): Promise<SurveyRequestView> {
      const repos = read(deps);
      const journey = await loadJourney(repos, journeyId);
      authorize(actor, 'write', journeySubject(journey));
      let recipient: SurveyCandidate | null;
      if (body.contactId) {
        const contact = await repos.contacts.findById(body.contactId);
        if (!contact || contact.accountId !== journey.accountId) throw invalidField('body.contactId', 'is not a contact of the journey’s account');
        if (!contact.email) throw new AppError('contact_unreachable', { channel: 'email', contactId: contact.id }, 'The contact has no email address.');
        if (!(await consentAllows(repos, contact.id, 'email'))) throw new AppError('consent_refused', { channel: 'email', contactId: contact.id }, 'The contact has not consented to email.');
        recipient = { id: contact.id, fullName: contact.fullName, email: contact.email, influence: contact.influence, lastTookPartAt: null };
      } else {
        recipient = await surveyRecipient(repos, journey, null);
        if (!recipient) throw new AppError('contact_unreachable', { channel: 'email', journeyId }, 'No contact of this account has an email address and email consent.');
      }

      const { token, hash } = newSurveyToken();
      const now = deps.clock.now();
      const request = await transact(deps, async (trx) => {
        const created = await trx.surveys.insertRequest(
          { id: deps.ids.next(), journeyId, contactId: recipient.id, kind: body.kind, tokenHash: hash, jobId: null, requestedBy: actor.userId, expiresAt: surveyExpiry(now) },
          now.toISOString(),
        );
        await audit(trx, deps, actor, 'request_survey', 'journey', journeyId, null, { requestId: created.id, kind: body.kind, contactId: recipient.id });
        return created;
      });
      const email = surveyEmail(body.kind, recipient.fullName, journey.solutionName, surveyLink(publicUrl, token));
      try {
        await sendEmail(deps, { to: recipient.email, ...email });
      } catch (error) {
        await transact(deps, (trx) => trx.surveys.deleteUnsent(request.id));
        throw error;
      }
      const sentAt = nowIso(deps);
      await transact(deps, (trx) => trx.surveys.markSent(request.id, sentAt));
      return {
        id: request.id,
        journeyId,
        contactId: recipient.id,
        contactName: recipient.fullName,
        kind: body.kind,
        source: 'manual',
        createdAt: request.createdAt,
        sentAt,
        expiresAt: request.expiresAt,
        answeredAt: null,
        score: null,
        comment: null,
      };
    },

    async forJourney(journeyId: string): Promise<JourneySurveys> {
      const repos = read(deps);
      await loadJourney(repos, journeyId);
      const items = await repos.surveys.listForJourney(journeyId);
      const latest = (kind: SurveyKind) =>
        items
          .filter((i) => i.kind === kind && i.score !== null && i.answeredAt !== null)
          .sort((a, b) => ((a.answeredAt ?? '') < (b.answeredAt ?? '') ? 1 : -1))[0]?.score ?? null;
      return { items, latestCsat: latest('csat'), latestNps: latest('nps') };
    },

    /** What the public page shows; 404 for an unknown token, 410 once expired (an answered one still shows, as answered). */
    async publicView(token: string): Promise<PublicSurvey> {
      const survey = await byToken(read(deps), token);
      if (survey.answeredAt === null && survey.expiresAt <= nowIso(deps)) throw new AppError('survey_expired', { expiresAt: survey.expiresAt });
      const range = surveyScoreRange(survey.kind);
      return {
        kind: survey.kind,
        contactName: survey.contactName,
        accountName: survey.accountName,
        solutionName: survey.solutionName,
        min: range.min,
        max: range.max,
        answered: survey.answeredAt !== null,
        expiresAt: survey.expiresAt,
      };
    },

    /**
     * Records the answer once (409 when answered, 410 when expired), on the journey as a
     * `survey` activity with the contact taking part — the evidence of the confirmation gate.
     */
    answer(token: string, body: SurveyAnswerBody): Promise<{ recorded: true }> {
      return transact(deps, async (repos) => {
        const survey = await byToken(repos, token);
        const now = nowIso(deps);
        if (survey.answeredAt !== null) throw new AppError('survey_answered', { answeredAt: survey.answeredAt });
        if (survey.expiresAt <= now) throw new AppError('survey_expired', { expiresAt: survey.expiresAt });
        const range = surveyScoreRange(survey.kind);
        if (body.score < range.min || body.score > range.max) throw invalidField('body.score', `must be between ${range.min} and ${range.max} for ${survey.kind.toUpperCase()}`);
        if (!(await repos.surveys.markAnswered(survey.id, now))) throw new AppError('survey_answered', {});
        await repos.surveys.insertResponse({ requestId: survey.id, score: body.score, comment: body.comment, at: now });

        const journey = await repos.journeys.findById(survey.journeyId);
        if (journey) {
          const label = survey.kind === 'csat' ? `CSAT ${body.score}/5` : `NPS ${body.score}/10 (${npsCategory(body.score)})`;
          const activity = await repos.activities.insert(
            {
              id: deps.ids.next(),
              type: 'survey',
              subject: `${label}: ${survey.contactName}`.slice(0, 300),
              notes: body.comment,
              occurredAt: now,
              accountId: journey.accountId,
              journeyId: journey.id,
              outcome: label,
              nextStep: null,
              participants: { userIds: [], contactIds: [survey.contactId] },
              createdBy: null,
            },
            now,
          );
          await repos.journeys.touch(journey.id, now);
          await repos.events.append({
            id: deps.ids.next(),
            type: 'activity.logged',
            subjectType: 'activity',
            subjectId: activity.id,
            payload: { activityType: 'survey', accountId: journey.accountId, journeyId: journey.id, contactIds: [survey.contactId], surveyKind: survey.kind, score: body.score },
            actorId: null,
            occurredAt: now,
          });
          await audit(repos, deps, null, 'create', 'activity', activity.id, null, activity);
        }
        await audit(repos, deps, null, 'answer_survey', 'journey', survey.journeyId, null, { requestId: survey.id, kind: survey.kind, score: body.score });
        return { recorded: true as const };
      });
    },

    /** CSAT average and distribution, NPS with its categories, and how many were sent. */
    async summary(query: SurveySummaryQuery): Promise<SurveySummary> {
      const repos = read(deps);
      const filter = { solutionId: query.solutionId, from: query.from ? `${query.from}T00:00:00.000Z` : undefined, to: query.to ? `${query.to}T00:00:00.000Z` : undefined };
      const [scores, sent] = await Promise.all([repos.surveys.scores(filter), repos.surveys.sentCounts(filter)]);
      const csat = scores.filter((s) => s.kind === 'csat').map((s) => s.score);
      const nps = scores.filter((s) => s.kind === 'nps').map((s) => s.score);
      const sentOf = (kind: SurveyKind) => sent.find((s) => s.kind === kind)?.sent ?? 0;
      return {
        csat: {
          sent: sentOf('csat'),
          answered: csat.length,
          average: csat.length === 0 ? null : Math.round((csat.reduce((a, b) => a + b, 0) / csat.length) * 100) / 100,
          distribution: [1, 2, 3, 4, 5].map((v) => csat.filter((s) => s === v).length),
        },
        nps: {
          sent: sentOf('nps'),
          answered: nps.length,
          score: netPromoterScore(nps),
          promoters: nps.filter((s) => npsCategory(s) === 'promoter').length,
          passives: nps.filter((s) => npsCategory(s) === 'passive').length,
          detractors: nps.filter((s) => npsCategory(s) === 'detractor').length,
        },
      };
    },
  };
}
