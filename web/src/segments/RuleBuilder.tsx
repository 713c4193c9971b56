import { ActionIcon, Button, Group, MultiSelect, NativeSelect, NumberInput, Paper, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SegmentOp } from '../../../src/domain/segmentRules';
import { activityTypes, stages } from '../../../src/shared/vocabulary';
import {
  appendChild,
  changeField,
  changeOp,
  newCondition,
  newGroup,
  removeNode,
  updateNode,
  type EditorCondition,
  type EditorGroup,
  type EditorNode,
  type FieldInfo,
} from './ruleModel';

interface BuilderProps {
  root: EditorGroup;
  onChange: (root: EditorGroup) => void;
  fields: FieldInfo[];
  solutions: { id: string; name: string }[];
  problems: Map<string, string[]>;
  readOnly: boolean;
}

/** The label of one word of an enum field's vocabulary, in the user's language. */
export function valueLabel(t: TFunction, fieldId: string, value: string): string {
  switch (fieldId) {
    case 'account.region':
      return t(`region.${value}`);
    case 'account.industry':
      return t(`industry.${value}`);
    case 'account.tier':
      return t(`tier.${value}`);
    case 'account.relationship':
      return t(`relationship.${value}`);
    case 'account.size_band':
      return t('segments.employees', { band: value });
    case 'contact.division':
      return t(`division.${value}`);
    case 'contact.seniority':
      return t(`seniority.${value}`);
    case 'contact.age_band':
      return t(`segments.ageBand.${value}`);
    case 'contact.tech_proficiency':
      return t(`techProficiency.${value}`);
    case 'contact.influence':
      return t(`influence.${value}`);
    case 'contact.openness':
      return t(`segments.openness.${value}`);
    default:
      return value;
  }
}

export function fieldLabel(field: FieldInfo, language: string): string {
  return language.startsWith('en') ? field.label.en : field.label.id;
}

/** The rule tree as nested groups of conditions; every control is labelled and reachable by keyboard. */
export function RuleBuilder(props: BuilderProps) {
  return <GroupEditor {...props} group={props.root} depth={0} />;
}

function GroupEditor({ group, depth, ...props }: BuilderProps & { group: EditorGroup; depth: number }) {
  const { t } = useTranslation();
  const { root, onChange, fields, readOnly } = props;
  const set = (change: (g: EditorGroup) => EditorGroup) => onChange(updateNode(root, group.key, (n) => change(n as EditorGroup)));
  const firstField = fields[0];
  return (
    <Paper withBorder={depth > 0} p={depth > 0 ? 'sm' : 0} role="group" aria-label={depth === 0 ? t('segments.rule') : `${t('segments.match')} ${t(group.mode === 'all' ? 'segments.all' : 'segments.any')}`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Switch
            size="xs"
            label={t('segments.negate')}
            aria-label={t('segments.negateLabel')}
            checked={group.negate}
            disabled={readOnly}
            onChange={(e) => set((g) => ({ ...g, negate: e.currentTarget.checked }))}
          />
          <NativeSelect
            size="xs"
            aria-label={t('segments.match')}
            value={group.mode}
            disabled={readOnly}
            onChange={(e) => set((g) => ({ ...g, mode: e.currentTarget.value as 'all' | 'any' }))}
            data={[
              { value: 'all', label: `${t('segments.match')} ${t('segments.all')}` },
              { value: 'any', label: `${t('segments.match')} ${t('segments.any')}` },
            ]}
          />
          {depth > 0 && !readOnly ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => onChange(removeNode(root, group.key))}>
              {t('segments.removeGroup')}
            </Button>
          ) : null}
        </Group>
        {group.children.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('segments.noConditions')}
          </Text>
        ) : null}
        {group.children.map((child: EditorNode) =>
          child.type === 'group' ? (
            <GroupEditor key={child.key} {...props} group={child} depth={depth + 1} />
          ) : (
            <ConditionEditor key={child.key} {...props} node={child} />
          ),
        )}
        {!readOnly && firstField ? (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => onChange(appendChild(root, group.key, newCondition(firstField)))}>
              {t('segments.addCondition')}
            </Button>
            {depth < 3 ? (
              <Button size="xs" variant="subtle" onClick={() => onChange(appendChild(root, group.key, { ...newGroup('any'), children: [newCondition(firstField)] }))}>
                {t('segments.addGroup')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ConditionEditor({ node, ...props }: BuilderProps & { node: EditorCondition }) {
  const { t, i18n } = useTranslation();
  const { root, onChange, fields, readOnly, problems } = props;
  const field = fields.find((f) => f.id === node.field);
  const set = (change: (c: EditorCondition) => EditorCondition) => onChange(updateNode(root, node.key, (n) => change(n as EditorCondition)));
  const groups = (['geographic', 'demographic', 'psychographic', 'behavioural'] as const).map((g) => ({
    group: t(`segments.group.${g}`),
    items: fields.filter((f) => f.group === g).map((f) => ({ value: f.id, label: fieldLabel(f, i18n.language) })),
  }));
  const issues = problems.get(node.key);
  return (
    <Paper withBorder p="xs" bg={node.negate ? 'var(--mantine-color-red-light)' : undefined}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Switch size="xs" label={t('segments.negate')} aria-label={t('segments.negateLabel')} checked={node.negate} disabled={readOnly} onChange={(e) => set((c) => ({ ...c, negate: e.currentTarget.checked }))} />
        <Select
          size="xs"
          label={t('segments.field')}
          data={groups}
          value={node.field}
          searchable
          allowDeselect={false}
          disabled={readOnly}
          w={240}
          onChange={(id) => {
            const next = fields.find((f) => f.id === id);
            if (next) set((c) => changeField(c, next));
          }}
        />
        {field ? (
          <NativeSelect
            size="xs"
            label={t('segments.operator')}
            value={node.op}
            disabled={readOnly}
            data={field.ops.map((op) => ({ value: op, label: t(`segments.op.${op}`) }))}
            onChange={(e) => set((c) => changeOp(c, field, e.currentTarget.value as SegmentOp))}
          />
        ) : null}
        {field ? <ValueInput field={field} node={node} readOnly={readOnly} solutions={props.solutions} onValue={(value) => set((c) => ({ ...c, value }))} /> : null}
        {!readOnly ? (
          <ActionIcon variant="subtle" color="red" aria-label={t('segments.removeCondition')} title={t('segments.removeCondition')} onClick={() => onChange(removeNode(root, node.key))}>
            ×
          </ActionIcon>
        ) : null}
      </Group>
      {issues ? (
        <Text size="xs" c="red" mt={4} title={issues.join('; ')}>
          {t('segments.conditionIncomplete')}
        </Text>
      ) : null}
    </Paper>
  );
}

function ValueInput({ field, node, readOnly, solutions, onValue }: { field: FieldInfo; node: EditorCondition; readOnly: boolean; solutions: { id: string; name: string }[]; onValue: (v: unknown) => void }) {
  const { t } = useTranslation();
  const label = t('segments.value');
  const v = node.value;
  const options =
    field.type === 'enum'
      ? (field.values ?? []).map((value) => ({ value, label: valueLabel(t, field.id, value) }))
      : field.type === 'solution-ref'
        ? solutions.map((s) => ({ value: s.id, label: s.name }))
        : [];
  const common = { size: 'xs' as const, disabled: readOnly };

  switch (node.op) {
    case 'exists':
      return (
        <NativeSelect {...common} label={label} value={v === false ? 'absent' : 'present'} onChange={(e) => onValue(e.currentTarget.value === 'present')} data={[{ value: 'present', label: t('segments.present') }, { value: 'absent', label: t('segments.absent') }]} />
      );
    case 'eq':
      if (field.type === 'enum' || field.type === 'solution-ref') {
        return <Select {...common} label={label} data={options} value={typeof v === 'string' && v !== '' ? v : null} searchable allowDeselect={false} w={220} onChange={(x) => onValue(x ?? '')} />;
      }
      if (field.type === 'boolean') {
        return <NativeSelect {...common} label={label} value={v === false ? 'no' : 'yes'} onChange={(e) => onValue(e.currentTarget.value === 'yes')} data={[{ value: 'yes', label: t('segments.yes') }, { value: 'no', label: t('segments.no') }]} />;
      }
      if (field.type === 'number') {
        return <NumberInput {...common} label={label} value={typeof v === 'number' ? v : ''} allowDecimal={false} w={100} onChange={(x) => onValue(typeof x === 'number' ? x : null)} />;
      }
      return <TextInput {...common} label={label} value={typeof v === 'string' ? v : ''} maxLength={200} onChange={(e) => onValue(e.currentTarget.value)} />;
    case 'contains':
      return <TextInput {...common} label={label} value={typeof v === 'string' ? v : ''} maxLength={200} onChange={(e) => onValue(e.currentTarget.value)} />;
    case 'in':
      if (field.type === 'string') {
        return <TagsInput {...common} label={label} placeholder={t('segments.typeValues')} value={Array.isArray(v) ? (v as string[]) : []} onChange={onValue} w={260} />;
      }
      return <MultiSelect {...common} label={label} placeholder={t('segments.pickValues')} data={options} value={Array.isArray(v) ? (v as string[]) : []} searchable onChange={onValue} w={280} />;
    case 'between': {
      const [lo, hi] = Array.isArray(v) ? (v as unknown[]) : [null, null];
      if (field.type === 'number') {
        return (
          <Group gap={4}>
            <NumberInput {...common} label={t('segments.from')} value={typeof lo === 'number' ? lo : ''} allowDecimal={false} w={90} onChange={(x) => onValue([typeof x === 'number' ? x : null, hi])} />
            <NumberInput {...common} label={t('segments.to')} value={typeof hi === 'number' ? hi : ''} allowDecimal={false} w={90} onChange={(x) => onValue([lo, typeof x === 'number' ? x : null])} />
          </Group>
        );
      }
      return (
        <Group gap={4}>
          <TextInput {...common} type="date" label={t('segments.from')} value={typeof lo === 'string' ? lo : ''} onChange={(e) => onValue([e.currentTarget.value, hi])} />
          <TextInput {...common} type="date" label={t('segments.to')} value={typeof hi === 'string' ? hi : ''} onChange={(e) => onValue([lo, e.currentTarget.value])} />
        </Group>
      );
    }
    case 'before':
    case 'after':
      return <TextInput {...common} type="date" label={label} value={typeof v === 'string' ? v : ''} onChange={(e) => onValue(e.currentTarget.value)} />;
    case 'within_days':
    case 'not_within_days': {
      const w = (v ?? {}) as { days?: number; types?: string[] };
      return (
        <Group gap={4} align="flex-end">
          <NumberInput {...common} label={t('segments.days')} value={w.days ?? ''} min={1} max={3650} allowDecimal={false} w={90} onChange={(x) => onValue({ ...w, days: typeof x === 'number' ? x : null })} />
          {field.type === 'activity' ? (
            <MultiSelect
              {...common}
              label={t('segments.activityTypes')}
              placeholder={t('segments.anyActivity')}
              data={activityTypes.map((a) => ({ value: a, label: t(`activityType.${a}`) }))}
              value={w.types ?? []}
              onChange={(types) => onValue({ ...w, types })}
              w={280}
            />
          ) : null}
        </Group>
      );
    }
    case 'in_stage': {
      const s = (v ?? {}) as { solutionId?: string | null; stages?: string[] };
      return (
        <Group gap={4} align="flex-end">
          <Select
            {...common}
            label={t('segments.solution')}
            data={[{ value: '', label: t('segments.anySolution') }, ...solutions.map((x) => ({ value: x.id, label: x.name }))]}
            value={s.solutionId ?? ''}
            allowDeselect={false}
            searchable
            w={220}
            onChange={(x) => onValue({ ...s, solutionId: x ? x : null })}
          />
          <MultiSelect {...common} label={t('segments.stages')} data={stages.map((x) => ({ value: x, label: t(`stage.${x}`) }))} value={s.stages ?? []} onChange={(list) => onValue({ ...s, stages: list })} w={280} />
        </Group>
      );
    }
  }
}
