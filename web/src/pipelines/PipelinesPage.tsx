import { Alert, Badge, Button, Checkbox, Chip, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { canManageWorkspace } from '../auth/permissions';
import { Empty, ErrorState, Loading } from '../ui/States';
import { gateFields, gateKinds, type Gate, type GateKind } from '../../../src/domain/gates';
import { activityTypes, aidasSteps, solutionCategories } from '../../../src/shared/vocabulary';
import { pipelinesApi, type Pipeline } from './pipelinesApi';
import { RiskMapPanel } from './RiskMapPanel';
import { createBody, draftFromPipeline, newDraft, newGate, serverIssues, updateBody, updateGate, updateStage, validateDraft, withKind, type PipelineDraft, type SolutionCategory } from './pipelinesModel';

/** Admins: the pipelines (the default and one per solution line), their stages' AIDAS steps and gates. */
export default function PipelinesPage({ me }: { me: Me['user'] }) {
  const { t } = useTranslation();
  const pipelines = useQuery({ queryKey: ['pipelines'], queryFn: pipelinesApi.list });
  const [draft, setDraft] = useState<PipelineDraft | null>(null);
  const admin = canManageWorkspace(me);

  if (!admin) return <Empty title={t('pipelines.adminsOnly')} hint={t('pipelines.adminsOnlyHint')} />;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h3">
            {t('pipelines.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pipelines.intro')}
          </Text>
        </Stack>
        <Button onClick={() => setDraft(newDraft(pipelines.data?.items.find((p) => p.isDefault)?.stages))}>{t('pipelines.new')}</Button>
      </Group>
      {pipelines.isPending ? <Loading /> : null}
      {pipelines.error ? <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} /> : null}
      {pipelines.data ? (
        <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
          <Paper withBorder p="sm" component="nav" aria-label={t('pipelines.list')}>
            <Stack gap={4}>
              {pipelines.data.items.map((p) => (
                <PipelineItem key={p.id} pipeline={p} selected={draft?.id === p.id} onSelect={() => setDraft(draftFromPipeline(p))} />
              ))}
            </Stack>
          </Paper>
          <div style={{ gridColumn: 'span 3' }}>
            {draft ? (
              <PipelineEditor key={`${draft.id ?? 'new'}-${draft.version ?? 0}`} initial={draft} existingCategories={pipelines.data.items.map((p) => p.solutionCategory)} onSaved={(p) => setDraft(draftFromPipeline(p))} onCancel={() => setDraft(null)} />
            ) : (
              <Empty title={t('pipelines.pick')} hint={t('pipelines.pickHint')} />
            )}
          </div>
        </SimpleGrid>
      ) : null}
      <RiskMapPanel />
    </Stack>
  );
}

function PipelineItem({ pipeline, selected, onSelect }: { pipeline: Pipeline; selected: boolean; onSelect(): void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onSelect} aria-current={selected ? 'true' : undefined} p="xs" style={{ borderRadius: 6, background: selected ? 'var(--mantine-color-teal-0)' : undefined }}>
      <Text size="sm" fw={600}>
        {pipeline.name}
      </Text>
      <Group gap={4}>
        {pipeline.isDefault ? (
          <Badge size="xs" variant="light">
            {t('pipelines.default')}
          </Badge>
        ) : null}
        {pipeline.solutionCategory ? (
          <Badge size="xs" variant="outline">
            {t(`category.${pipeline.solutionCategory}`)}
          </Badge>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('pipelines.versionShort', { version: pipeline.version })}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

function PipelineEditor({ initial, existingCategories, onSaved, onCancel }: { initial: PipelineDraft; existingCategories: (string | null)[]; onSaved(p: Pipeline): void; onCancel(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (d: PipelineDraft) => (d.id === null ? pipelinesApi.create(createBody(d)) : pipelinesApi.update(d.id, updateBody(d))),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['pipelines'] });
      await client.invalidateQueries({ queryKey: ['journeyPipeline'] });
      onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError) setIssues(serverIssues(error.details));
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const issue = (path: string) => {
    const reason = issues[path];
    return reason ? (reason.startsWith('pipelines.') ? t(reason) : reason) : undefined;
  };
  const unplaced = Object.entries(issues).filter(([path]) => !placedPaths.some((p) => p.test(path)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDraft(draft);
    setIssues(found);
    if (Object.keys(found).length > 0) {
      // Bring the first field to correct into view (the form is long).
      window.setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    save.mutate(draft);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={draft.id ? t('pipelines.editTitle', { name: initial.name }) : t('pipelines.newTitle')}>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {draft.id ? t('pipelines.editTitle', { name: initial.name }) : t('pipelines.newTitle')}
          </Title>
          {conflict ? (
            <Alert color="orange" role="alert" mb="sm">
              {t('pipelines.conflict')}
            </Alert>
          ) : save.error && (!(save.error instanceof ApiError) || Object.keys(issues).length === 0) ? (
            <Alert color="red" role="alert" mb="sm">
              {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          {unplaced.length > 0 ? (
            <Alert color="red" role="alert" mb="sm" title={t('pipelines.issues')}>
              <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                {unplaced.map(([path, reason]) => (
                  <li key={path}>
                    {path}: {reason.startsWith('pipelines.') ? t(reason) : reason}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {save.isSuccess ? (
            <Text size="sm" c="teal.8" role="status" mb="sm">
              {t('pipelines.saved')}
            </Text>
          ) : null}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('pipelines.name')} required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={issue('body.name')} />
            {draft.id === null ? (
              <NativeSelect
                label={t('pipelines.solutionLine')}
                required
                value={draft.solutionCategory ?? ''}
                onChange={(e) => setDraft({ ...draft, solutionCategory: (e.currentTarget.value || null) as SolutionCategory | null })}
                data={[
                  { value: '', label: t('pipelines.chooseLine') },
                  ...solutionCategories.map((c) => ({ value: c, label: t(`category.${c}`), disabled: existingCategories.includes(c) })),
                ]}
                error={issue('body.solutionCategory')}
              />
            ) : (
              <TextInput label={t('pipelines.solutionLine')} value={draft.solutionCategory ? t(`category.${draft.solutionCategory}`) : t('pipelines.default')} readOnly />
            )}
          </Group>
          {draft.id !== null ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('pipelines.versionNote', { version: draft.version ?? 1 })}
            </Text>
          ) : null}
        </Paper>
        {draft.stages.map((stage, i) => (
          <Paper key={stage.stage} withBorder p="md" component="fieldset" style={{ margin: 0 }}>
            <Title order={3} size="h5" component="legend">
              {t('pipelines.stageHeading', { position: i + 1, stage: t(`stage.${stage.stage}`) })}
            </Title>
            <Stack gap="sm">
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`aidas-${i}`}>
                  {t('pipelines.aidas')}
                </Text>
                <Chip.Group multiple value={stage.aidasSteps} onChange={(steps) => setDraft(updateStage(draft, i, (s) => ({ ...s, aidasSteps: aidasSteps.filter((a) => steps.includes(a)) })))}>
                  <Group gap={6} role="group" aria-labelledby={`aidas-${i}`}>
                    {aidasSteps.map((step) => (
                      <Chip key={step} value={step} size="xs">
                        {t(`aidas.${step}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                {issue(`body.stages.${i}.aidasSteps`) ? (
                  <Text size="xs" c="red" role="alert">
                    {issue(`body.stages.${i}.aidasSteps`)}
                  </Text>
                ) : null}
              </Stack>
              <Text size="sm" fw={500}>
                {t('pipelines.gates')}
              </Text>
              {stage.gates.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('pipelines.noGates')}
                </Text>
              ) : null}
              {stage.gates.map((gate, j) => (
                <GateEditor
                  key={j}
                  gate={gate}
                  path={`body.stages.${i}.gates.${j}`}
                  issue={issue}
                  onChange={(g) => setDraft(updateGate(draft, i, j, () => g))}
                  onRemove={() => setDraft(updateGate(draft, i, j, () => null))}
                />
              ))}
              <Button variant="light" size="xs" w="fit-content" onClick={() => setDraft(updateStage(draft, i, (s) => ({ ...s, gates: [...s.gates, newGate(s)] })))}>
                {t('pipelines.addGate', { stage: t(`stage.${stage.stage}`) })}
              </Button>
            </Stack>
          </Paper>
        ))}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {draft.id ? t('pipelines.saveVersion') : t('pipelines.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Issues shown beside a control; any other path is listed at the top of the form. */
const placedPaths = [/^body\.name$/, /^body\.solutionCategory$/, /^body\.stages\.\d+\.aidasSteps$/, /^body\.stages\.\d+\.gates\.\d+\.(id|label\.en|label\.id|activityTypes|field)$/];

function GateEditor({ gate, path, issue, onChange, onRemove }: { gate: Gate; path: string; issue(path: string): string | undefined; onChange(g: Gate): void; onRemove(): void }) {
  const { t } = useTranslation();
  const kindLabels: Record<GateKind, string> = {
    activity: t('pipelines.kind.activity'),
    contact_persona: t('pipelines.kind.contact_persona'),
    field_set: t('pipelines.kind.field_set'),
    it_assessment: t('pipelines.kind.it_assessment'),
    sa_meeting: t('pipelines.kind.sa_meeting'),
    survey: t('pipelines.kind.survey'),
    manual: t('pipelines.kind.manual'),
  };
  const fieldLabels: Record<(typeof gateFields)[number], string> = {
    expectedDecisionDate: t('pipelines.field.expectedDecisionDate'),
    saId: t('pipelines.field.saId'),
    marcommId: t('pipelines.field.marcommId'),
    valueMinor: t('pipelines.field.valueMinor'),
    principalInvolvement: t('pipelines.field.principalInvolvement'),
  };
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Stack gap={6}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
          <TextInput label={t('pipelines.gateId')} description={t('pipelines.gateIdHint')} value={gate.id} onChange={(e) => onChange({ ...gate, id: e.currentTarget.value })} error={issue(`${path}.id`)} />
          <NativeSelect label={t('pipelines.gateKind')} value={gate.kind} onChange={(e) => onChange(withKind(gate, e.currentTarget.value as GateKind))} data={gateKinds.map((k) => ({ value: k, label: kindLabels[k] }))} />
          <TextInput label={t('pipelines.labelId')} lang="id" value={gate.label.id} onChange={(e) => onChange({ ...gate, label: { ...gate.label, id: e.currentTarget.value } })} error={issue(`${path}.label.id`)} />
          <TextInput label={t('pipelines.labelEn')} lang="en" value={gate.label.en} onChange={(e) => onChange({ ...gate, label: { ...gate.label, en: e.currentTarget.value } })} error={issue(`${path}.label.en`)} />
        </SimpleGrid>
        {gate.kind === 'activity' ? (
          <Group align="flex-end" wrap="wrap">
            <MultiSelect
              label={t('pipelines.activityTypes')}
              value={gate.activityTypes}
              onChange={(types) => onChange({ ...gate, activityTypes: types as typeof gate.activityTypes })}
              data={activityTypes.map((a) => ({ value: a, label: t(`activityType.${a}`) }))}
              error={issue(`${path}.activityTypes`)}
              comboboxProps={{ withinPortal: true }}
              miw={280}
            />
            <Checkbox label={t('pipelines.saLed')} checked={gate.saLed} onChange={(e) => onChange({ ...gate, saLed: e.currentTarget.checked })} mb={8} />
          </Group>
        ) : null}
        {gate.kind === 'field_set' ? (
          <NativeSelect
            label={t('pipelines.fieldToSet')}
            value={gate.field}
            onChange={(e) => onChange({ ...gate, field: e.currentTarget.value as (typeof gateFields)[number] })}
            data={gateFields.map((f) => ({ value: f, label: fieldLabels[f] }))}
            error={issue(`${path}.field`)}
            maw={320}
          />
        ) : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t(`gateTodo.${gate.kind}`)}
          </Text>
          <Button variant="subtle" color="red" size="compact-xs" onClick={onRemove} aria-label={t('pipelines.removeGate', { gate: gate.label.en || gate.id })}>
            {t('pipelines.remove')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
