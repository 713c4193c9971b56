import { Alert, Button, FileInput, Group, Modal, MultiSelect, NativeSelect, Progress, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions, stages, techProficiencies } from '../../../src/shared/vocabulary';
import { ApiError } from '../api/client';
import type { Stage } from '../api/types';
import { useSolutions } from '../lists/lookups';
import { contentApi, uploadContent, type ContentTagsInput, type Language, type Proficiency } from './contentApi';
import { checkUpload, maxUploadMb, uploadAccept } from './contentModel';

const emptyTags: ContentTagsInput = { solutionIds: [], proficiencies: [], divisions: [], stages: [] };

/** Solution, persona and stage tags; an empty list means "for everyone". */
function TagFields({ tags, onChange }: { tags: ContentTagsInput; onChange(next: ContentTagsInput): void }) {
  const { t } = useTranslation();
  const { solutions } = useSolutions();
  return (
    <>
      <MultiSelect
        label={t('content.fields.solutions')}
        description={t('content.fields.emptyMeansAll')}
        searchable
        clearable
        value={tags.solutionIds}
        onChange={(solutionIds) => onChange({ ...tags, solutionIds })}
        data={solutions.map((s) => ({ value: s.id, label: s.name }))}
        comboboxProps={{ withinPortal: true }}
      />
      <Group grow align="flex-start" wrap="wrap">
        <MultiSelect
          label={t('content.fields.proficiencies')}
          value={tags.proficiencies}
          onChange={(v) => onChange({ ...tags, proficiencies: v as Proficiency[] })}
          data={techProficiencies.map((p) => ({ value: p, label: t(`techProficiency.${p}`) }))}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('content.fields.divisions')}
          value={tags.divisions}
          onChange={(v) => onChange({ ...tags, divisions: v })}
          data={divisions.map((d) => ({ value: d, label: t(`division.${d}`) }))}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <MultiSelect
        label={t('content.fields.stages')}
        value={tags.stages}
        onChange={(v) => onChange({ ...tags, stages: v as Stage[] })}
        data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        comboboxProps={{ withinPortal: true }}
      />
    </>
  );
}

function LanguageField({ value, onChange }: { value: Language; onChange(next: Language): void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('content.fields.language')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as Language)}
      data={(['id', 'en'] as const).map((l) => ({ value: l, label: t(`content.language.${l}`) }))}
    />
  );
}

/** The first field the server named, shown under the form. */
function serverProblem(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const issue = (error.details.issues as { field: string; reason: string }[] | undefined)?.[0];
  return issue ? `${error.message} (${issue.field}: ${issue.reason})` : error.message;
}

export function UploadDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [language, setLanguage] = useState<Language>('id');
  const [tags, setTags] = useState<ContentTagsInput>(emptyTags);
  const [progress, setProgress] = useState<number | null>(null);
  const [touched, setTouched] = useState(false);
  const fileProblem = checkUpload(file);
  const titleProblem = title.trim() === '';

  const upload = useMutation({
    mutationFn: () => uploadContent({ file: file as File, title: title.trim(), description: description.trim(), language, ...tags }, setProgress),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['content'] });
      onClose();
    },
    onSettled: () => setProgress(null),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (fileProblem || titleProblem) return;
    upload.mutate();
  }

  return (
    <Modal opened onClose={upload.isPending ? () => undefined : onClose} title={t('content.upload.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FileInput
            label={t('content.upload.file')}
            description={t('content.upload.allowed', { mb: maxUploadMb })}
            placeholder={t('content.upload.choose')}
            accept={uploadAccept}
            required
            clearable
            value={file}
            onChange={(f) => {
              setFile(f);
              if (f && title.trim() === '') setTitle(f.name.replace(/\.[^.]+$/, ''));
            }}
            error={touched && fileProblem ? t(`content.upload.problem.${fileProblem}`, { mb: maxUploadMb }) : null}
          />
          <TextInput label={t('content.fields.title')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={touched && titleProblem ? t('content.fields.titleRequired') : null} />
          <Textarea label={t('content.fields.description')} autosize minRows={2} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <LanguageField value={language} onChange={setLanguage} />
          <TagFields tags={tags} onChange={setTags} />
          {progress !== null ? (
            <Stack gap={2}>
              <Progress value={Math.round(progress * 100)} aria-label={t('content.upload.progress')} />
              <Text size="xs" c="dimmed" aria-live="polite">
                {t('content.upload.sent', { percent: Math.round(progress * 100) })}
              </Text>
            </Stack>
          ) : null}
          {upload.error ? (
            <Alert color="red" role="alert">
              {serverProblem(upload.error, t('common.networkError'))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={upload.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={upload.isPending}>
              {t('content.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function LinkDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [language, setLanguage] = useState<Language>('id');
  const [tags, setTags] = useState<ContentTagsInput>(emptyTags);
  const [touched, setTouched] = useState(false);
  const urlProblem = !/^https?:\/\/\S+$/i.test(url.trim());
  const titleProblem = title.trim() === '';

  const create = useMutation({
    mutationFn: () => contentApi.createLink({ title: title.trim(), url: url.trim(), description: description.trim() || null, language, ...tags }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['content'] });
      onClose();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (urlProblem || titleProblem) return;
    create.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={t('content.link.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('content.fields.url')} required type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={touched && urlProblem ? t('content.link.urlInvalid') : null} data-autofocus />
          <TextInput label={t('content.fields.title')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={touched && titleProblem ? t('content.fields.titleRequired') : null} />
          <Textarea label={t('content.fields.description')} autosize minRows={2} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <LanguageField value={language} onChange={setLanguage} />
          <TagFields tags={tags} onChange={setTags} />
          {create.error ? (
            <Alert color="red" role="alert">
              {serverProblem(create.error, t('common.networkError'))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('content.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
