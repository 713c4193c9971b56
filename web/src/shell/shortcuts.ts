/**
 * The app's keyboard shortcuts: Ctrl/⌘-K opens the command palette anywhere; "L" (when not
 * typing) or Alt-L opens the quick log. A plain function of the key event, so it is tested
 * without a browser.
 */
export type Shortcut = 'palette' | 'quickLog';

export interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The event happened in a text field, select or editable element. */
  typing: boolean;
  /** A dialog is already open. */
  inDialog: boolean;
}

export function shortcutFor(event: KeyLike): Shortcut | null {
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key === 'k') return 'palette';
  if (event.inDialog) return null;
  // Alt-L types "¬" on a Mac keyboard, so the physical key is read too.
  if (event.altKey && !event.ctrlKey && !event.metaKey && (key === 'l' || event.code === 'KeyL')) return 'quickLog';
  if (!event.typing && !event.altKey && !event.ctrlKey && !event.metaKey && key === 'l') return 'quickLog';
  return null;
}

/** Whether a key event's target takes text, so a bare letter must not be a shortcut there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
