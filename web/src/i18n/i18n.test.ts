// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  activityTypes,
  aidasSteps,
  discontinuanceReasons,
  divisions,
  industries,
  influences,
  outcomes,
  regions,
  rejectionReasons,
  relationships,
  roles,
  seniorities,
  solutionCategories,
  stages,
  taskStatuses,
  techProficiencies,
  tiers,
} from '../../../src/shared/vocabulary';
import { taskSources } from '../../../src/shared/schemas/tasks';
import { adoptionStatuses } from '../accounts/accountModel';
import { refusals } from './refusals';
import { gateKinds } from '../../../src/domain/gates';
import { itCategories, mitigationStatuses } from '../../../src/domain/recommendations';
import { duplicateNamespaces, resources } from './resources';
import { segmentFieldGroups, segmentOps } from '../../../src/domain/segmentRules';
import { ageBands, opennessLevels } from '../../../src/shared/vocabulary';

const { id, en } = resources;

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? flatten(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Keys without plural suffixes: Indonesian has one plural form, English two. */
function baseKeys(tree: Record<string, unknown>): Set<string> {
  return new Set(flatten(tree).map((k) => k.replace(PLURAL, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Literal keys passed to t('…'), and the prefixes of template keys such as t(`stage.${s}`). */
function keysUsedInSource(): { literal: Set<string>; families: Set<string> } {
  const literal = new Set<string>();
  const families = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) literal.add(m[1] ?? '');
    for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) families.add(m[1] ?? '');
    // Keys kept in data (label: 'nav.pipeline', errors = 'validation.x') are used through t(variable).
    for (const m of text.matchAll(/'((?:nav|validation)\.[a-zA-Z]+)'/g)) literal.add(m[1] ?? '');
  }
  return { literal, families };
}

const families: Record<string, readonly string[]> = {
  stage: stages,
  outcome: outcomes,
  role: roles,
  aidas: aidasSteps,
  rejectionReason: rejectionReasons,
  discontinuanceReason: discontinuanceReasons,
  refusal: refusals,
  transition: ['reject', 'discontinue', 'adopt', 'reopen'],
  history: ['move', 'adopt', 'reject', 'discontinue', 'reopen'],
  activityType: activityTypes,
  industry: industries,
  tier: tiers,
  region: regions,
  relationship: relationships,
  division: divisions,
  seniority: seniorities,
  techProficiency: techProficiencies,
  influence: influences,
  category: solutionCategories,
  taskStatus: taskStatuses,
  taskSource: taskSources,
  adoptionStatus: adoptionStatuses,
  catalogue: ['solutions', 'principals'],
  'palette.group': ['actions', 'accounts', 'contacts', 'journeys'],
  evidence: ['activity', 'contact', 'risk', 'field', 'tick'],
  gateTodo: gateKinds,
  itCategory: itCategories,
  mitigationStatus: mitigationStatuses,
  'segments.op': segmentOps,
  'segments.group': segmentFieldGroups,
  'segments.ageBand': ageBands,
  'segments.openness': opennessLevels,
  'analytics.view': ['funnel', 'diffusion', 'adopters', 'heatmap', 'practice'],
  'analytics.channel': ['in_person', 'phone', 'whatsapp', 'email', 'event', 'content', 'other', 'none'],
  'analytics.dimension': ['industry', 'city', 'province', 'region', 'sizeBand', 'tier', 'team', 'owner', 'channel', 'solution', 'cohort'],
  'analytics.category': ['innovator', 'early_adopter', 'early_majority', 'late_majority', 'laggard'],
  'analytics.response': ['within_1_day', '1_to_3_days', '3_to_7_days', '7_to_30_days', 'over_30_days', 'no_touch'],
  'analytics.provisional': ['pre_peak', 'at_peak', 'cannot_fit'],
  'analytics.priorSource': ['sultan_farley_lehmann_1990', 'user', 'solution_prior'],
  'analytics.bucket': ['month', 'quarter'],
  'analytics.prior.csvError': ['columns', 'adoptions', 'empty'],
  'channels.channel': ['email', 'whatsapp', 'phone', 'sms'],
  'channels.status': ['opted_in', 'opted_out', 'unknown'],
  'channels.security': ['tls', 'starttls', 'none'],
  'channels.language': ['id', 'en'],
  'automation.trigger': ['stage_entered', 'activity_logged', 'campaign_response', 'no_touch', 'days_after'],
  'automation.when': ['stage_entered', 'activity_logged', 'campaign_response', 'no_touch', 'days_after'],
  'automation.action': ['create_task', 'notify_email', 'set_field', 'request_survey'],
  'automation.assigneeRole': ['am', 'sa', 'marcomm'],
  'automation.recipientRole': ['owner', 'sa', 'marcomm'],
  'automation.field': ['saId', 'marcommId', 'principalInvolvement', 'expectedDecisionDate'],
  'automation.anchor': ['go_live', 'implementation_started', 'adopted'],
  'automation.campaignType': ['event', 'webinar', 'campaign', 'publication', 'telemarketing', 'online_ad', 'social_post'],
  'automation.responseKind': ['invited', 'registered', 'attended', 'clicked', 'replied'],
  'automation.status': ['pending', 'running', 'done', 'failed', 'dead'],
  'automation.outcome': ['done', 'skipped', 'failed', 'dead', 'abandoned'],
  'surveys.kind': ['csat', 'nps'],
  'campaigns.type': ['event', 'webinar', 'campaign', 'publication', 'telemarketing', 'online_ad', 'social_post'],
  'campaigns.channel': ['website', 'facebook', 'instagram', 'linkedin', 'youtube', 'whatsapp_business', 'email', 'phone', 'offline'],
  'campaigns.status': ['draft', 'launched', 'closed'],
  'campaigns.kind': ['invited', 'registered', 'attended', 'clicked', 'replied'],
  'campaigns.source': ['manual', 'csv', 'hook'],
  'campaigns.effect': ['opened', 'touched'],
  'campaigns.model': ['first_touch', 'last_touch', 'linear'],
  'campaigns.confirm': ['launch', 'close', 'delete', 'launchTitle', 'closeTitle', 'deleteTitle'],
  campaigns: ['launch', 'close', 'delete'],
  'targeting.role': ['none', 'primary', 'secondary'],
  'telemarketing.status': ['open', 'closed'],
  'telemarketing.outcome': ['no_answer', 'call_back', 'not_interested', 'interested', 'meeting_booked', 'wrong_number', 'do_not_call'],
  'telemarketing.pillar': ['product_leadership', 'operational_excellence', 'customer_experience'],
  'content.language': ['id', 'en'],
  'content.kind': ['upload', 'link'],
  'content.channel': ['email', 'whatsapp', 'in_person', 'linkedin', 'other'],
  'content.upload.problem': ['required', 'empty', 'tooLarge', 'type'],
  'positioning.pillar': ['product_leadership', 'operational_excellence', 'customer_experience'],
  'playbookContent.kind': ['talk_track', 'question', 'objection', 'tip'],
};

describe('translations', () => {
  const idKeys = baseKeys(id);
  const enKeys = baseKeys(en);

  it('has each top-level key in one file only', () => {
    expect(duplicateNamespaces()).toEqual([]);
  });

  it('has the same keys in Indonesian and English', () => {
    expect([...idKeys].filter((k) => !enKeys.has(k)), 'missing in en.json').toEqual([]);
    expect([...enKeys].filter((k) => !idKeys.has(k)), 'missing in id.json').toEqual([]);
  });

  it('has no empty translation', () => {
    const empty = [...flatten(id).map((k) => ['id', k]), ...flatten(en).map((k) => ['en', k])].filter(([lang, key]) => {
      const value = (key ?? '').split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], lang === 'id' ? id : en);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('has every key the source passes to t()', () => {
    const { literal } = keysUsedInSource();
    expect(literal.size).toBeGreaterThan(50);
    const missing = [...literal].filter((k) => !idKeys.has(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('has every word of each vocabulary the source builds keys from', () => {
    const { families: used } = keysUsedInSource();
    const unknown = [...used].filter((f) => !(f in families));
    expect(unknown, 'a template key family with no vocabulary listed in this test').toEqual([]);
    const missing = Object.entries(families).flatMap(([family, words]) => words.map((w) => `${family}.${w}`)).filter((k) => !idKeys.has(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });
});
