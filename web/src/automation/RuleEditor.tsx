import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { campaignsApi } from '../campaigns/campaignsApi';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSolutions, useTeams, useUsers } from '../lists/lookups';
import { segmentsApi } from '../segments/segmentsApi';
import {
  anchorFields,
  campaignResponseKinds,
  campaignTypes,
  emailRecipients,
  settableFields,
  surveyKinds,
  taskAssignees,
  type Action,
  type AutomationRule,
  type Trigger,
} from '../../../src/shared/schemas/automation';
import { activityTypes, stages } from '../../../src/shared/vocabulary';
import { automationApi } from './automationApi';
import { actionKinds, createBody, defaultAction, defaultTrigger, patchBody, serverIssues, triggerKinds, validateDraft, type ActionKind, type RuleDraft, type TriggerKind } from './automationModel';

/** One line that says what a rule does, in the user's language. */
export function ruleSummary(rule: Pick<AutomationRule, 'trigger' | 'actions'>, t: TFunction): string {
  const tr = rule.trigger;
  const when =
    tr.kind === 'stage_entered'
      ? t('automation.when.stage_entered', { stage: t(`stage.${tr.stage}`) })
      : tr.kind === 'activity_logged'
        ? t('automation.when.activity_logged', { type: t(`activityType.${tr.activityType}`) })
        : tr.kind === 'campaign_response'
          ? t('automation.when.campaign_response', { kind: t(`automation.responseKind.${tr.responseKind}`), campaign: tr.campaignType ? t(`automation.campaignType.${tr.campaignType}`) : t('automation.anyCampaign') })
          : tr.kind === 'no_touch'
            ? t('automation.when.no_touch', { days: tr.days })
            : t('automation.when.days_after', { days: tr.days, field: t(`automation.anchor.${tr.field}`) });
  const then = rule.actions.map((a) => t(`automation.action.${a.kind}`)).join(', ');
  return `${when} → ${then}`;
}

export function RuleEditor({ initial, onDone }: { initial: RuleDraft; onDone(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const { solutions } = useSolutions();
  const { teams } = useTeams();
  const segments = useQuery({ queryKey: ['segments'], queryFn: segmentsApi.list });
  const save = useMutation({
    mutationFn: (d: RuleDraft) => (d.id === null ? automationApi.createRule(createBody(d)) : automationApi.updateRule(d.id, patchBody(d))),
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiError) setIssues(serverIssues(error.details));
    },
  });
  const issue = (path: string) => {
    const reason = issues[path];
    return reason ? (reason.startsWith('automation.') ? t(reason) : reason) : undefined;
  };
  const placed = (path: string) => /^body\.(name|trigger\.days|actions\.\d+\.(title|dueInWorkingDays|subject|body|value))$/.test(path);
  const unplaced = Object.entries(issues).filter(([path]) => !placed(path));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDraft(draft);
    setIssues(found);
    if (Object.keys(found).length === 0) save.mutate(draft);
  }

  const setTrigger = (trigger: Trigger) => setDraft({ ...draft, trigger });
  const setAction = (i: number, action: Action) => setDraft({ ...draft, actions: draft.actions.map((a, j) => (j === i ? action : a)) });
  const title = draft.id ? t('automation.editTitle', { name: initial.name }) : t('automation.newTitle');

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {title}
          </Title>
          {save.error instanceof ApiError && save.error.status === 409 ? (
            <Alert color="orange" role="alert" mb="sm">
              {t('automation.conflict')}
            </Alert>
          ) : save.error && (!(save.error instanceof ApiError) || Object.keys(issues).length === 0) ? (
            <Alert color="red" role="alert" mb="sm">
              {save.error instanceof ApiError ? save.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          {unplaced.length > 0 ? (
            <Alert color="red" role="alert" mb="sm" title={t('automation.issues')}>
              <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                {unplaced.map(([path, reason]) => (
                  <li key={path}>
                    {path}: {reason.startsWith('automation.') ? t(reason) : reason}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Stack gap="sm">
            <TextInput label={t('automation.name')} required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={issue('body.name')} />
            <Textarea label={t('automation.description')} autosize minRows={2} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
            <Switch label={t('automation.enabled')} checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })} />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="fieldset" style={{ margin: 0 }}>
          <Title order={3} size="h5" component="legend">
            {t('automation.triggerHeading')}
          </Title>
          <Group align="flex-start" wrap="wrap" grow>
            <NativeSelect
              label={t('automation.triggerKind')}
              value={draft.trigger.kind}
              onChange={(e) => setTrigger(defaultTrigger(e.currentTarget.value as TriggerKind))}
              data={triggerKinds.map((k) => ({ value: k, label: t(`automation.trigger.${k}`) }))}
            />
            <TriggerFields trigger={draft.trigger} onChange={setTrigger} daysError={issue('body.trigger.days')} />
          </Group>
          {(draft.trigger.kind === 'no_touch' || draft.trigger.kind === 'days_after') && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('automation.timeBasedHint')}
            </Text>
          )}
        </Paper>

        <Paper withBorder p="md" component="fieldset" style={{ margin: 0 }}>
          <Title order={3} size="h5" component="legend">
            {t('automation.conditionsHeading')}
          </Title>
          <Group align="flex-start" wrap="wrap" grow>
            <NativeSelect
              label={t('automation.segment')}
              value={draft.conditions.segmentId ?? ''}
              onChange={(e) => setDraft({ ...draft, conditions: { ...draft.conditions, segmentId: e.currentTarget.value || null } })}
              data={[{ value: '', label: t('automation.any') }, ...(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            />
            <NativeSelect
              label={t('automation.solution')}
              value={draft.conditions.solutionId ?? ''}
              onChange={(e) => setDraft({ ...draft, conditions: { ...draft.conditions, solutionId: e.currentTarget.value || null } })}
              data={[{ value: '', label: t('automation.any') }, ...solutions.map((s) => ({ value: s.id, label: s.name }))]}
            />
            <NativeSelect
              label={t('automation.team')}
              value={draft.conditions.teamId ?? ''}
              onChange={(e) => setDraft({ ...draft, conditions: { ...draft.conditions, teamId: e.currentTarget.value || null } })}
              data={[{ value: '', label: t('automation.any') }, ...teams.map((s) => ({ value: s.id, label: s.name }))]}
            />
          </Group>
        </Paper>

        <Paper withBorder p="md" component="fieldset" style={{ margin: 0 }}>
          <Title order={3} size="h5" component="legend">
            {t('automation.actionsHeading')}
          </Title>
          <Stack gap="sm">
            {issue('body.actions') ? (
              <Text size="sm" c="red" role="alert">
                {issue('body.actions')}
              </Text>
            ) : null}
            {draft.actions.map((action, i) => (
              <Paper key={i} withBorder p="sm" bg="gray.0">
                <Group align="flex-start" wrap="wrap" grow>
                  <NativeSelect
                    label={t('automation.actionKind', { n: i + 1 })}
                    value={action.kind}
                    onChange={(e) => setAction(i, defaultAction(e.currentTarget.value as ActionKind))}
                    data={actionKinds.map((k) => ({ value: k, label: t(`automation.action.${k}`) }))}
                  />
                  <ActionFields action={action} onChange={(a) => setAction(i, a)} issue={(field) => issue(`body.actions.${i}.${field}`)} />
                </Group>
                <Group justify="flex-end" mt="xs">
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDraft({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })} aria-label={t('automation.removeAction', { n: i + 1 })}>
                    {t('automation.remove')}
                  </Button>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button variant="light" size="xs" disabled={draft.actions.length >= 10} onClick={() => setDraft({ ...draft, actions: [...draft.actions, defaultAction('create_task')] })}>
                {t('automation.addAction')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('automation.placeholders')} <code>{'{{account}}'}</code> <code>{'{{solution}}'}</code> <code>{'{{stage}}'}</code> <code>{'{{journeyUrl}}'}</code>
            </Text>
          </Stack>
        </Paper>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('automation.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('automation.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TriggerFields({ trigger, onChange, daysError }: { trigger: Trigger; onChange(t: Trigger): void; daysError: string | undefined }) {
  const { t } = useTranslation();
  switch (trigger.kind) {
    case 'stage_entered':
      return <NativeSelect label={t('automation.stage')} value={trigger.stage} onChange={(e) => onChange({ ...trigger, stage: e.currentTarget.value as typeof trigger.stage })} data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />;
    case 'activity_logged':
      return (
        <NativeSelect
          label={t('automation.activityType')}
          value={trigger.activityType}
          onChange={(e) => onChange({ ...trigger, activityType: e.currentTarget.value as typeof trigger.activityType })}
          data={activityTypes.map((a) => ({ value: a, label: t(`activityType.${a}`) }))}
        />
      );
    case 'campaign_response':
      return (
        <>
          <NativeSelect
            label={t('automation.campaignTypeLabel')}
            value={trigger.campaignType ?? ''}
            onChange={(e) => onChange({ ...trigger, campaignType: (e.currentTarget.value || null) as typeof trigger.campaignType })}
            data={[{ value: '', label: t('automation.anyCampaign') }, ...campaignTypes.map((c) => ({ value: c, label: t(`automation.campaignType.${c}`) }))]}
          />
          <NativeSelect
            label={t('automation.responseKindLabel')}
            value={trigger.responseKind}
            onChange={(e) => onChange({ ...trigger, responseKind: e.currentTarget.value as typeof trigger.responseKind })}
            data={campaignResponseKinds.map((k) => ({ value: k, label: t(`automation.responseKind.${k}`) }))}
          />
        </>
      );
    case 'no_touch':
      return <NumberInput label={t('automation.days')} min={1} max={3650} value={trigger.days} onChange={(v) => onChange({ ...trigger, days: Number(v) })} error={daysError} />;
    case 'days_after':
      return (
        <>
          <NumberInput label={t('automation.days')} min={1} max={3650} value={trigger.days} onChange={(v) => onChange({ ...trigger, days: Number(v) })} error={daysError} />
          <NativeSelect
            label={t('automation.anchorLabel')}
            value={trigger.field}
            onChange={(e) => onChange({ ...trigger, field: e.currentTarget.value as typeof trigger.field })}
            data={anchorFields.map((f) => ({ value: f, label: t(`automation.anchor.${f}`) }))}
          />
        </>
      );
  }
}

function ActionFields({ action, onChange, issue }: { action: Action; onChange(a: Action): void; issue(field: string): string | undefined }) {
  const { t } = useTranslation();
  const { users } = useUsers();
  switch (action.kind) {
    case 'create_task':
      return (
        <>
          <NativeSelect
            label={t('automation.assignee')}
            value={action.assignee}
            onChange={(e) => onChange({ ...action, assignee: e.currentTarget.value as typeof action.assignee })}
            data={taskAssignees.map((a) => ({ value: a, label: t(`automation.assigneeRole.${a}`) }))}
          />
          <TextInput label={t('automation.taskTitle')} required value={action.title} onChange={(e) => onChange({ ...action, title: e.currentTarget.value })} error={issue('title')} />
          <NumberInput
            label={t('automation.dueInWorkingDays')}
            min={0}
            max={250}
            value={action.dueInWorkingDays}
            onChange={(v) => onChange({ ...action, dueInWorkingDays: Number(v) })}
            error={issue('dueInWorkingDays')}
          />
        </>
      );
    case 'notify_email':
      return (
        <>
          <NativeSelect
            label={t('automation.recipient')}
            value={action.to}
            onChange={(e) => onChange({ ...action, to: e.currentTarget.value as typeof action.to })}
            data={emailRecipients.map((r) => ({ value: r, label: t(`automation.recipientRole.${r}`) }))}
          />
          <TextInput label={t('automation.subjectLine')} required value={action.subject} onChange={(e) => onChange({ ...action, subject: e.currentTarget.value })} error={issue('subject')} />
          <Textarea label={t('automation.body')} required autosize minRows={2} value={action.body} onChange={(e) => onChange({ ...action, body: e.currentTarget.value })} error={issue('body')} />
        </>
      );
    case 'set_field':
      return (
        <>
          <NativeSelect
            label={t('automation.fieldLabel')}
            value={action.field}
            onChange={(e) => onChange({ ...action, field: e.currentTarget.value as typeof action.field })}
            data={settableFields.map((f) => ({ value: f, label: t(`automation.field.${f}`) }))}
          />
          {action.field === 'saId' || action.field === 'marcommId' ? (
            <NativeSelect
              label={t('automation.value')}
              value={action.value ?? ''}
              onChange={(e) => onChange({ ...action, value: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('automation.nobody') },
                ...users.filter((u) => u.active && u.role === (action.field === 'saId' ? 'solution_architect' : 'marcomm')).map((u) => ({ value: u.id, label: u.name })),
              ]}
              error={issue('value')}
            />
          ) : (
            <TextInput
              label={t('automation.value')}
              description={action.field === 'expectedDecisionDate' ? t('automation.valueDateHint') : undefined}
              value={action.value ?? ''}
              onChange={(e) => onChange({ ...action, value: e.currentTarget.value })}
              error={issue('value')}
            />
          )}
        </>
      );
    case 'add_to_campaign':
      return <CampaignField action={action} onChange={onChange} issue={issue} />;
    case 'request_survey':
      return (
        <NativeSelect
          label={t('automation.surveyKind')}
          value={action.surveyKind}
          onChange={(e) => onChange({ ...action, surveyKind: e.currentTarget.value as typeof action.surveyKind })}
          data={surveyKinds.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
        />
      );
  }
}

function CampaignField({ action, onChange, issue }: { action: Extract<Action, { kind: 'add_to_campaign' }>; onChange(a: Action): void; issue(field: string): string | undefined }) {
  const { t } = useTranslation();
  const campaigns = useQuery({ queryKey: ['campaigns', 'list'], queryFn: () => campaignsApi.list() });
  const open = (campaigns.data?.items ?? []).filter((c) => c.status !== 'closed' || c.id === action.campaignId);
  return (
    <NativeSelect
      label={t('automation.campaign')}
      description={t('automation.campaignHint')}
      required
      value={action.campaignId}
      onChange={(e) => onChange({ ...action, campaignId: e.currentTarget.value })}
      data={[{ value: '', label: open.length === 0 && campaigns.isSuccess ? t('automation.noOpenCampaigns') : t('automation.chooseCampaign') }, ...open.map((c) => ({ value: c.id, label: c.name }))]}
      error={issue('campaignId')}
    />
  );
}
