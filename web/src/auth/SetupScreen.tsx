import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Locale } from '../api/types';
import { hasErrors, MIN_PASSWORD, serverFieldErrors, validateSetup, type FieldErrors, type SetupInput } from './authModel';
import { useSessionReset } from './session';
import { AuthFrame } from './SignInScreen';

/** First run: the workspace has no administrator yet, so the first visitor creates one. */
export function SetupScreen() {
  const { t, i18n } = useTranslation();
  const reset = useSessionReset();
  const [input, setInput] = useState<SetupInput>({ name: '', email: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SetupInput>>({});
  const setup = useMutation({
    mutationFn: api.setup,
    onSuccess: reset,
    onError: (error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error, ['name', 'email', 'password'] as const));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSetup(input);
    setErrors(found);
    if (!hasErrors(found)) {
      setup.mutate({ name: input.name.trim(), email: input.email.trim(), password: input.password, locale: i18n.language as Locale });
    }
  }

  const field = (key: keyof SetupInput) => ({
    value: input[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setInput({ ...input, [key]: e.currentTarget.value }),
    error: errors[key] ? t(errors[key], { min: MIN_PASSWORD }) : undefined,
    required: true,
  });

  return (
    <AuthFrame title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
        <Stack>
          {setup.error ? (
            <Alert color="red" role="alert">
              {setup.error instanceof ApiError ? setup.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <TextInput label={t('fields.name')} autoComplete="name" {...field('name')} />
          <TextInput label={t('fields.email')} type="email" autoComplete="username" {...field('email')} />
          <PasswordInput label={t('fields.password')} description={t('setup.passwordHint', { min: MIN_PASSWORD })} autoComplete="new-password" {...field('password')} />
          <PasswordInput label={t('fields.confirmPassword')} autoComplete="new-password" {...field('confirm')} />
          <Button type="submit" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
