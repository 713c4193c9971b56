import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupScreen } from './auth/SetupScreen';
import { SignInScreen } from './auth/SignInScreen';
import { useMe, useSetupStatus } from './auth/session';
import { applyLocale } from './i18n';
import { matchRoute, navigate, useLocation } from './router';
import { Shell } from './shell/Shell';
import { Empty, ErrorState, Loading } from './ui/States';

const PipelineBoard = lazy(() => import('./pipeline/PipelineBoard'));
const JourneyList = lazy(() => import('./journeys/JourneyList'));
const JourneyPage = lazy(() => import('./journeys/JourneyPage'));

/** Decides the screen: first-run setup, sign-in, or the app itself. */
export function App() {
  const setup = useSetupStatus();
  const me = useMe();
  const user = me.data?.user;

  useEffect(() => {
    if (user) void applyLocale(user.locale);
  }, [user]);

  if (setup.isPending || me.isPending) return <Loading />;
  if (setup.error) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (setup.data.needsSetup) return <SetupScreen />;
  if (!me.data) return <SignInScreen />;
  return (
    <Shell me={me.data}>
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    </Shell>
  );
}

function Screen() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  useEffect(() => {
    if (pathname === '/') navigate('/pipeline', { replace: true });
  }, [pathname]);
  useEffect(() => {
    const titles: Record<string, string> = { pipeline: t('nav.pipeline'), journeys: t('nav.journeys'), journey: t('journey.title'), notFound: t('common.notFound') };
    document.title = `${titles[route.name] ?? ''} · Difusi`;
  }, [route.name, t]);
  switch (route.name) {
    case 'pipeline':
      return <PipelineBoard />;
    case 'journeys':
      return <JourneyList />;
    case 'journey':
      return <JourneyPage id={route.id} />;
    case 'notFound':
      return <Empty title={t('common.notFound')} hint={t('common.notFoundHint')} />;
  }
}
