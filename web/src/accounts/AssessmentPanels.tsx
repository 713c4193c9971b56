import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { InventoryItem, Me, Risk } from '../api/types';
import { canWriteAssessment } from '../auth/permissions';
import { formatDate } from '../format/format';
import { Empty, ErrorState, Loading } from '../ui/States';
import {
  emptyInventory,
  emptyRisk,
  inventoryForm,
  itCategories,
  mitigationStatuses,
  previewScore,
  riskForm,
  scoreBand,
  sortRisks,
  validateInventory,
  validateRisk,
  type InventoryForm,
  type RiskForm,
} from './assessmentModel';
import classes from './Account.module.css';

const bandColor = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' } as const;
const scaleOptions = ['1', '2', '3', '4', '5'];

/** The account's IT-environment assessment: inventory and risks; everyone reads, admins and SAs edit. */
export function AssessmentPanels({ accountId, me }: { accountId: string; me: Me['user'] }) {
  const mayEdit = canWriteAssessment(me);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <RiskPanel accountId={accountId} mayEdit={mayEdit} />
      <InventoryPanel accountId={accountId} mayEdit={mayEdit} />
    </SimpleGrid>
  );
}

function Panel({ id, title, hint, action, children }: { id: string; title: string; hint: string; action: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

/** After a change: the lists, the recommendations and every gate checklist that may read them. */
function useRefresh(accountId: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['account', accountId, 'inventory'] }),
      client.invalidateQueries({ queryKey: ['account', accountId, 'risks'] }),
      client.invalidateQueries({ queryKey: ['account', accountId, 'recommendations'] }),
      client.invalidateQueries({ queryKey: ['gates'] }),
      client.invalidateQueries({ queryKey: ['nextBestActions'] }),
    ]);
  };
}

function errorText(error: unknown, t: (key: string) => string): { conflict: boolean; text: string } {
  if (error instanceof ApiError && error.status === 409) return { conflict: true, text: t('assessment.conflict') };
  return { conflict: false, text: error instanceof ApiError ? error.message : t('common.networkError') };
}

function MutationError({ error, onReload }: { error: unknown; onReload(): void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { conflict, text } = errorText(error, t);
  return (
    <Alert color={conflict ? 'orange' : 'red'} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {conflict ? (
          <Button size="xs" variant="light" color="orange" onClick={onReload}>
            {t('journey.reload')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

function ConfirmDelete({ what, opened, busy, error, onCancel, onConfirm, onReload }: { what: string; opened: boolean; busy: boolean; error: unknown; onCancel(): void; onConfirm(): void; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('assessment.deleteTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('assessment.deleteConfirm', { what })}</Text>
        <MutationError error={error} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {t('assessment.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RiskPanel({ accountId, mayEdit }: { accountId: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const risks = useQuery({ queryKey: ['account', accountId, 'risks'], queryFn: () => api.risks(accountId) });
  const refresh = useRefresh(accountId);
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Risk | null>(null);
  const remove = useMutation({
    mutationFn: (r: Risk) => api.deleteRisk(accountId, r.id, r.version),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const rows = sortRisks(risks.data?.items ?? []);
  return (
    <Panel
      id="risks-heading"
      title={t('assessment.risks')}
      hint={mayEdit ? t('assessment.risksHint') : t('assessment.readOnlyHint')}
      action={
        mayEdit ? (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
            {t('assessment.addRisk')}
          </Button>
        ) : null
      }
    >
      {risks.isPending ? <Loading /> : null}
      {risks.error ? <ErrorState error={risks.error} onRetry={() => void risks.refetch()} /> : null}
      {risks.isSuccess && rows.length === 0 ? <Empty title={t('assessment.noRisks')} hint={t('assessment.noRisksHint')} /> : null}
      {rows.length > 0 ? (
        <div className={classes.tableWrap}>
          <Table aria-label={t('assessment.risks')} miw={mayEdit ? 520 : 420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assessment.threat')}</Table.Th>
                <Table.Th scope="col">{t('assessment.score')}</Table.Th>
                <Table.Th scope="col">{t('assessment.status')}</Table.Th>
                {mayEdit ? (
                  <Table.Th scope="col">
                    <span className={classes.srOnly}>{t('assessment.actions')}</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm">{r.threat}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`itCategory.${r.category}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Badge color={bandColor[scoreBand(r.score)]} variant="light" aria-label={t('assessment.scoreLabel', { score: r.score, likelihood: r.likelihood, impact: r.impact })}>
                      {r.score}
                    </Badge>
                    <Text size="xs" c="dimmed" aria-hidden>
                      {r.likelihood}×{r.impact}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`mitigationStatus.${r.mitigationStatus}`)}</Text>
                  </Table.Td>
                  {mayEdit ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)} aria-label={t('assessment.editNamed', { what: r.threat })}>
                          {t('account.edit')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => { remove.reset(); setDeleting(r); }} aria-label={t('assessment.deleteNamed', { what: r.threat })}>
                          {t('assessment.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      {editing ? <RiskDialog accountId={accountId} risk={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
      <ConfirmDelete
        what={deleting?.threat ?? ''}
        opened={deleting !== null}
        busy={remove.isPending}
        error={remove.error}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onReload={() => {
          setDeleting(null);
          void refresh();
        }}
      />
    </Panel>
  );
}

function RiskDialog({ accountId, risk, onClose, onSaved }: { accountId: string; risk: Risk | null; onClose(): void; onSaved(): Promise<void> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RiskForm>(() => (risk ? riskForm(risk) : emptyRisk));
  const [errors, setErrors] = useState<Partial<Record<keyof RiskForm, string>>>({});
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof validateRisk> & { ok: true }) =>
      risk ? api.updateRisk(accountId, risk.id, { ...body.body, version: risk.version }) : api.createRisk(accountId, body.body),
    onSuccess: async () => {
      onClose();
      await onSaved();
    },
  });
  const set = <K extends keyof RiskForm>(key: K, value: RiskForm[K]) => setForm((old) => ({ ...old, [key]: value }));
  const err = (key: keyof RiskForm) => (errors[key] ? t(errors[key] ?? '') : undefined);
  const score = previewScore(form);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateRisk(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result);
  }

  return (
    <Modal opened onClose={onClose} title={risk ? t('assessment.editRisk') : t('assessment.addRisk')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate aria-label={risk ? t('assessment.editRisk') : t('assessment.addRisk')}>
        <Stack gap="xs">
          <MutationError
            error={save.error}
            onReload={() => {
              onClose();
              void onSaved();
            }}
          />
          <Textarea label={t('assessment.threat')} required autosize minRows={2} maxLength={500} value={form.threat} onChange={(e) => set('threat', e.currentTarget.value)} error={err('threat')} data-autofocus />
          <NativeSelect label={t('assessment.category')} value={form.category} onChange={(e) => set('category', e.currentTarget.value as RiskForm['category'])} data={itCategories.map((c) => ({ value: c, label: t(`itCategory.${c}`) }))} />
          <SimpleGrid cols={2} spacing="xs">
            <NativeSelect label={t('assessment.likelihood')} description={t('assessment.likelihoodHint')} value={form.likelihood} onChange={(e) => set('likelihood', e.currentTarget.value)} data={scaleOptions} error={err('likelihood')} />
            <NativeSelect label={t('assessment.impact')} description={t('assessment.impactHint')} value={form.impact} onChange={(e) => set('impact', e.currentTarget.value)} data={scaleOptions} error={err('impact')} />
          </SimpleGrid>
          {score !== null ? (
            <Text size="sm" aria-live="polite">
              {t('assessment.scorePreview', { score })}
            </Text>
          ) : null}
          <NativeSelect label={t('assessment.status')} value={form.mitigationStatus} onChange={(e) => set('mitigationStatus', e.currentTarget.value as RiskForm['mitigationStatus'])} data={mitigationStatuses.map((s) => ({ value: s, label: t(`mitigationStatus.${s}`) }))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function InventoryPanel({ accountId, mayEdit }: { accountId: string; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const inventory = useQuery({ queryKey: ['account', accountId, 'inventory'], queryFn: () => api.inventory(accountId) });
  const refresh = useRefresh(accountId);
  const [editing, setEditing] = useState<InventoryItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<InventoryItem | null>(null);
  const remove = useMutation({
    mutationFn: (item: InventoryItem) => api.deleteInventory(accountId, item.id, item.version),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const rows = inventory.data?.items ?? [];
  const name = (item: InventoryItem) => `${item.vendor} ${item.product}`;
  return (
    <Panel
      id="inventory-heading"
      title={t('assessment.inventory')}
      hint={mayEdit ? t('assessment.inventoryHint') : t('assessment.readOnlyHint')}
      action={
        mayEdit ? (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
            {t('assessment.addItem')}
          </Button>
        ) : null
      }
    >
      {inventory.isPending ? <Loading /> : null}
      {inventory.error ? <ErrorState error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      {inventory.isSuccess && rows.length === 0 ? <Empty title={t('assessment.noInventory')} hint={t('assessment.noInventoryHint')} /> : null}
      {rows.length > 0 ? (
        <div className={classes.tableWrap}>
          <Table aria-label={t('assessment.inventory')} miw={mayEdit ? 520 : 420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assessment.product')}</Table.Th>
                <Table.Th scope="col">{t('assessment.endOfLife')}</Table.Th>
                <Table.Th scope="col">{t('assessment.criticality')}</Table.Th>
                {mayEdit ? (
                  <Table.Th scope="col">
                    <span className={classes.srOnly}>{t('assessment.actions')}</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm">
                      {name(item)}
                      {item.productVersion ? ` ${item.productVersion}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`itCategory.${item.category}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>{item.endOfLife ? formatDate(item.endOfLife, i18n.language) : '—'}</Table.Td>
                  <Table.Td>{item.criticality}/5</Table.Td>
                  {mayEdit ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(item)} aria-label={t('assessment.editNamed', { what: name(item) })}>
                          {t('account.edit')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => { remove.reset(); setDeleting(item); }} aria-label={t('assessment.deleteNamed', { what: name(item) })}>
                          {t('assessment.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      {editing ? <InventoryDialog accountId={accountId} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
      <ConfirmDelete
        what={deleting ? name(deleting) : ''}
        opened={deleting !== null}
        busy={remove.isPending}
        error={remove.error}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onReload={() => {
          setDeleting(null);
          void refresh();
        }}
      />
    </Panel>
  );
}

function InventoryDialog({ accountId, item, onClose, onSaved }: { accountId: string; item: InventoryItem | null; onClose(): void; onSaved(): Promise<void> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<InventoryForm>(() => (item ? inventoryForm(item) : emptyInventory));
  const [errors, setErrors] = useState<Partial<Record<keyof InventoryForm, string>>>({});
  const save = useMutation({
    mutationFn: (result: ReturnType<typeof validateInventory> & { ok: true }) =>
      item ? api.updateInventory(accountId, item.id, { ...result.body, version: item.version }) : api.createInventory(accountId, result.body),
    onSuccess: async () => {
      onClose();
      await onSaved();
    },
  });
  const set = <K extends keyof InventoryForm>(key: K, value: InventoryForm[K]) => setForm((old) => ({ ...old, [key]: value }));
  const err = (key: keyof InventoryForm) => (errors[key] ? t(errors[key] ?? '') : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateInventory(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result);
  }

  return (
    <Modal opened onClose={onClose} title={item ? t('assessment.editItem') : t('assessment.addItem')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate aria-label={item ? t('assessment.editItem') : t('assessment.addItem')}>
        <Stack gap="xs">
          <MutationError
            error={save.error}
            onReload={() => {
              onClose();
              void onSaved();
            }}
          />
          <NativeSelect label={t('assessment.category')} value={form.category} onChange={(e) => set('category', e.currentTarget.value as InventoryForm['category'])} data={itCategories.map((c) => ({ value: c, label: t(`itCategory.${c}`) }))} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label={t('assessment.vendor')} required maxLength={150} value={form.vendor} onChange={(e) => set('vendor', e.currentTarget.value)} error={err('vendor')} data-autofocus />
            <TextInput label={t('assessment.product')} required maxLength={200} value={form.product} onChange={(e) => set('product', e.currentTarget.value)} error={err('product')} />
            <TextInput label={t('assessment.productVersion')} maxLength={100} value={form.productVersion} onChange={(e) => set('productVersion', e.currentTarget.value)} error={err('productVersion')} />
            <TextInput type="date" label={t('assessment.endOfLife')} value={form.endOfLife} onChange={(e) => set('endOfLife', e.currentTarget.value)} error={err('endOfLife')} />
          </SimpleGrid>
          <NativeSelect label={t('assessment.criticality')} description={t('assessment.criticalityHint')} value={form.criticality} onChange={(e) => set('criticality', e.currentTarget.value)} data={scaleOptions} error={err('criticality')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
