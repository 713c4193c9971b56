import { lazy, type ComponentType } from 'react';

/**
 * React.lazy that can start loading before it is first rendered, and that renders without
 * suspending once loaded. A plain lazy component always suspends on its first render, even when
 * its chunk is already in the cache; React then holds the reveal back (its fallback throttle,
 * ~300 ms), and queries inside it start only after that. Loading a screen's chunk while the
 * session is being checked, and rendering it directly, takes both waits off the first paint.
 */
export function lazyWithPreload<P extends object>(factory: () => Promise<{ default: ComponentType<P> }>, preloadWhen?: (pathname: string) => boolean) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<unknown> | null = null;
  const load = () =>
    (pending ??= factory().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = null; // a failed download can be tried again
        throw error;
      },
    ));
  const Lazy = lazy(() => load() as Promise<{ default: ComponentType<P> }>);
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  Preloadable.preload = load;
  if (preloadWhen) preloadFor(preloadWhen, load);
  return Preloadable;
}

/** Starts loading a screen's code now when the address is already that screen's (opening a link, reloading). */
export function preloadFor(matches: (pathname: string) => boolean, load: () => Promise<unknown>): void {
  if (typeof window !== 'undefined' && matches(window.location.pathname)) void load().catch(() => undefined);
}
