import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupScreen } from './auth/SetupScreen';
import { SignInScreen } from './auth/SignInScreen';
import { useMe, useSetupStatus } from './auth/session';
import { applyLocale } from './i18n';
import type { Me } from './api/types';
import { matchRoute, useLocation, type Route } from './router';
import { Shell } from './shell/Shell';
import { lazyWithPreload } from './shell/lazyWithPreload';
import { setDisplayTimeZone } from './format/format';
import { Empty, ErrorState, Loading } from './ui/States';

const PipelineBoard = lazyWithPreload(() => import('./pipeline/PipelineBoard'), (path) => path === '/pipeline');
const JourneyList = lazy(() => import('./journeys/JourneyList'));
const JourneyPage = lazy(() => import('./journeys/JourneyPage'));
const MyDay = lazy(() => import('./myday/MyDay'));
const AccountList = lazy(() => import('./accounts/AccountList'));
const AccountPage = lazy(() => import('./accounts/AccountPage'));
const ContactList = lazy(() => import('./contacts/ContactList'));
const ActivityList = lazy(() => import('./activities/ActivityList'));
const TaskList = lazy(() => import('./tasks/TaskList'));
const SolutionList = lazy(() => import('./catalogue/SolutionList'));
const SolutionPage = lazy(() => import('./catalogue/SolutionPage'));
const PrincipalList = lazy(() => import('./catalogue/PrincipalList'));
const PrincipalPage = lazy(() => import('./catalogue/PrincipalPage'));
const SettingsPage = lazy(() => import('./settings/SettingsPage'));
const WorkloadPage = lazy(() => import('./workload/WorkloadPage'));
const CoachingPage = lazy(() => import('./coaching/CoachingPage'));
const PipelinesPage = lazy(() => import('./pipelines/PipelinesPage'));
const SegmentList = lazy(() => import('./segments/SegmentList'));
const SegmentPage = lazy(() => import('./segments/SegmentPage'));
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage'));
const ChannelTemplates = lazy(() => import('./channels/Templates'));
const ContentLibrary = lazy(() => import('./content/ContentLibrary'));
const PlaybookEditor = lazy(() => import('./playbook-content/PlaybookEditor'));
const AutomationPage = lazy(() => import('./automation/AutomationPage'));
const CampaignList = lazy(() => import('./campaigns/CampaignList'));
const CampaignPage = lazy(() => import('./campaigns/CampaignPage'));
const TargetingMatrix = lazy(() => import('./targeting/TargetingMatrix'));
const CallLists = lazy(() => import('./telemarketing/CallLists'));
const CallListPage = lazy(() => import('./telemarketing/CallListPage'));
const SurveyPage = lazy(() => import('./surveys/SurveyPage'));

/** Decides the screen: first-run setup, sign-in, or the app itself. */
export function App() {
  const setup = useSetupStatus();
  const me = useMe();
  const user = me.data?.user;
  setDisplayTimeZone(user?.timeZone); // dates everywhere in the profile's zone (DESIGN.md §8)

  useEffect(() => {
    if (user) void applyLocale(user.locale);
  }, [user]);

  const surveyToken = /^\/survey\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
  if (surveyToken) return <Suspense fallback={<Loading />}><SurveyPage token={decodeURIComponent(surveyToken)} /></Suspense>;
  if (setup.isPending || me.isPending) return <Loading />;
  if (setup.error) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (setup.data.needsSetup) return <SetupScreen />;
  if (!me.data) return <SignInScreen />;
  return (
    <Shell me={me.data}>
      <Suspense fallback={<Loading />}>
        <Screen me={me.data} />
      </Suspense>
    </Shell>
  );
}

function Screen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  useEffect(() => {
    const titles: Record<Route['name'], string> = {
      myDay: t('nav.myDay'),
      pipeline: t('nav.pipeline'),
      journeys: t('nav.journeys'),
      journey: t('journey.title'),
      accounts: t('nav.accounts'),
      account: t('account.title'),
      contacts: t('nav.contacts'),
      activities: t('nav.activities'),
      tasks: t('nav.tasks'),
      solutions: t('catalogue.solutions'),
      solution: t('catalogue.solution'),
      principals: t('catalogue.principals'),
      principal: t('catalogue.principal'),
      settings: t('nav.settings'),
      analytics: t('nav.analytics'),
      segments: t('segments.title'),
      segment: t('segments.title'),
      channelTemplates: t('channels.templates.title'),
      workload: t('workload.title'),
      coaching: t('coaching.title'),
      contentLibrary: t('content.title'),
      playbookEditor: t('playbookContent.title'),
      pipelines: t('pipelines.title'),
      automation: t('automation.title'),
      campaigns: t('campaigns.title'),
      campaign: t('campaigns.title'),
      targeting: t('targeting.title'),
      telemarketing: t('telemarketing.title'),
      callList: t('telemarketing.title'),
      notFound: t('common.notFound'),
    };
    document.title = `${titles[route.name]} · Difusi`;
  }, [route.name, t]);
  switch (route.name) {
    case 'myDay':
      return <MyDay me={me.user} />;
    case 'pipeline':
      return <PipelineBoard />;
    case 'journeys':
      return <JourneyList />;
    case 'journey':
      return <JourneyPage id={route.id} />;
    case 'accounts':
      return <AccountList />;
    case 'account':
      return <AccountPage id={route.id} me={me.user} />;
    case 'contacts':
      return <ContactList />;
    case 'activities':
      return <ActivityList />;
    case 'tasks':
      return <TaskList />;
    case 'solutions':
      return <SolutionList me={me.user} />;
    case 'solution':
      return <SolutionPage id={route.id} me={me.user} />;
    case 'principals':
      return <PrincipalList me={me.user} />;
    case 'principal':
      return <PrincipalPage id={route.id} me={me.user} />;
    case 'settings':
      return <SettingsPage me={me.user} />;
    case 'analytics':
      return <AnalyticsPage me={me.user} />;
    case 'segments':
      return <SegmentList me={me.user} />;
    case 'segment':
      return <SegmentPage key={route.id ?? 'new'} id={route.id} me={me.user} />;
    case 'channelTemplates':
      return <ChannelTemplates me={me.user} />;
    case 'workload':
      return <WorkloadPage me={me.user} />;
    case 'coaching':
      return <CoachingPage me={me.user} />;
    case 'contentLibrary':
      return <ContentLibrary me={me.user} />;
    case 'playbookEditor':
      return <PlaybookEditor me={me.user} />;
    case 'pipelines':
      return <PipelinesPage me={me.user} />;
    case 'automation':
      return <AutomationPage me={me.user} />;
    case 'campaigns':
      return <CampaignList me={me.user} />;
    case 'campaign':
      return <CampaignPage key={route.id} id={route.id} me={me.user} />;
    case 'targeting':
      return <TargetingMatrix me={me.user} />;
    case 'telemarketing':
      return <CallLists me={me.user} />;
    case 'callList':
      return <CallListPage key={route.id} id={route.id} me={me.user} />;
    case 'notFound':
      return <Empty title={t('common.notFound')} hint={t('common.notFoundHint')} />;
  }
}
