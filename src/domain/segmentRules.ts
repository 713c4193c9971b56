import {
  activityTypes,
  ageBands,
  divisions,
  industries,
  influences,
  opennessLevels,
  regions,
  relationships,
  seniorities,
  sizeBands,
  stages,
  techProficiencies,
  tiers,
  type ActivityType,
  type Stage,
} from '../shared/vocabulary.js';

/**
 * Segments (DESIGN.md §2 STP, §4): a rule tree over account, contact and journey facts.
 * This module is pure: the field catalogue, the rule's shape and its validation against the
 * catalogue, and an in-memory evaluator that is the specification the SQL compiler
 * (segments.repository.ts) must agree with — the property tests hold both to it.
 *
 * A segment's members are live contacts of live accounts; account-level conditions apply to
 * the contact's account. Comparisons are two-valued: a missing value never matches a
 * comparison, so `not` is the plain complement. Text matching (eq, in, contains on text
 * fields) ignores the case of ASCII letters and nothing else. Dates are UTC calendar days.
 */

export const segmentOps = ['eq', 'in', 'between', 'contains', 'exists', 'before', 'after', 'within_days', 'not_within_days', 'in_stage'] as const;
export type SegmentOp = (typeof segmentOps)[number];

export const segmentFieldTypes = ['enum', 'string', 'number', 'date', 'boolean', 'solution-ref', 'activity', 'journey-stage'] as const;
export type SegmentFieldType = (typeof segmentFieldTypes)[number];

export const segmentFieldGroups = ['geographic', 'demographic', 'psychographic', 'behavioural'] as const;
export type SegmentFieldGroup = (typeof segmentFieldGroups)[number];

export interface SegmentField {
  id: string;
  group: SegmentFieldGroup;
  /** Whose fact it is: the contact's own, or their account's (journeys and activities of the account count as the account's). */
  subject: 'contact' | 'account';
  label: { id: string; en: string };
  type: SegmentFieldType;
  /** The vocabulary of an enum field. */
  values?: readonly string[];
  /** Whether the fact can be missing (then `exists` applies). */
  nullable: boolean;
  ops: readonly SegmentOp[];
}

const enumOps = ['eq', 'in'] as const;
const textOps = ['eq', 'in', 'contains'] as const;
const dateOps = ['before', 'after', 'between', 'within_days', 'not_within_days'] as const;

function field(f: SegmentField): SegmentField {
  return f;
}

/** Every field a segment rule may use, in the order the builder lists them. */
export const segmentFields: readonly SegmentField[] = [
  // Geographic
  field({ id: 'account.city', group: 'geographic', subject: 'account', label: { id: 'Kota', en: 'City' }, type: 'string', nullable: false, ops: textOps }),
  field({ id: 'account.province', group: 'geographic', subject: 'account', label: { id: 'Provinsi', en: 'Province' }, type: 'string', nullable: false, ops: textOps }),
  field({ id: 'account.region', group: 'geographic', subject: 'account', label: { id: 'Wilayah', en: 'Region' }, type: 'enum', values: regions, nullable: false, ops: enumOps }),
  // Demographic
  field({ id: 'contact.age_band', group: 'demographic', subject: 'contact', label: { id: 'Kelompok usia', en: 'Age band' }, type: 'enum', values: ageBands, nullable: true, ops: [...enumOps, 'exists'] }),
  field({ id: 'contact.division', group: 'demographic', subject: 'contact', label: { id: 'Divisi', en: 'Division' }, type: 'enum', values: divisions, nullable: false, ops: enumOps }),
  field({ id: 'contact.seniority', group: 'demographic', subject: 'contact', label: { id: 'Senioritas', en: 'Seniority' }, type: 'enum', values: seniorities, nullable: false, ops: enumOps }),
  field({ id: 'contact.title', group: 'demographic', subject: 'contact', label: { id: 'Jabatan', en: 'Job title' }, type: 'string', nullable: true, ops: [...textOps, 'exists'] }),
  field({ id: 'account.size_band', group: 'demographic', subject: 'account', label: { id: 'Ukuran perusahaan (karyawan)', en: 'Company size (employees)' }, type: 'enum', values: sizeBands, nullable: false, ops: enumOps }),
  field({ id: 'account.industry', group: 'demographic', subject: 'account', label: { id: 'Industri', en: 'Industry' }, type: 'enum', values: industries, nullable: false, ops: enumOps }),
  field({ id: 'account.tier', group: 'demographic', subject: 'account', label: { id: 'Tingkat akun', en: 'Account tier' }, type: 'enum', values: tiers, nullable: false, ops: enumOps }),
  field({ id: 'account.relationship', group: 'demographic', subject: 'account', label: { id: 'Hubungan (tercatat)', en: 'Relationship (as recorded)' }, type: 'enum', values: relationships, nullable: false, ops: enumOps }),
  field({ id: 'account.customer', group: 'demographic', subject: 'account', label: { id: 'Pelanggan lama (pernah mengadopsi solusi)', en: 'Existing customer (has adopted a solution)' }, type: 'boolean', nullable: false, ops: ['eq'] }),
  field({ id: 'account.name', group: 'demographic', subject: 'account', label: { id: 'Nama akun', en: 'Account name' }, type: 'string', nullable: false, ops: textOps }),
  field({ id: 'account.created_at', group: 'demographic', subject: 'account', label: { id: 'Akun dibuat', en: 'Account created' }, type: 'date', nullable: false, ops: dateOps }),
  field({ id: 'contact.created_at', group: 'demographic', subject: 'contact', label: { id: 'Kontak dibuat', en: 'Contact created' }, type: 'date', nullable: false, ops: dateOps }),
  // Psychographic
  field({ id: 'contact.tech_proficiency', group: 'psychographic', subject: 'contact', label: { id: 'Kecakapan teknologi', en: 'Tech proficiency' }, type: 'enum', values: techProficiencies, nullable: false, ops: enumOps }),
  // Behavioural
  field({ id: 'contact.influence', group: 'behavioural', subject: 'contact', label: { id: 'Pengaruh dalam keputusan', en: 'Influence on the decision' }, type: 'enum', values: influences, nullable: false, ops: enumOps }),
  field({ id: 'contact.openness', group: 'behavioural', subject: 'contact', label: { id: 'Keterbukaan pada teknologi baru', en: 'Openness to new technology' }, type: 'enum', values: opennessLevels, nullable: false, ops: enumOps }),
  field({ id: 'contact.activity', group: 'behavioural', subject: 'contact', label: { id: 'Aktivitas yang diikuti kontak', en: 'Activity the contact took part in' }, type: 'activity', nullable: false, ops: ['within_days', 'not_within_days'] }),
  field({ id: 'account.activity', group: 'behavioural', subject: 'account', label: { id: 'Sentuhan pada akun (aktivitas apa pun)', en: 'Touch on the account (any activity)' }, type: 'activity', nullable: false, ops: ['within_days', 'not_within_days'] }),
  field({ id: 'journey.adopted', group: 'behavioural', subject: 'account', label: { id: 'Solusi yang sudah diadopsi', en: 'Adopted solution' }, type: 'solution-ref', nullable: true, ops: ['eq', 'in', 'exists'] }),
  field({ id: 'journey.stage', group: 'behavioural', subject: 'account', label: { id: 'Perjalanan terbuka pada tahap', en: 'Open journey in stage' }, type: 'journey-stage', nullable: false, ops: ['in_stage'] }),
  field({ id: 'account.adopted_count', group: 'behavioural', subject: 'account', label: { id: 'Jumlah solusi yang diadopsi', en: 'Number of adopted solutions' }, type: 'number', nullable: false, ops: ['eq', 'between'] }),
  field({ id: 'contact.email', group: 'behavioural', subject: 'contact', label: { id: 'Email', en: 'Email' }, type: 'string', nullable: true, ops: ['contains', 'exists'] }),
  field({ id: 'contact.phone', group: 'behavioural', subject: 'contact', label: { id: 'Telepon', en: 'Phone' }, type: 'string', nullable: true, ops: ['exists'] }),
  field({ id: 'contact.whatsapp', group: 'behavioural', subject: 'contact', label: { id: 'WhatsApp', en: 'WhatsApp' }, type: 'string', nullable: true, ops: ['exists'] }),
];

export const segmentFieldsById: ReadonlyMap<string, SegmentField> = new Map(segmentFields.map((f) => [f.id, f]));

// ---------------------------------------------------------------------------------------
// The rule tree
// ---------------------------------------------------------------------------------------

export interface SegmentCondition {
  field: string;
  op: SegmentOp;
  value?: unknown;
}
export type SegmentRule = { all: SegmentRule[] } | { any: SegmentRule[] } | { not: SegmentRule } | SegmentCondition;

/** Value shapes of the operators, once validated. */
export interface DaysWindow {
  days: number;
  /** Activity fields only: the activity types that count; none or empty = any. */
  types?: ActivityType[];
}
export interface StageValue {
  solutionId: string | null;
  stages: Stage[];
}

export const MAX_RULE_DEPTH = 6;
export const MAX_RULE_CONDITIONS = 50;
export const MAX_IN_VALUES = 100;
export const MAX_TEXT_VALUE = 200;
export const MAX_DAYS = 3650;

export interface RuleIssue {
  path: (string | number)[];
  reason: string;
}

/** `['rule', 'all', 1, 'value']` → `rule.all.1.value`, the way the API names fields. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks that a value has the tree's shape — `{ all: [...] }`, `{ any: [...] }`, `{ not: rule }`
 * or `{ field, op, value? }` — naming the path of each problem (JSON from a request is untrusted).
 */
export function shapeIssues(value: unknown, base: (string | number)[] = []): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const walk = (node: unknown, path: (string | number)[], depth: number) => {
    if (!isPlainObject(node)) {
      issues.push({ path, reason: 'must be a group ({ all }, { any }, { not }) or a condition ({ field, op, value })' });
      return;
    }
    if (depth > MAX_RULE_DEPTH) {
      issues.push({ path, reason: `groups may nest at most ${MAX_RULE_DEPTH} deep` });
      return;
    }
    const keys = Object.keys(node);
    for (const group of ['all', 'any'] as const) {
      if (!(group in node)) continue;
      if (keys.length !== 1) issues.push({ path, reason: `a group has only the key ${group}` });
      const children = node[group];
      if (!Array.isArray(children)) issues.push({ path: [...path, group], reason: 'must be a list of rules' });
      else if (children.length > MAX_RULE_CONDITIONS) issues.push({ path: [...path, group], reason: `must have at most ${MAX_RULE_CONDITIONS} rules` });
      else children.forEach((child, i) => walk(child, [...path, group, i], depth + 1));
      return;
    }
    if ('not' in node) {
      if (keys.length !== 1) issues.push({ path, reason: 'a negation has only the key not' });
      walk(node.not, [...path, 'not'], depth + 1);
      return;
    }
    const extra = keys.filter((k) => k !== 'field' && k !== 'op' && k !== 'value');
    if (extra.length > 0) issues.push({ path: [...path, extra[0] as string], reason: 'is not a key of a condition (field, op, value)' });
    if (typeof node.field !== 'string' || node.field.length < 1 || node.field.length > 80) issues.push({ path: [...path, 'field'], reason: 'must be a field id from GET /api/segments/fields' });
    if (typeof node.op !== 'string' || !(segmentOps as readonly string[]).includes(node.op)) issues.push({ path: [...path, 'op'], reason: `must be one of ${segmentOps.join(', ')}` });
  };
  walk(value, base, 0);
  return issues;
}

/** Shape first, then the catalogue: every problem of an untrusted rule, or none. */
export function checkRule(value: unknown, base: (string | number)[] = []): RuleIssue[] {
  const shape = shapeIssues(value, base);
  return shape.length > 0 ? shape : validateRule(value as SegmentRule, base);
}

const dateRe = /^\d{4}-\d{2}-\d{2}$/;
function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !dateRe.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= MAX_TEXT_VALUE;
}
function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= 64;
}

export function isGroup(rule: SegmentRule): rule is { all: SegmentRule[] } | { any: SegmentRule[] } | { not: SegmentRule } {
  return 'all' in rule || 'any' in rule || 'not' in rule;
}

/**
 * Checks a structurally valid rule against the catalogue: known fields, operators the field
 * accepts, values of the right type. Returns every problem with the path that names it.
 */
export function validateRule(rule: SegmentRule, base: (string | number)[] = []): RuleIssue[] {
  const issues: RuleIssue[] = [];
  let conditions = 0;
  const walk = (node: SegmentRule, path: (string | number)[], depth: number) => {
    if (depth > MAX_RULE_DEPTH) {
      issues.push({ path, reason: `groups may nest at most ${MAX_RULE_DEPTH} deep` });
      return;
    }
    if ('all' in node) node.all.forEach((child, i) => walk(child, [...path, 'all', i], depth + 1));
    else if ('any' in node) node.any.forEach((child, i) => walk(child, [...path, 'any', i], depth + 1));
    else if ('not' in node) walk(node.not, [...path, 'not'], depth + 1);
    else {
      conditions += 1;
      if (conditions === MAX_RULE_CONDITIONS + 1) issues.push({ path, reason: `a rule may have at most ${MAX_RULE_CONDITIONS} conditions` });
      const problem = conditionIssue(node);
      if (problem) issues.push({ path: [...path, problem.at], reason: problem.reason });
    }
  };
  walk(rule, base, 0);
  return issues;
}

function conditionIssue(c: SegmentCondition): { at: 'field' | 'op' | 'value'; reason: string } | null {
  const f = segmentFieldsById.get(c.field);
  if (!f) return { at: 'field', reason: `is not a known segment field` };
  if (!f.ops.includes(c.op)) return { at: 'op', reason: `${c.field} accepts ${f.ops.join(', ')}` };
  const reason = valueIssue(f, c.op, c.value);
  return reason ? { at: 'value', reason } : null;
}

function scalarIssue(f: SegmentField, v: unknown): string | null {
  switch (f.type) {
    case 'enum':
      return typeof v === 'string' && f.values?.includes(v) ? null : `must be one of ${f.values?.join(', ')}`;
    case 'string':
      return isText(v) ? null : `must be text of 1 to ${MAX_TEXT_VALUE} characters`;
    case 'number':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 1_000_000_000 ? null : 'must be a whole number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'solution-ref':
      return isId(v) ? null : 'must be a solution id';
    default:
      return 'is not valid for this field';
  }
}

function daysIssue(f: SegmentField, v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be { days } ' + (f.type === 'activity' ? 'with optional types' : '');
  const { days, types, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `has unknown keys: ${Object.keys(rest).join(', ')}`;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) return `days must be a whole number from 1 to ${MAX_DAYS}`;
  if (types !== undefined) {
    if (f.type !== 'activity') return 'types applies to activity fields only';
    if (!Array.isArray(types) || types.length > activityTypes.length || !types.every((t) => (activityTypes as readonly unknown[]).includes(t))) {
      return `types must be a list of ${activityTypes.join(', ')}`;
    }
  }
  return null;
}

function valueIssue(f: SegmentField, op: SegmentOp, v: unknown): string | null {
  switch (op) {
    case 'eq':
    case 'contains':
      return op === 'contains' && !isText(v) ? `must be text of 1 to ${MAX_TEXT_VALUE} characters` : scalarIssue(f, v);
    case 'in': {
      if (!Array.isArray(v) || v.length < 1 || v.length > MAX_IN_VALUES) return `must be a list of 1 to ${MAX_IN_VALUES} values`;
      for (const item of v) {
        const problem = scalarIssue(f, item);
        if (problem) return `every item ${problem}`;
      }
      return null;
    }
    case 'between': {
      if (!Array.isArray(v) || v.length !== 2) return 'must be a pair [from, to]';
      const [lo, hi] = v as unknown[];
      if (f.type === 'date') {
        if (!isDate(lo) || !isDate(hi)) return 'must be two dates YYYY-MM-DD';
        return lo <= hi ? null : 'from must not be after to';
      }
      const problem = scalarIssue(f, lo) ?? scalarIssue(f, hi);
      if (problem) return problem;
      return (lo as number) <= (hi as number) ? null : 'from must not be greater than to';
    }
    case 'exists':
      return v === undefined || typeof v === 'boolean' ? null : 'must be true, false or left out';
    case 'before':
    case 'after':
      return isDate(v) ? null : 'must be a date YYYY-MM-DD';
    case 'within_days':
    case 'not_within_days':
      return daysIssue(f, v);
    case 'in_stage': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be { solutionId, stages }';
      const { solutionId, stages: given, ...rest } = v as Record<string, unknown>;
      if (Object.keys(rest).length > 0) return `has unknown keys: ${Object.keys(rest).join(', ')}`;
      if (solutionId !== null && solutionId !== undefined && !isId(solutionId)) return 'solutionId must be a solution id or null';
      if (!Array.isArray(given) || given.length < 1 || !given.every((s) => (stages as readonly unknown[]).includes(s))) {
        return `stages must be a list of ${stages.join(', ')}`;
      }
      return null;
    }
  }
}

/** The solution ids a rule refers to, with their paths, so a service can check they exist. */
export function solutionRefs(rule: SegmentRule, base: (string | number)[] = []): { path: (string | number)[]; id: string }[] {
  const refs: { path: (string | number)[]; id: string }[] = [];
  const walk = (node: SegmentRule, path: (string | number)[]) => {
    if ('all' in node) node.all.forEach((c, i) => walk(c, [...path, 'all', i]));
    else if ('any' in node) node.any.forEach((c, i) => walk(c, [...path, 'any', i]));
    else if ('not' in node) walk(node.not, [...path, 'not']);
    else if (node.field === 'journey.adopted' && (node.op === 'eq' || node.op === 'in')) {
      const ids = node.op === 'eq' ? [node.value] : (node.value as unknown[]);
      for (const id of ids) if (typeof id === 'string') refs.push({ path: [...path, 'value'], id });
    } else if (node.field === 'journey.stage' && typeof node.value === 'object' && node.value !== null) {
      const id = (node.value as { solutionId?: unknown }).solutionId;
      if (typeof id === 'string') refs.push({ path: [...path, 'value', 'solutionId'], id });
    }
  };
  walk(rule, base);
  return refs;
}

// ---------------------------------------------------------------------------------------
// Shared semantics of dates, text and day windows (the compiler uses the same helpers)
// ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** The first instant of a UTC calendar day, as stored timestamps are written. */
export function dayStart(date: string): string {
  return `${date}T00:00:00.000Z`;
}

/** The first instant of the day after `date`. */
export function dayAfter(date: string): string {
  return new Date(new Date(dayStart(date)).getTime() + DAY_MS).toISOString();
}

/** The start of an N-day window ending at `now`. */
export function windowStart(now: string, days: number): string {
  return new Date(new Date(now).getTime() - days * DAY_MS).toISOString();
}

/** Lower-cases ASCII letters only, the same on both databases. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// ---------------------------------------------------------------------------------------
// The in-memory evaluator
// ---------------------------------------------------------------------------------------

export interface AccountFact {
  id: string;
  name: string;
  industry: string;
  sizeBand: string;
  tier: string;
  city: string;
  province: string;
  region: string;
  relationship: string;
  createdAt: string;
}

export interface ContactFact {
  id: string;
  accountId: string;
  title: string | null;
  division: string;
  seniority: string;
  ageBand: string | null;
  techProficiency: string;
  influence: string;
  openness: string;
  email: string | null;
  phone: string | null;
  whatsapp: string | null;
  createdAt: string;
}

export interface JourneyFact {
  accountId: string;
  solutionId: string;
  stage: string;
  outcome: string;
}

export interface ActivityFact {
  accountId: string;
  type: string;
  occurredAt: string;
  contactIds: readonly string[];
}

/** Live records only: what a segment is evaluated over. */
export interface SegmentFacts {
  accounts: readonly AccountFact[];
  contacts: readonly ContactFact[];
  journeys: readonly JourneyFact[];
  activities: readonly ActivityFact[];
}

interface Row {
  contact: ContactFact;
  account: AccountFact;
  journeys: readonly JourneyFact[];
  accountActivities: readonly ActivityFact[];
  contactActivities: readonly ActivityFact[];
}

function columnValue(row: Row, fieldId: string): string | number | boolean | null {
  const { contact: c, account: a } = row;
  switch (fieldId) {
    case 'account.city':
      return a.city;
    case 'account.province':
      return a.province;
    case 'account.region':
      return a.region;
    case 'account.size_band':
      return a.sizeBand;
    case 'account.industry':
      return a.industry;
    case 'account.tier':
      return a.tier;
    case 'account.relationship':
      return a.relationship;
    case 'account.name':
      return a.name;
    case 'account.created_at':
      return a.createdAt;
    case 'account.customer':
      return row.journeys.some((j) => j.outcome === 'adopted');
    case 'account.adopted_count':
      return row.journeys.filter((j) => j.outcome === 'adopted').length;
    case 'contact.age_band':
      return c.ageBand;
    case 'contact.division':
      return c.division;
    case 'contact.seniority':
      return c.seniority;
    case 'contact.title':
      return c.title;
    case 'contact.created_at':
      return c.createdAt;
    case 'contact.tech_proficiency':
      return c.techProficiency;
    case 'contact.influence':
      return c.influence;
    case 'contact.openness':
      return c.openness;
    case 'contact.email':
      return c.email;
    case 'contact.phone':
      return c.phone;
    case 'contact.whatsapp':
      return c.whatsapp;
    default:
      throw new Error(`no column for ${fieldId}`);
  }
}

function sameValue(f: SegmentField, actual: string | number | boolean, wanted: unknown): boolean {
  if (f.type === 'string' && typeof actual === 'string' && typeof wanted === 'string') return asciiLower(actual) === asciiLower(wanted);
  return actual === wanted;
}

function inWindow(at: string, now: string, days: number): boolean {
  return at >= windowStart(now, days) && at <= now;
}

function matchCondition(c: SegmentCondition, row: Row, now: string): boolean {
  const f = segmentFieldsById.get(c.field);
  if (!f) throw new Error(`unknown segment field ${c.field}`);

  if (f.type === 'activity') {
    const w = c.value as DaysWindow;
    const pool = f.id === 'contact.activity' ? row.contactActivities : row.accountActivities;
    const types = w.types && w.types.length > 0 ? w.types : null;
    const hit = pool.some((act) => (types === null || (types as readonly string[]).includes(act.type)) && inWindow(act.occurredAt, now, w.days));
    return c.op === 'within_days' ? hit : !hit;
  }
  if (f.id === 'journey.adopted') {
    const adopted = row.journeys.filter((j) => j.outcome === 'adopted').map((j) => j.solutionId);
    if (c.op === 'exists') return (c.value ?? true) === adopted.length > 0;
    const wanted = c.op === 'eq' ? [c.value] : (c.value as unknown[]);
    return adopted.some((id) => wanted.includes(id));
  }
  if (f.id === 'journey.stage') {
    const v = c.value as StageValue;
    return row.journeys.some(
      (j) => j.outcome === 'open' && (v.solutionId == null || j.solutionId === v.solutionId) && (v.stages as readonly string[]).includes(j.stage),
    );
  }

  const actual = columnValue(row, f.id);
  if (c.op === 'exists') return (c.value ?? true) === (actual !== null);
  if (actual === null) return false;
  switch (c.op) {
    case 'eq':
      return sameValue(f, actual, c.value);
    case 'in':
      return (c.value as unknown[]).some((v) => sameValue(f, actual, v));
    case 'contains':
      return asciiLower(String(actual)).includes(asciiLower(c.value as string));
    case 'between': {
      const [lo, hi] = c.value as [string | number, string | number];
      if (f.type === 'date') return (actual as string) >= dayStart(lo as string) && (actual as string) < dayAfter(hi as string);
      return (actual as number) >= (lo as number) && (actual as number) <= (hi as number);
    }
    case 'before':
      return (actual as string) < dayStart(c.value as string);
    case 'after':
      return (actual as string) >= dayAfter(c.value as string);
    case 'within_days':
      return inWindow(actual as string, now, (c.value as DaysWindow).days);
    case 'not_within_days':
      return !inWindow(actual as string, now, (c.value as DaysWindow).days);
    default:
      throw new Error(`operator ${c.op} does not apply to ${f.id}`);
  }
}

function matchRule(rule: SegmentRule, row: Row, now: string): boolean {
  if ('all' in rule) return rule.all.every((r) => matchRule(r, row, now));
  if ('any' in rule) return rule.any.some((r) => matchRule(r, row, now));
  if ('not' in rule) return !matchRule(rule.not, row, now);
  return matchCondition(rule, row, now);
}

/**
 * The members of a (validated) rule over plain facts at `now`, ordered by contact id:
 * the specification the SQL compiler is tested against.
 */
export function evaluateRule(rule: SegmentRule, facts: SegmentFacts, now: string): { contactId: string; accountId: string }[] {
  const accounts = new Map(facts.accounts.map((a) => [a.id, a]));
  const members: { contactId: string; accountId: string }[] = [];
  for (const contact of facts.contacts) {
    const account = accounts.get(contact.accountId);
    if (!account) continue;
    const row: Row = {
      contact,
      account,
      journeys: facts.journeys.filter((j) => j.accountId === account.id),
      accountActivities: facts.activities.filter((a) => a.accountId === account.id),
      contactActivities: facts.activities.filter((a) => a.contactIds.includes(contact.id)),
    };
    if (matchRule(rule, row, now)) members.push({ contactId: contact.id, accountId: account.id });
  }
  return members.sort((x, y) => (x.contactId < y.contactId ? -1 : x.contactId > y.contactId ? 1 : 0));
}
