import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { applyLocale } from '../i18n';
import { hasErrors, serverFieldErrors, validateSignIn, type FieldErrors, type SignInInput } from './authModel';
import { LanguagePicker } from './LanguagePicker';
import { useSessionReset } from './session';

export function SignInScreen() {
  const { t } = useTranslation();
  const reset = useSessionReset();
  const [input, setInput] = useState<SignInInput>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SignInInput>>({});
  const signIn = useMutation({
    mutationFn: api.login,
    onSuccess: async ({ user }) => {
      await applyLocale(user.locale);
      await reset();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error, ['email', 'password'] as const));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignIn(input);
    setErrors(found);
    if (!hasErrors(found)) signIn.mutate({ email: input.email.trim(), password: input.password });
  }

  return (
    <AuthFrame title={t('signIn.title')} intro={t('signIn.intro')}>
      <form onSubmit={submit} noValidate aria-label={t('signIn.title')}>
        <Stack>
          {signIn.error ? (
            <Alert color="red" role="alert">
              {signIn.error instanceof ApiError ? signIn.error.message : t('common.networkError')}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            value={input.email}
            onChange={(e) => setInput({ ...input, email: e.currentTarget.value })}
            error={errors.email ? t(errors.email) : undefined}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            value={input.password}
            onChange={(e) => setInput({ ...input, password: e.currentTarget.value })}
            error={errors.password ? t(errors.password) : undefined}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

export function AuthFrame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420} gap="md">
        <Stack gap={2} align="center">
          <Text fw={800} fz={28} c="teal.8">
            Difusi
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Stack gap="md">
            <Title order={1} size="h3">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
            {children}
          </Stack>
        </Paper>
        <Center>
          <LanguagePicker />
        </Center>
      </Stack>
    </Center>
  );
}
