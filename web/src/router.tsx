import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A very small client-side router: the app has a handful of screens, and the server
 * already answers every non-API path with index.html.
 */
const CHANGE = 'difusi:navigate';

function subscribe(callback: () => void) {
  window.addEventListener('popstate', callback);
  window.addEventListener(CHANGE, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(CHANGE, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.search };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

export type Route =
  | { name: 'myDay' }
  | { name: 'pipeline' }
  | { name: 'journeys' }
  | { name: 'journey'; id: string }
  | { name: 'accounts' }
  | { name: 'account'; id: string }
  | { name: 'contacts' }
  | { name: 'activities' }
  | { name: 'tasks' }
  | { name: 'solutions' }
  | { name: 'solution'; id: string }
  | { name: 'principals' }
  | { name: 'principal'; id: string }
  | { name: 'settings' }
  | { name: 'analytics' }
  | { name: 'segments' }
  | { name: 'segment'; id: string | null }
  | { name: 'channelTemplates' }
  | { name: 'workload' }
  | { name: 'coaching' }
  | { name: 'pipelines' }
  | { name: 'automation' }
  | { name: 'contentLibrary' }
  | { name: 'playbookEditor' }
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'targeting' }
  | { name: 'telemarketing' }
  | { name: 'callList'; id: string }
  | { name: 'notFound' };

const lists = { '/': 'myDay', '/pipeline': 'pipeline', '/journeys': 'journeys', '/accounts': 'accounts', '/contacts': 'contacts', '/activities': 'activities', '/tasks': 'tasks', '/solutions': 'solutions', '/principals': 'principals', '/settings': 'settings' } as const;
const records = { journeys: 'journey', accounts: 'account', solutions: 'solution', principals: 'principal' } as const;

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (path in lists) return { name: lists[path as keyof typeof lists] };
  if (path === '/analytics') return { name: 'analytics' };
  if (path === '/channels/templates') return { name: 'channelTemplates' };
  const segment = path === '/segments' ? null : /^\/segments\/([^/]+)$/.exec(path);
  if (path === '/segments' || segment?.[1]) return segment?.[1] ? { name: 'segment', id: segment[1] === 'new' ? null : decodeURIComponent(segment[1]) } : { name: 'segments' };
  if (path === '/workload') return { name: 'workload' };
  if (path === '/coaching') return { name: 'coaching' };
  if (path === '/content') return { name: 'contentLibrary' };
  if (path === '/playbook') return { name: 'playbookEditor' };
  if (path === '/settings/pipelines') return { name: 'pipelines' };
  if (path === '/automation') return { name: 'automation' };
  if (path === '/campaigns') return { name: 'campaigns' };
  if (path === '/targeting') return { name: 'targeting' };
  if (path === '/telemarketing') return { name: 'telemarketing' };
  const marketing = /^\/(campaigns|telemarketing)\/([^/]+)$/.exec(path);
  if (marketing?.[1] && marketing[2]) return { name: marketing[1] === 'campaigns' ? 'campaign' : 'callList', id: decodeURIComponent(marketing[2]) };
  const record = /^\/(journeys|accounts|solutions|principals)\/([^/]+)$/.exec(path);
  if (record?.[1] && record[2]) return { name: records[record[1] as keyof typeof records], id: decodeURIComponent(record[2]) };
  return { name: 'notFound' };
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      {...rest}
      href={to}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}
