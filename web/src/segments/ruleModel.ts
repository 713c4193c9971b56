import { validateRule, type SegmentOp, type SegmentRule } from '../../../src/domain/segmentRules';

/**
 * The rule builder's model: the API's rule tree (src/domain/segmentRules.ts) as an editable
 * tree with stable keys, where `not` is a switch on a group or a condition. Pure functions,
 * so the builder's behaviour is tested without a browser.
 */

export type FieldType = 'enum' | 'string' | 'number' | 'date' | 'boolean' | 'solution-ref' | 'activity' | 'journey-stage';

/** A field as GET /api/segments/fields lists it. */
export interface FieldInfo {
  id: string;
  group: 'geographic' | 'demographic' | 'psychographic' | 'behavioural';
  subject: 'contact' | 'account';
  label: { id: string; en: string };
  type: FieldType;
  values?: string[];
  nullable: boolean;
  ops: SegmentOp[];
}

export interface EditorCondition {
  key: string;
  type: 'condition';
  negate: boolean;
  field: string;
  op: SegmentOp;
  value: unknown;
}

export interface EditorGroup {
  key: string;
  type: 'group';
  negate: boolean;
  mode: 'all' | 'any';
  children: EditorNode[];
}

export type EditorNode = EditorCondition | EditorGroup;

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `n${counter}`;
}

export function emptyRoot(): EditorGroup {
  return { key: nextKey(), type: 'group', negate: false, mode: 'all', children: [] };
}

/** A sensible first value for a field and operator, so a new condition is nearly complete. */
export function defaultValue(field: FieldInfo, op: SegmentOp): unknown {
  switch (op) {
    case 'eq':
      if (field.type === 'enum') return field.values?.[0] ?? '';
      if (field.type === 'boolean') return true;
      if (field.type === 'number') return 0;
      return '';
    case 'in':
      return [];
    case 'contains':
      return '';
    case 'exists':
      return true;
    case 'between':
      return field.type === 'number' ? [0, 1] : ['', ''];
    case 'before':
    case 'after':
      return '';
    case 'within_days':
    case 'not_within_days':
      return field.type === 'activity' ? { days: 90, types: [] } : { days: 30 };
    case 'in_stage':
      return { solutionId: null, stages: [] };
  }
}

export function newCondition(field: FieldInfo): EditorCondition {
  const op = field.ops[0] ?? 'eq';
  return { key: nextKey(), type: 'condition', negate: false, field: field.id, op, value: defaultValue(field, op) };
}

export function newGroup(mode: 'all' | 'any' = 'any'): EditorGroup {
  return { key: nextKey(), type: 'group', negate: false, mode, children: [] };
}

/** Another field: keep the operator if the new field accepts it, else its first; the value starts afresh. */
export function changeField(node: EditorCondition, field: FieldInfo): EditorCondition {
  const op = field.ops.includes(node.op) ? node.op : (field.ops[0] ?? 'eq');
  return { ...node, field: field.id, op, value: defaultValue(field, op) };
}

export function changeOp(node: EditorCondition, field: FieldInfo, op: SegmentOp): EditorCondition {
  const keep = (node.op === 'eq' || node.op === 'contains') && (op === 'eq' || op === 'contains') && typeof node.value === 'string';
  return { ...node, op, value: keep ? node.value : defaultValue(field, op) };
}

// ---------------------------------------------------------------------------------------
// Tree edits (immutable)
// ---------------------------------------------------------------------------------------

function mapTree(node: EditorNode, key: string, change: (n: EditorNode) => EditorNode | null): EditorNode | null {
  if (node.key === key) return change(node);
  if (node.type === 'condition') return node;
  const children = node.children.map((c) => mapTree(c, key, change)).filter((c): c is EditorNode => c !== null);
  return { ...node, children };
}

export function updateNode(root: EditorGroup, key: string, change: (n: EditorNode) => EditorNode): EditorGroup {
  return mapTree(root, key, change) as EditorGroup;
}

export function removeNode(root: EditorGroup, key: string): EditorGroup {
  if (root.key === key) return { ...root, children: [] };
  return mapTree(root, key, () => null) as EditorGroup;
}

export function appendChild(root: EditorGroup, groupKey: string, child: EditorNode): EditorGroup {
  return updateNode(root, groupKey, (n) => (n.type === 'group' ? { ...n, children: [...n.children, child] } : n));
}

// ---------------------------------------------------------------------------------------
// To and from the API's rule
// ---------------------------------------------------------------------------------------

/** A `days` value without its empty `types`, the way the API reads it best. */
function cleanValue(op: SegmentOp, value: unknown): unknown {
  if ((op === 'within_days' || op === 'not_within_days') && value && typeof value === 'object') {
    const v = value as { days: unknown; types?: unknown[] };
    return v.types && v.types.length > 0 ? { days: v.days, types: v.types } : { days: v.days };
  }
  return value;
}

export function toRule(node: EditorNode): SegmentRule {
  let rule: SegmentRule;
  if (node.type === 'group') {
    const children = node.children.map(toRule);
    rule = node.mode === 'all' ? { all: children } : { any: children };
  } else {
    const value = cleanValue(node.op, node.value);
    rule = node.op === 'exists' && value === true ? { field: node.field, op: node.op } : { field: node.field, op: node.op, value };
  }
  return node.negate ? { not: rule } : rule;
}

export function fromRule(rule: SegmentRule): EditorGroup {
  const node = fromAny(rule);
  // The root is always a group, so that conditions can be added beside the first one.
  return node.type === 'group' ? node : { key: nextKey(), type: 'group', negate: false, mode: 'all', children: [node] };
}

function fromAny(rule: SegmentRule, negate = false): EditorNode {
  if ('not' in rule) return fromAny(rule.not, !negate);
  if ('all' in rule) return { key: nextKey(), type: 'group', negate, mode: 'all', children: rule.all.map((r) => fromAny(r)) };
  if ('any' in rule) return { key: nextKey(), type: 'group', negate, mode: 'any', children: rule.any.map((r) => fromAny(r)) };
  const value = rule.op === 'exists' ? (rule.value ?? true) : rule.op === 'within_days' || rule.op === 'not_within_days' ? { types: [], ...(rule.value as object) } : rule.value;
  return { key: nextKey(), type: 'condition', negate, field: rule.field, op: rule.op, value };
}

// ---------------------------------------------------------------------------------------
// Checking before asking the server
// ---------------------------------------------------------------------------------------

/** Each condition's problems, by node key (the same catalogue check the server makes). */
export function problems(root: EditorGroup): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (node: EditorNode) => {
    if (node.type === 'group') {
      node.children.forEach(walk);
      return;
    }
    const issues = validateRule(toRule({ ...node, negate: false }));
    if (issues.length > 0) out.set(node.key, issues.map((i) => i.reason));
  };
  walk(root);
  return out;
}

export function countConditions(node: EditorNode): number {
  return node.type === 'condition' ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0);
}

/** Debounce key for the live count: the rule as the server would get it, or null while incomplete. */
export function countableRule(root: EditorGroup): SegmentRule | null {
  return problems(root).size === 0 ? toRule(root) : null;
}
