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
