import { call } from '../team/teamApi';
import type { JourneySurveys, PublicSurvey, SurveyRequestView, SurveySummary } from '../../../src/shared/schemas/surveys';

export type { JourneySurveys, PublicSurvey, SurveyRequestView, SurveySummary };

/** Survey links (public, by token) and the surveys of a journey. */
export const surveysApi = {
  show: (token: string) => call<PublicSurvey>('GET', `/surveys/${encodeURIComponent(token)}`),
  answer: (token: string, body: { score: number; comment: string | null }) => call<{ recorded: true }>('POST', `/surveys/${encodeURIComponent(token)}`, undefined, body),
  ofJourney: (journeyId: string) => call<JourneySurveys>('GET', `/journeys/${encodeURIComponent(journeyId)}/surveys`),
  request: (journeyId: string, body: { kind: 'csat' | 'nps'; contactId?: string }) => call<SurveyRequestView>('POST', `/journeys/${encodeURIComponent(journeyId)}/surveys`, undefined, body),
};

/** The buttons a survey offers: 1…5 for CSAT, 0…10 for NPS. */
export function scoreButtons(survey: Pick<PublicSurvey, 'min' | 'max'>): number[] {
  return Array.from({ length: survey.max - survey.min + 1 }, (_, i) => survey.min + i);
}
