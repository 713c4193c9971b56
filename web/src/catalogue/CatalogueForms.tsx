import { Alert, Button, Group, Modal, MultiSelect, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { solutionCategories } from '../../../src/shared/vocabulary';
import { api, ApiError } from '../api/client';
import type { Principal, Solution } from '../api/types';
import { Link } from '../router';
import { principalForm, solutionForm, validatePrincipal, validateSolution, type PrincipalForm, type SolutionForm } from './catalogueModel';

/** Solutions | Principals, the catalogue's two lists. */
export function CatalogueTabs({ current }: { current: 'solutions' | 'principals' }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('catalogue.title')}>
      <Group gap="xs" mb="sm">
        {(['solutions', 'principals'] as const).map((tab) => (
          <Button key={tab} component={Link} to={`/${tab}`} size="compact-sm" variant={tab === current ? 'filled' : 'default'} aria-current={tab === current ? 'page' : undefined}>
            {t(`catalogue.${tab}`)}
          </Button>
        ))}
      </Group>
    </nav>
  );
}

function ServerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <Alert color={conflict ? 'orange' : 'red'} role="alert">
      {conflict ? t('catalogue.conflict') : error instanceof ApiError ? error.message : t('common.networkError')}
    </Alert>
  );
}

/** Creates a solution (solution = undefined) or edits one with the version that was read. */
export function SolutionEditor({ solution, onDone, onCancel }: { solution?: Solution; onDone(s: Solution): void; onCancel(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const principals = useQuery({ queryKey: ['principals', 'all'], queryFn: () => api.principals() });
  const [form, setForm] = useState<SolutionForm>(() => solutionForm(solution));
  const [errors, setErrors] = useState<Partial<Record<keyof SolutionForm, string>>>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof api.createSolution>[0]) => (solution ? api.updateSolution(solution.id, { ...body, version: solution.version }) : api.createSolution(body)),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['solutions'] });
      await client.invalidateQueries({ queryKey: ['solution', saved.id] });
      onDone(saved);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateSolution(form);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(result.body);
  }
  const err = (key: keyof SolutionForm) => (errors[key] ? t(errors[key] ?? '') : undefined);
  return (
    <form onSubmit={submit} noValidate aria-label={solution ? t('catalogue.editSolution') : t('catalogue.newSolution')}>
      <Stack gap="sm">
        <ServerError error={save.error} />
        <TextInput label={t('fields.recordName')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={err('name')} data-autofocus />
        <NativeSelect
          label={t('fields.category')}
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.currentTarget.value as SolutionForm['category'] })}
          data={solutionCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <MultiSelect
          label={t('catalogue.principals')}
          value={form.principalIds}
          onChange={(ids) => setForm({ ...form, principalIds: ids })}
          data={(principals.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={t('fields.launchDate')} type="date" value={form.launchDate} onChange={(e) => setForm({ ...form, launchDate: e.currentTarget.value })} error={err('launchDate')} />
        <Textarea label={t('fields.description')} autosize minRows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={err('description')} />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PrincipalEditor({ principal, onDone, onCancel }: { principal?: Principal; onDone(p: Principal): void; onCancel(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<PrincipalForm>(() => principalForm(principal));
  const [errors, setErrors] = useState<Partial<Record<keyof PrincipalForm, string>>>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof api.createPrincipal>[0]) => (principal ? api.updatePrincipal(principal.id, { ...body, version: principal.version }) : api.createPrincipal(body)),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['principals'] });
      await client.invalidateQueries({ queryKey: ['principal', saved.id] });
      onDone(saved);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validatePrincipal(form);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(result.body);
  }
  const err = (key: keyof PrincipalForm) => (errors[key] ? t(errors[key] ?? '') : undefined);
  return (
    <form onSubmit={submit} noValidate aria-label={principal ? t('catalogue.editPrincipal') : t('catalogue.newPrincipal')}>
      <Stack gap="sm">
        <ServerError error={save.error} />
        <TextInput label={t('fields.recordName')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={err('name')} data-autofocus />
        <TextInput label={t('fields.website')} type="url" placeholder="https://" value={form.website} onChange={(e) => setForm({ ...form, website: e.currentTarget.value })} error={err('website')} />
        <TextInput label={t('fields.country')} value={form.country} onChange={(e) => setForm({ ...form, country: e.currentTarget.value })} />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A create form in a dialog (full screen on a phone). */
export function CreateDialog({ opened, title, onClose, children }: { opened: boolean; title: string; onClose(): void; children: React.ReactNode }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 600px)');
  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={title} fullScreen={!!phone} size="lg">
      {children}
    </Modal>
  );
}
