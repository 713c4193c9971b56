import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { describeEachDatabase } from '../support/databases.js';
import { contactInput, json, makeJourney, testApp, type Activity, type Caller, type Contact, type TestApp } from '../support/app.js';
import { startSmtpServer, surveyTokenIn, type SmtpServer } from '../support/smtp.js';

interface SurveyView {
  id: string;
  kind: string;
  contactId: string;
  sentAt: string | null;
  answeredAt: string | null;
  score: number | null;
  comment: string | null;
}

describeEachDatabase('satisfaction surveys', (t) => {
  let h: TestApp;
  let smtp: SmtpServer;
  let am: Caller;
  let other: Caller;

  beforeEach(async () => {
    await t.db.kysely.deleteFrom('survey_responses').execute();
    await t.db.kysely.deleteFrom('survey_requests').execute();
    h = await testApp(t.db);
    smtp = await startSmtpServer();
    const admin = await h.makeUser('admin');
    am = await h.makeUser('account_manager');
    other = await h.makeUser('account_manager');
    await admin.request({ method: 'PUT', url: '/api/admin/smtp', payload: { host: '127.0.0.1', port: smtp.port, security: 'none', username: null, fromAddress: 'difusi@example.test' } });
  });

  afterEach(async () => {
    await smtp.close();
  });

  async function journeyWithContact(consented = true) {
    const made = await makeJourney(h, am, { stage: 'confirmation' });
    const consents = consented ? [{ channel: 'email', granted: true, source: 'go-live meeting', recordedAt: new Date().toISOString() }] : [];
    const res = await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(made.account.id, { email: 'rina@pelanggan.test', fullName: 'Rina Wulandari', consents }) });
    expect(res.statusCode, res.body).toBe(201);
    return { ...made, contact: json<Contact>(res) };
  }

  async function requestSurvey(journeyId: string, kind: 'csat' | 'nps') {
    const res = await am.request({ method: 'POST', url: `/api/journeys/${journeyId}/surveys`, payload: { kind }, headers: { host: 'crm.example.test' } });
    expect(res.statusCode, res.body).toBe(201);
    return json<SurveyView>(res);
  }

  it('emails a CSAT link that the contact answers once, recorded on the journey', async () => {
    const { journey, contact } = await journeyWithContact();
    const request = await requestSurvey(journey.id, 'csat');
    expect(request).toMatchObject({ kind: 'csat', contactId: contact.id });
    expect(request.sentAt).not.toBeNull();

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['rina@pelanggan.test']);
    expect(smtp.received[0]?.text).toContain('http://crm.example.test/survey/');
    const token = surveyTokenIn(smtp.received[0]?.text ?? '');

    const shown = await h.app.inject({ method: 'GET', url: `/api/surveys/${token}` });
    expect(shown.statusCode).toBe(200);
    expect(json(shown)).toMatchObject({ kind: 'csat', min: 1, max: 5, answered: false, contactName: 'Rina Wulandari', solutionName: journey.solutionName });

    const answered = await h.app.inject({ method: 'POST', url: `/api/surveys/${token}`, payload: { score: 4, comment: 'Implementasi lancar' } });
    expect(answered.statusCode, answered.body).toBe(200);
    const twice = await h.app.inject({ method: 'POST', url: `/api/surveys/${token}`, payload: { score: 1 } });
    expect(twice.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(twice).error.code).toBe('survey_answered');
    expect(json(await h.app.inject({ method: 'GET', url: `/api/surveys/${token}` }))).toMatchObject({ answered: true });

    const surveys = json<{ items: SurveyView[]; latestCsat: number | null }>(await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/surveys` }));
    expect(surveys.latestCsat).toBe(4);
    expect(surveys.items).toHaveLength(1);
    expect(surveys.items[0]).toMatchObject({ score: 4, comment: 'Implementasi lancar' });

    const activities = json<{ items: Activity[] }>(await am.request({ method: 'GET', url: `/api/activities?journeyId=${journey.id}` })).items;
    const survey = activities.filter((a) => a.type === 'survey');
    expect(survey).toHaveLength(1);
    expect(survey[0]?.participants.contactIds).toEqual([contact.id]);
  });

  it('takes NPS answers from 0 to 10 and refuses a score out of range, naming it', async () => {
    const { journey } = await journeyWithContact();
    await requestSurvey(journey.id, 'nps');
    const token = surveyTokenIn(smtp.received[0]?.text ?? '');
    const tooHigh = await h.app.inject({ method: 'POST', url: `/api/surveys/${token}`, payload: { score: 11 } });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.body).toContain('body.score');
    const ok = await h.app.inject({ method: 'POST', url: `/api/surveys/${token}`, payload: { score: 0 } });
    expect(ok.statusCode).toBe(200);

    const { journey: csatJourney } = await journeyWithContact();
    await requestSurvey(csatJourney.id, 'csat');
    const csatToken = surveyTokenIn(smtp.received[1]?.text ?? '');
    const zero = await h.app.inject({ method: 'POST', url: `/api/surveys/${csatToken}`, payload: { score: 0 } });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('between 1 and 5');

    const summary = json<{ nps: { answered: number; score: number; detractors: number } }>(await am.request({ method: 'GET', url: `/api/surveys/summary?solutionId=${journey.solutionId}` }));
    expect(summary.nps).toMatchObject({ answered: 1, score: -100, detractors: 1 });
  });

  it('answers an unknown token with 404 and an expired one with 410', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/surveys/not-a-real-token' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'POST', url: '/api/surveys/not-a-real-token', payload: { score: 3 } })).statusCode).toBe(404);

    const { journey } = await journeyWithContact();
    await requestSurvey(journey.id, 'csat');
    const token = surveyTokenIn(smtp.received[0]?.text ?? '');
    // The same database, 31 days later.
    const later = await buildApp({ deps: { ...h.deps, clock: { now: () => new Date(Date.now() + 31 * 86_400_000) } } });
    const expired = await later.inject({ method: 'POST', url: `/api/surveys/${token}`, payload: { score: 5 } });
    expect(expired.statusCode).toBe(410);
    expect(json<{ error: { code: string } }>(expired).error.code).toBe('survey_expired');
    expect((await later.inject({ method: 'GET', url: `/api/surveys/${token}` })).statusCode).toBe(410);
    await later.close();
  });

  it('refuses to email a contact without email consent, and sends nothing', async () => {
    const { journey, contact } = await journeyWithContact(false);
    const named = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/surveys`, payload: { kind: 'csat', contactId: contact.id } });
    expect(named.statusCode).toBe(422);
    expect(json<{ error: { code: string } }>(named).error.code).toBe('consent_refused');
    const anyone = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/surveys`, payload: { kind: 'csat' } });
    expect(anyone.statusCode).toBe(422);
    expect(smtp.received).toHaveLength(0);
    expect(json<{ items: unknown[] }>(await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/surveys` })).items).toHaveLength(0);
  });

  it('lets only those who may write the journey request a survey, and nobody without signing in', async () => {
    const { journey } = await journeyWithContact();
    expect((await other.request({ method: 'POST', url: `/api/journeys/${journey.id}/surveys`, payload: { kind: 'csat' } })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: `/api/journeys/${journey.id}/surveys`, payload: { kind: 'csat' } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: `/api/journeys/${journey.id}/surveys` })).statusCode).toBe(401);
    const foreign = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/surveys`, payload: { kind: 'csat', contactId: 'nobody' } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('body.contactId');
    expect(smtp.received).toHaveLength(0);
  });
});
