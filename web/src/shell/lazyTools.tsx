import { lazy, Suspense, useEffect, type ComponentProps } from 'react';
import { loadQuickLogDialog } from '../quicklog/QuickLogProvider';

/**
 * The command palette and the quick log are not in the initial download: they load on first
 * use (button, L / Alt+L, Ctrl/⌘-K), when the pointer or focus reaches their buttons, or once
 * the browser has been idle for a while after the first screen, so the first open stays quick.
 */
const loadPalette = () => import('../palette/CommandPalette');
const LazyPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));

let prefetched = false;
/** Fetches both tools' code now (idempotent; a failed download is simply tried again on use). */
export function prefetchTools(): void {
  if (prefetched) return;
  prefetched = true;
  void loadPalette().catch(() => (prefetched = false));
  void loadQuickLogDialog().catch(() => (prefetched = false));
}

/** How long after the shell appears the tools are fetched when nothing else is going on. */
const IDLE_PREFETCH_DELAY_MS = 4000;

export function usePrefetchToolsWhenIdle(): void {
  useEffect(() => {
    const idle = (callback: () => void) => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(callback, { timeout: 2000 }) : window.setTimeout(callback, 0));
    const timer = window.setTimeout(() => idle(prefetchTools), IDLE_PREFETCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
}

/** The palette, mounted from its first opening on. */
export function CommandPalette(props: ComponentProps<typeof LazyPalette> & { used: boolean }) {
  const { used, ...rest } = props;
  if (!used) return null;
  return (
    <Suspense fallback={null}>
      <LazyPalette {...rest} />
    </Suspense>
  );
}
