import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Locale, Me } from '../api/types';
import { meKey, useSessionReset } from '../auth/session';
import { initials } from '../format/format';
import { applyLocale } from '../i18n';
import { Link, useLocation } from '../router';
import classes from './Shell.module.css';

/** Screens that exist today; My day and Accounts join the nav when they are built. */
const navItems = [
  { to: '/pipeline', label: 'nav.pipeline', match: (p: string) => p === '/' || p === '/pipeline' },
  { to: '/journeys', label: 'nav.journeys', match: (p: string) => p.startsWith('/journeys') },
] as const;

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className={classes.shell}>
      <a href="#main" className={classes.skip}>
        {t('shell.skipToContent')}
      </a>
      <header className={classes.header}>
        <Group gap="lg" wrap="nowrap" className={classes.left}>
          <Link to="/pipeline" className={classes.brand}>
            Difusi
          </Link>
          <nav aria-label={t('shell.mainNav')}>
            <ul className={classes.nav}>
              {navItems.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className={classes.navLink} aria-current={item.match(pathname) ? 'page' : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </Group>
        <UserMenu me={me} />
      </header>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        {children}
      </Box>
    </div>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const reset = useSessionReset();
  const saveLocale = useMutation({
    mutationFn: (locale: Locale) => api.updateMe({ locale, version: me.user.version }),
    onSuccess: async (user) => {
      client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, user } : old));
      await applyLocale(user.locale);
      // Lists carry server-made text (messages) in the old language: load them again.
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
  const signOut = useMutation({
    mutationFn: api.logout,
    onSettled: reset,
  });

  return (
    <Group gap="xs" wrap="nowrap">
      {saveLocale.error ? (
        <Text size="xs" c="red" role="alert">
          {saveLocale.error instanceof ApiError ? saveLocale.error.message : t('common.networkError')}
        </Text>
      ) : null}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton className={classes.userButton} title={t('shell.userMenu', { name: me.user.name })}>
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="teal" variant="filled" aria-hidden>
                {initials(me.user.name)}
              </Avatar>
              <Text size="sm" fw={500} className={classes.userName}>
                {me.user.name}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {me.user.email} · {t(`role.${me.user.role}`)}
          </Menu.Label>
          <Menu.Divider />
          <Menu.Label>{t('shell.language')}</Menu.Label>
          {(['id', 'en'] as const).map((locale) => (
            <Menu.Item
              key={locale}
              lang={locale}
              leftSection={<span aria-hidden>{i18n.language === locale ? '✓' : ''}</span>}
              onClick={() => saveLocale.mutate(locale)}
            >
              {locale === 'id' ? 'Bahasa Indonesia' : 'English'}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => signOut.mutate()}>
            {t('shell.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
