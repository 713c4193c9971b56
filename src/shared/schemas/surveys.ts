import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';
import { surveyKinds } from './automation.js';

/** Satisfaction surveys (issue 4 §8): CSAT and NPS by emailed link, answered once. */

export const surveyKindSchema = z.enum(surveyKinds);
export type SurveyKind = z.infer<typeof surveyKindSchema>;

export const surveyRequestView = z.object({
  id: idSchema,
  journeyId: idSchema,
  contactId: idSchema,
  contactName: z.string(),
  kind: surveyKindSchema,
  source: z.enum(['manual', 'automation']),
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
  expiresAt: timestampSchema,
  answeredAt: timestampSchema.nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export type SurveyRequestView = z.infer<typeof surveyRequestView>;

export const journeySurveys = z.object({
  items: z.array(surveyRequestView),
  latestCsat: z.number().int().nullable().describe('The latest CSAT answer (1–5)'),
  latestNps: z.number().int().nullable().describe('The latest NPS answer (0–10)'),
});
export type JourneySurveys = z.infer<typeof journeySurveys>;

export const surveyRequestBody = z.object({
  kind: surveyKindSchema,
  contactId: idSchema.optional().describe('Who is asked; by default the contact who took part in the journey most recently'),
});
export type SurveyRequestBody = z.infer<typeof surveyRequestBody>;

export const tokenParams = z.object({ token: z.string().min(1).max(200) });

export const publicSurvey = z.object({
  kind: surveyKindSchema,
  contactName: z.string(),
  accountName: z.string(),
  solutionName: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  answered: z.boolean(),
  expiresAt: timestampSchema,
});
export type PublicSurvey = z.infer<typeof publicSurvey>;

export const surveyAnswerBody = z.object({
  score: z.number().int().min(0).max(10),
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type SurveyAnswerBody = z.infer<typeof surveyAnswerBody>;

export const surveyAnswerResult = z.object({ recorded: z.literal(true) });

export const surveySummaryQuery = z.object({
  solutionId: idSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional().describe('Exclusive'),
});
export type SurveySummaryQuery = z.infer<typeof surveySummaryQuery>;

export const surveySummary = z.object({
  csat: z.object({ sent: z.number().int(), answered: z.number().int(), average: z.number().nullable(), distribution: z.array(z.number().int()).describe('Answers per score 1…5') }),
  nps: z.object({
    sent: z.number().int(),
    answered: z.number().int(),
    score: z.number().int().nullable().describe('% promoters − % detractors'),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
  }),
});
export type SurveySummary = z.infer<typeof surveySummary>;
