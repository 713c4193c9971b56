import { z } from 'zod';

/** Building blocks shared by every resource's request and response schemas. */
export const idSchema = z.string().min(1).max(64).describe('Record id (UUIDv7)');
export const idParams = z.object({ id: idSchema });

export const timestampSchema = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 timestamp');
/** A timestamp as given, stored as UTC `…Z` so that text comparison (SQLite) orders it correctly. */
export const utcTimestampInput = timestampSchema.transform((value) => new Date(value).toISOString());

export const dateSchema = z.iso.date().describe('Calendar date, YYYY-MM-DD');

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as IDR or USD')
  .describe('ISO 4217 currency code');

export const versionSchema = z.number().int().positive().describe('The version you last read; a stale one gets 409');

export const MAX_PAGE_SIZE = 200;

export const listQueryBase = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
  q: z.string().trim().min(1).max(200).optional().describe('Search text'),
});

/** `name` sorts ascending, `-name` descending. */
export function sortParam<const T extends readonly [string, ...string[]]>(fields: T, fallback: string) {
  const allowed = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(allowed).default(fallback).describe(`One of ${fields.join(', ')}; prefix with - for descending`);
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Every 4xx and 5xx has this shape; code is stable, message is in the caller’s language');

export const deletedResponse = z.object({ id: idSchema, deleted: z.literal(true) });

/** Comma-separated list in a query string: `stage=knowledge,persuasion`. */
export function csvEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));
}

export function csvIds() {
  return z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(idSchema).min(1).max(100));
}
