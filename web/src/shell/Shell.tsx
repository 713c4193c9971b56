import { Avatar, Box, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';
import { canLogActivity } from '../auth/permissions';
import { useSessionReset } from '../auth/session';
import { initials } from '../format/format';
import type { PaletteCommand } from '../palette/CommandPalette';
import { CommandPalette, prefetchTools, usePrefetchToolsWhenIdle } from './lazyTools';
import { QuickLogProvider, useQuickLog } from '../quicklog/QuickLogProvider';
import { Link, matchRoute, navigate, useLocation } from '../router';
import classes from './Shell.module.css';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { useSaveLocale } from './useSaveLocale';

const navItems = [
  { to: '/', label: 'nav.myDay', match: (p: string) => p === '/' },
  { to: '/pipeline', label: 'nav.pipeline', match: (p: string) => p === '/pipeline' },
  { to: '/journeys', label: 'nav.journeys', match: (p: string) => p.startsWith('/journeys') },
  { to: '/accounts', label: 'nav.accounts', match: (p: string) => p.startsWith('/accounts') },
  { to: '/contacts', label: 'nav.contacts', match: (p: string) => p.startsWith('/contacts') },
  { to: '/activities', label: 'nav.activities', match: (p: string) => p.startsWith('/activities') },
  { to: '/tasks', label: 'nav.tasks', match: (p: string) => p.startsWith('/tasks') },
  { to: '/solutions', label: 'nav.catalogue', match: (p: string) => p.startsWith('/solutions') || p.startsWith('/principals') },
] as const;

interface NavEntry {
  to: string;
  label: string;
  match: (pathname: string) => boolean;
  /** Hidden from users the server would refuse anyway. */
  visible?: (me: Me) => boolean;
}

/**
 * The two menus after the main links: marketing (STP, campaigns, content, automation) and
 * insight (analytics, coaching, workload). A feature adds its screen here; an empty menu is not shown.
 */
const menus: { label: string; items: NavEntry[] }[] = [
  { label: 'nav.marketing', items: [{ to: '/segments', label: 'segments.nav', match: (p: string) => p.startsWith('/segments') }, { to: '/targeting', label: 'targeting.nav', match: (p: string) => p === '/targeting' }, { to: '/campaigns', label: 'campaigns.nav', match: (p: string) => p.startsWith('/campaigns') }, { to: '/telemarketing', label: 'telemarketing.nav', match: (p: string) => p.startsWith('/telemarketing') }, { to: '/channels/templates', label: 'channels.templates.nav', match: (p: string) => p === '/channels/templates' }, { to: '/content', label: 'content.nav', match: (p: string) => p === '/content' }, { to: '/playbook', label: 'playbookContent.nav', match: (p: string) => p === '/playbook' }, { to: '/automation', label: 'automation.nav', match: (p: string) => p === '/automation' }] },
  { label: 'nav.insight', items: [{ to: '/analytics', label: 'nav.analytics', match: (p: string) => p === '/analytics' }, { to: '/workload', label: 'workload.nav', match: (p: string) => p === '/workload', visible: (me) => ['admin', 'sales_manager', 'solution_architect'].includes(me.user.role) }, { to: '/coaching', label: 'coaching.nav', match: (p: string) => p === '/coaching', visible: (me) => me.user.role === 'admin' || me.user.role === 'sales_manager' }] },
  { label: 'pipelines.menu', items: [{ to: '/settings/pipelines', label: 'pipelines.nav', match: (p: string) => p === '/settings/pipelines', visible: (me) => me.user.role === 'admin' }] },
];

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <QuickLogProvider>
      <ShellFrame me={me}>{children}</ShellFrame>
    </QuickLogProvider>
  );
}

function ShellFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const client = useQueryClient();
  const quickLog = useQuickLog();
  const saveLocale = useSaveLocale();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteUsed, setPaletteUsed] = useState(false);
  if (paletteOpen && !paletteUsed) setPaletteUsed(true);
  usePrefetchToolsWhenIdle();
  const mayLog = canLogActivity(me.user);

  /** On an account's page the quick log starts with that account. */
  const openQuickLog = useCallback(() => {
    const route = matchRoute(window.location.pathname);
    const overview = route.name === 'account' ? client.getQueryData<{ account: { id: string; name: string } }>(['account', route.id, 'overview']) : undefined;
    quickLog.open(overview ? { id: overview.account.id, name: overview.account.name } : null);
  }, [client, quickLog]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const shortcut = shortcutFor({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        typing: isTypingTarget(event.target),
        inDialog: document.querySelector('[role="dialog"]') !== null,
      });
      if (shortcut === 'palette') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      } else if (shortcut === 'quickLog' && mayLog) {
        event.preventDefault();
        openQuickLog();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [mayLog, openQuickLog]);

  const commands: PaletteCommand[] = [
    ...navItems.map((item) => ({ id: item.to, label: t('palette.goTo', { place: t(item.label) }), keywords: item.to, run: () => navigate(item.to) })),
    ...menus
      .flatMap((menu) => menu.items)
      .filter((item) => item.visible?.(me) ?? true)
      .map((item) => ({ id: item.to, label: t('palette.goTo', { place: t(item.label) }), keywords: item.to, run: () => navigate(item.to) })),
    { id: 'principals', label: t('palette.goTo', { place: t('catalogue.principals') }), keywords: 'principal vendor', run: () => navigate('/principals') },
    { id: 'settings', label: t('palette.goTo', { place: t('nav.settings') }), keywords: 'settings pengaturan', run: () => navigate('/settings') },
    ...(mayLog ? [{ id: 'log', label: t('quickLog.title'), keywords: 'log activity catat aktivitas', run: openQuickLog }] : []),
    {
      id: 'language',
      label: i18n.language === 'en' ? 'Ganti ke Bahasa Indonesia' : 'Switch to English',
      keywords: 'language bahasa',
      run: () => saveLocale.mutate(i18n.language === 'en' ? 'id' : 'en'),
    },
  ];

  return (
    <div className={classes.shell}>
      <a href="#main" className={classes.skip}>
        {t('shell.skipToContent')}
      </a>
      <header className={classes.header}>
        <Link to="/" className={classes.brand}>
          Difusi
        </Link>
        <nav aria-label={t('shell.mainNav')} className={classes.navWrap}>
          <ul className={classes.nav}>
            {navItems.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className={classes.navLink} aria-current={item.match(pathname) ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
            {menus.map((menu) => {
              const items = menu.items.filter((item) => item.visible?.(me) ?? true);
              if (items.length === 0) return null;
              const current = items.some((item) => item.match(pathname));
              return (
                <li key={menu.label}>
                  <Menu position="bottom-start" withinPortal>
                    <Menu.Target>
                      <UnstyledButton className={classes.navLink} aria-current={current ? 'page' : undefined}>
                        {t(menu.label)} ▾
                      </UnstyledButton>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {items.map((item) => (
                        <Menu.Item key={item.to} component={Link} to={item.to}>
                          {t(item.label)}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                </li>
              );
            })}
          </ul>
        </nav>
        <Group gap={6} wrap="nowrap" className={classes.tools}>
          <Button variant="default" size="compact-sm" onClick={() => setPaletteOpen(true)} onPointerEnter={prefetchTools} onFocus={prefetchTools} aria-keyshortcuts="Control+K Meta+K" title={t('shell.searchHint')}>
            {t('shell.search')}
          </Button>
          {mayLog ? (
            <Button size="compact-sm" onClick={openQuickLog} onPointerEnter={prefetchTools} onFocus={prefetchTools} aria-keyshortcuts="L Alt+L" title={t('shell.quickLogHint')}>
              {t('shell.quickLog')}
            </Button>
          ) : null}
          <UserMenu me={me} />
        </Group>
      </header>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        {children}
      </Box>
      <CommandPalette used={paletteUsed} opened={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} />
    </div>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const reset = useSessionReset();
  const saveLocale = useSaveLocale();
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
          <Menu.Item component={Link} to="/settings">
            {t('nav.settings')}
          </Menu.Item>
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
