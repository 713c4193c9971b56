import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentRule } from '../../../src/domain/segmentRules';
import { ApiError } from '../api/client';
import type { Me } from '../api/types';
import { formatDateTime } from '../format/format';
import { Link, navigate } from '../router';
import { Empty, ErrorState, Loading } from '../ui/States';
import { canWriteSegments } from './permissions';
import { RuleBuilder } from './RuleBuilder';
import { emptyRoot, fromRule, problems as ruleProblems, toRule, type EditorGroup, type FieldInfo } from './ruleModel';
import { segmentsApi, type Preview, type Segment } from './segmentsApi';

const PREVIEW_SIZE = 20;

/** A segment's page and editor (`id` null: a new one): the rule builder with a live count and preview. */
export default function SegmentPage({ id, me }: { id: string | null; me: Me['user'] }) {
  const fields = useQuery({ queryKey: ['segments', 'fields'], queryFn: () => segmentsApi.fields(), staleTime: Infinity });
  const solutions = useQuery({ queryKey: ['segments', 'solutions'], queryFn: () => segmentsApi.solutions() });
  const segment = useQuery({ queryKey: ['segment', id], queryFn: () => segmentsApi.get(id ?? ''), enabled: id !== null });
  if (fields.isPending || (id !== null && segment.isPending)) return <Loading />;
  if (fields.error) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  if (segment.error) return <ErrorState error={segment.error} onRetry={() => void segment.refetch()} />;
  const current = id !== null ? (segment.data ?? null) : null;
  return <SegmentEditor key={current ? `${current.id}@${current.version}` : 'new'} segment={current} fields={fields.data.items} solutions={solutions.data?.items ?? []} me={me} />;
}

function SegmentEditor({ segment, fields, solutions, me }: { segment: Segment | null; fields: FieldInfo[]; solutions: { id: string; name: string }[]; me: Me['user'] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const mayWrite = canWriteSegments(me);
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [root, setRoot] = useState<EditorGroup>(() => (segment ? fromRule(segment.rule) : emptyRoot()));
  const [confirm, setConfirm] = useState<'freeze' | 'dynamic' | 'delete' | null>(null);

  const problems = useMemo(() => ruleProblems(root), [root]);
  const rule: SegmentRule | null = problems.size === 0 ? toRule(root) : null;
  const ruleKey = rule ? JSON.stringify(rule) : null;
  const [debouncedKey] = useDebouncedValue(ruleKey, 400);
  const live = useQuery({
    queryKey: ['segments', 'preview', debouncedKey],
    queryFn: ({ signal }) => segmentsApi.preview(JSON.parse(debouncedKey ?? '{}') as SegmentRule, PREVIEW_SIZE, signal),
    enabled: debouncedKey !== null,
    placeholderData: keepPreviousData,
  });
  const frozen = useQuery({
    queryKey: ['segment', segment?.id, 'members', segment?.version],
    queryFn: () => segmentsApi.members(segment?.id ?? '', PREVIEW_SIZE),
    enabled: segment?.kind === 'static',
  });

  const ruleChanged = segment ? ruleKey !== JSON.stringify(toRule(fromRule(segment.rule))) : true;
  const dirty = !segment || ruleChanged || name.trim() !== segment.name || (description.trim() || null) !== segment.description;

  const done = (saved: Segment) => {
    void client.invalidateQueries({ queryKey: ['segments', 'list'] });
    client.setQueryData(['segment', saved.id], saved);
    setConfirm(null);
  };
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim() || null, rule: toRule(root) };
      return segment ? segmentsApi.update(segment.id, { ...body, version: segment.version }) : segmentsApi.create(body);
    },
    onSuccess: (saved) => {
      done(saved);
      if (!segment) navigate(`/segments/${saved.id}`, { replace: true });
    },
  });
  const freeze = useMutation({ mutationFn: () => segmentsApi.freeze(segment?.id ?? '', segment?.version ?? 0), onSuccess: done });
  const makeDynamic = useMutation({ mutationFn: () => segmentsApi.update(segment?.id ?? '', { kind: 'dynamic', version: segment?.version ?? 0 }), onSuccess: done });
  const remove = useMutation({
    mutationFn: () => segmentsApi.remove(segment?.id ?? '', segment?.version ?? 0),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['segments', 'list'] });
      navigate('/segments');
    },
  });
  const failure = save.error ?? freeze.error ?? makeDynamic.error ?? remove.error;

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Anchor component={Link} to="/segments" size="sm">
            ← {t('segments.title')}
          </Anchor>
          <Title order={1} size="h3">
            {segment ? segment.name : t('segments.newTitle')}
          </Title>
          {segment ? (
            <Group gap={6}>
              <Badge variant="light" color={segment.kind === 'static' ? 'grape' : 'blue'}>
                {segment.kind === 'static' ? t('segments.kind.static') : t('segments.kind.dynamic')}
              </Badge>
              {segment.kind === 'static' && segment.frozenAt ? (
                <Text size="sm" c="dimmed">
                  {t('segments.frozenOn', { date: formatDateTime(segment.frozenAt, i18n.language), count: segment.memberCount ?? 0 })}
                </Text>
              ) : null}
            </Group>
          ) : null}
        </Stack>
        {segment && mayWrite ? (
          <Group gap="xs">
            <Button variant="light" color="grape" onClick={() => setConfirm('freeze')} disabled={dirty}>
              {segment.kind === 'static' ? t('segments.refreeze') : t('segments.freeze')}
            </Button>
            {segment.kind === 'static' ? (
              <Button variant="subtle" onClick={() => setConfirm('dynamic')}>
                {t('segments.makeDynamic')}
              </Button>
            ) : null}
            <Button variant="subtle" color="red" onClick={() => setConfirm('delete')}>
              {t('segments.delete')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {!mayWrite ? (
        <Alert color="gray" variant="light">
          {t('segments.readOnly')}
        </Alert>
      ) : null}
      {failure ? <FailureAlert error={failure} /> : null}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="segment-rule">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (mayWrite && dirty && name.trim() && problems.size === 0) save.mutate();
            }}
          >
            <Stack gap="sm">
              <TextInput label={t('segments.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} disabled={!mayWrite} />
              <Textarea label={t('segments.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={1} maxLength={2000} disabled={!mayWrite} />
              <Title order={2} size="h4" id="segment-rule">
                {t('segments.rule')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('segments.ruleHint')}
              </Text>
              <RuleBuilder root={root} onChange={setRoot} fields={fields} solutions={solutions} problems={problems} readOnly={!mayWrite} />
              {mayWrite ? (
                <Group gap="xs">
                  <Button type="submit" loading={save.isPending} disabled={!dirty || !name.trim() || problems.size > 0}>
                    {segment ? t('segments.save') : t('segments.create')}
                  </Button>
                  {segment && dirty ? (
                    <Text size="sm" c="dimmed">
                      {t('segments.unsaved')}
                    </Text>
                  ) : null}
                  {segment && dirty ? (
                    <Text size="xs" c="dimmed">
                      {t('segments.saveFirst')}
                    </Text>
                  ) : null}
                </Group>
              ) : null}
            </Stack>
          </form>
        </Paper>

        <Stack gap="md">
          <Paper withBorder p="md" component="section" aria-labelledby="segment-live">
            <Title order={2} size="h4" id="segment-live" mb={4}>
              {t('segments.preview')}
            </Title>
            <LiveCount ruleReady={ruleKey !== null} live={live} />
            {live.data ? <MemberTable preview={live.data} hint={t('segments.previewHint', { count: PREVIEW_SIZE })} /> : null}
          </Paper>
          {segment?.kind === 'static' ? (
            <Paper withBorder p="md" component="section" aria-labelledby="segment-frozen">
              <Title order={2} size="h4" id="segment-frozen" mb={4}>
                {t('segments.frozenMembers')}
              </Title>
              {frozen.isPending ? <Loading /> : null}
              {frozen.error ? <ErrorState error={frozen.error} onRetry={() => void frozen.refetch()} /> : null}
              {frozen.data ? (
                <>
                  <Text size="sm" fw={600}>
                    {t('segments.liveCount', { contacts: frozen.data.contacts, accounts: frozen.data.accounts })}
                  </Text>
                  <MemberTable preview={frozen.data} />
                </>
              ) : null}
            </Paper>
          ) : null}
        </Stack>
      </SimpleGrid>

      <ConfirmDialog
        opened={confirm === 'freeze'}
        title={t('segments.freezeTitle')}
        body={t('segments.freezeConfirm', { contacts: live.data?.contacts ?? '…' })}
        action={segment?.kind === 'static' ? t('segments.refreeze') : t('segments.freeze')}
        color="grape"
        loading={freeze.isPending}
        onConfirm={() => freeze.mutate()}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'dynamic'}
        title={t('segments.makeDynamic')}
        body={t('segments.makeDynamicConfirm')}
        action={t('segments.makeDynamic')}
        loading={makeDynamic.isPending}
        onConfirm={() => makeDynamic.mutate()}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'delete'}
        title={t('segments.deleteTitle')}
        body={t('segments.deleteConfirm', { name: segment?.name ?? '' })}
        action={t('segments.delete')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirm(null)}
      />
    </Stack>
  );
}

function LiveCount({ ruleReady, live }: { ruleReady: boolean; live: { data?: Preview; isFetching: boolean; error: unknown; refetch: () => unknown } }) {
  const { t } = useTranslation();
  let content: ReactNode;
  if (!ruleReady) content = <Text size="sm" c="orange">{t('segments.incomplete')}</Text>;
  else if (live.error) content = <ErrorState error={live.error} onRetry={() => void live.refetch()} />;
  else if (!live.data) content = <Text size="sm" c="dimmed">{t('segments.counting')}</Text>;
  else
    content = (
      <Group gap="xs">
        <Text size="lg" fw={700} data-testid="segment-live-count">
          {t('segments.liveCount', { contacts: live.data.contacts, accounts: live.data.accounts })}
        </Text>
        {live.isFetching ? (
          <Text size="xs" c="dimmed">
            {t('segments.counting')}
          </Text>
        ) : null}
      </Group>
    );
  return (
    <div role="status" aria-live="polite">
      {content}
    </div>
  );
}

function MemberTable({ preview, hint }: { preview: Preview; hint?: string }) {
  const { t } = useTranslation();
  if (preview.items.length === 0) return <Empty title={t('segments.previewEmpty')} />;
  return (
    <>
      {hint ? (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('segments.contact')}</Table.Th>
              <Table.Th>{t('segments.account')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.map((m) => (
              <Table.Tr key={m.contactId}>
                <Table.Td>
                  <Text size="sm">{m.fullName}</Text>
                  <Text size="xs" c="dimmed">
                    {[m.title, t(`division.${m.division}`), t(`seniority.${m.seniority}`)].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${m.accountId}`} size="sm">
                    {m.accountName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {m.city}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function ConfirmDialog(props: { opened: boolean; title: string; body: string; action: string; color?: string; loading: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack gap="md">
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={props.color} loading={props.loading} onClick={props.onConfirm} data-autofocus>
            {props.action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function FailureAlert({ error }: { error: Error }) {
  const { t } = useTranslation();
  const issues = error instanceof ApiError ? ((error.details.issues as { field: string; reason: string }[] | undefined) ?? []) : [];
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert">
      <Text size="sm">{error instanceof ApiError ? error.message : t('common.networkError')}</Text>
      {issues.map((i) => (
        <Text key={`${i.field}:${i.reason}`} size="xs">
          {i.field}: {i.reason}
        </Text>
      ))}
    </Alert>
  );
}
