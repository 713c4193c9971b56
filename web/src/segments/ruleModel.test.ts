import { describe, expect, it } from 'vitest';
import { segmentFields, type SegmentRule } from '../../../src/domain/segmentRules';
import { matchRoute } from '../router';
import { canWriteSegments } from './permissions';
import {
  appendChild,
  changeField,
  changeOp,
  countableRule,
  countConditions,
  emptyRoot,
  fromRule,
  newCondition,
  newGroup,
  problems,
  removeNode,
  toRule,
  updateNode,
  type EditorCondition,
  type FieldInfo,
} from './ruleModel';

const fields = segmentFields.map((f) => ({ ...f, values: f.values ? [...f.values] : undefined, ops: [...f.ops] })) as FieldInfo[];
const field = (id: string) => fields.find((f) => f.id === id) as FieldInfo;

describe('the segment builder model', () => {
  it('turns an API rule into an editable tree and back unchanged', () => {
    const rules: SegmentRule[] = [
      {
        all: [
          { field: 'account.region', op: 'eq', value: 'jabodetabek' },
          { not: { field: 'contact.division', op: 'in', value: ['finance', 'hr'] } },
          { any: [{ field: 'contact.activity', op: 'within_days', value: { days: 90, types: ['event_attendance'] } }, { field: 'journey.adopted', op: 'exists' }] },
          { not: { any: [{ field: 'account.customer', op: 'eq', value: true }] } },
        ],
      },
      { any: [] },
      { all: [{ field: 'account.activity', op: 'not_within_days', value: { days: 60 } }] },
    ];
    for (const rule of rules) expect(toRule(fromRule(rule))).toEqual(rule);
  });

  it('wraps a lone condition in a group so that more can be added beside it', () => {
    const root = fromRule({ field: 'contact.seniority', op: 'eq', value: 'cxo' });
    expect(root.type).toBe('group');
    expect(toRule(root)).toEqual({ all: [{ field: 'contact.seniority', op: 'eq', value: 'cxo' }] });
  });

  it('folds a double negation', () => {
    expect(toRule(fromRule({ not: { not: { all: [] } } }))).toEqual({ all: [] });
  });

  it('adds, changes and removes conditions and groups', () => {
    let root = emptyRoot();
    const first = newCondition(field('contact.division'));
    root = appendChild(root, root.key, first);
    const group = { ...newGroup('any'), children: [newCondition(field('account.region'))] };
    root = appendChild(root, root.key, group);
    expect(countConditions(root)).toBe(2);
    root = updateNode(root, first.key, (n) => ({ ...n, negate: true }));
    expect(toRule(root)).toEqual({
      all: [{ not: { field: 'contact.division', op: 'eq', value: 'it' } }, { any: [{ field: 'account.region', op: 'eq', value: 'jabodetabek' }] }],
    });
    root = removeNode(root, group.key);
    expect(countConditions(root)).toBe(1);
    root = removeNode(root, root.key);
    expect(toRule(root)).toEqual({ all: [] });
  });

  it('keeps the operator when the new field accepts it and starts the value afresh', () => {
    const c = { ...newCondition(field('contact.division')), op: 'in' as const, value: ['it'] };
    expect(changeField(c, field('contact.seniority'))).toMatchObject({ field: 'contact.seniority', op: 'in', value: [] });
    expect(changeField(c, field('contact.activity'))).toMatchObject({ op: 'within_days', value: { days: 90, types: [] } });
    const text: EditorCondition = { ...newCondition(field('account.city')), value: 'Bandung' };
    expect(changeOp(text, field('account.city'), 'contains').value).toBe('Bandung');
    expect(changeOp(text, field('account.city'), 'in').value).toEqual([]);
  });

  it('gives every field and operator a starting value of the right shape', () => {
    for (const f of fields) {
      for (const op of f.ops) {
        const c: EditorCondition = { ...newCondition(f), op, value: changeOp(newCondition(f), f, op).value };
        expect(typeof toRule(c)).toBe('object');
      }
    }
  });

  it('marks incomplete conditions and withholds the live count until the rule is complete', () => {
    let root = emptyRoot();
    const city = newCondition(field('account.city'));
    root = appendChild(root, root.key, city);
    expect(problems(root).has(city.key)).toBe(true);
    expect(countableRule(root)).toBeNull();
    root = updateNode(root, city.key, (n) => ({ ...n, value: 'Bandung' }));
    expect(problems(root).size).toBe(0);
    expect(countableRule(root)).toEqual({ all: [{ field: 'account.city', op: 'eq', value: 'Bandung' }] });
    const stage = newCondition(field('journey.stage'));
    root = appendChild(root, root.key, stage);
    expect([...problems(root).keys()]).toEqual([stage.key]);
  });

  it('leaves out an empty activity-type filter and a default exists value', () => {
    expect(toRule({ ...newCondition(field('contact.activity')), value: { days: 30, types: [] } })).toEqual({ field: 'contact.activity', op: 'within_days', value: { days: 30 } });
    expect(toRule({ ...newCondition(field('contact.title')), op: 'exists', value: true })).toEqual({ field: 'contact.title', op: 'exists' });
    expect(toRule({ ...newCondition(field('contact.title')), op: 'exists', value: false })).toEqual({ field: 'contact.title', op: 'exists', value: false });
  });
});

describe('segment screens', () => {
  it('routes the list, a new segment and a saved one', () => {
    expect(matchRoute('/segments')).toEqual({ name: 'segments' });
    expect(matchRoute('/segments/new')).toEqual({ name: 'segment', id: null });
    expect(matchRoute('/segments/0190abc')).toEqual({ name: 'segment', id: '0190abc' });
    expect(matchRoute('/segments/a/b')).toEqual({ name: 'notFound' });
  });

  it('offers editing to marcomm, product specialists, sales managers and admins only', () => {
    const user = (role: 'marcomm' | 'product_specialist' | 'sales_manager' | 'admin' | 'account_manager' | 'viewer' | 'solution_architect') => ({ id: 'u', role, teamId: null });
    expect(['marcomm', 'product_specialist', 'sales_manager', 'admin'].every((r) => canWriteSegments(user(r as 'admin')))).toBe(true);
    expect(['account_manager', 'viewer', 'solution_architect'].some((r) => canWriteSegments(user(r as 'viewer')))).toBe(false);
    expect(canWriteSegments(null)).toBe(false);
  });
});
