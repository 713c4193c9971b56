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

export type Route = { name: 'pipeline' } | { name: 'journeys' } | { name: 'journey'; id: string } | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/pipeline') return { name: 'pipeline' };
  if (pathname === '/journeys') return { name: 'journeys' };
  const journey = /^\/journeys\/([^/]+)$/.exec(pathname);
  if (journey?.[1]) return { name: 'journey', id: decodeURIComponent(journey[1]) };
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
