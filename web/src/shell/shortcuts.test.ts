import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyLike } from './shortcuts';

const key = (overrides: Partial<KeyLike>): KeyLike => ({ key: 'x', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, typing: false, inDialog: false, ...overrides });

describe('keyboard shortcuts', () => {
  it('opens the palette with Ctrl-K or ⌘-K, even while typing', () => {
    expect(shortcutFor(key({ key: 'k', ctrlKey: true }))).toBe('palette');
    expect(shortcutFor(key({ key: 'K', metaKey: true, typing: true }))).toBe('palette');
    expect(shortcutFor(key({ key: 'k', ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('opens the quick log with L outside text fields and with Alt-L anywhere', () => {
    expect(shortcutFor(key({ key: 'l' }))).toBe('quickLog');
    expect(shortcutFor(key({ key: 'l', typing: true }))).toBeNull();
    expect(shortcutFor(key({ key: '¬', code: 'KeyL', altKey: true, typing: true }))).toBe('quickLog');
    expect(shortcutFor(key({ key: 'l', ctrlKey: true }))).toBeNull();
  });

  it('does not open the quick log over another dialog', () => {
    expect(shortcutFor(key({ key: 'l', inDialog: true }))).toBeNull();
  });

  it('knows which elements take text', () => {
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
