import { describe, expect, it } from 'vitest';
import { monotonicUuidv7, uuidPattern, uuidv7 } from './ids.js';

describe('UUIDv7 ids', () => {
  it('are version 7, variant 10, and carry their millisecond', () => {
    const id = uuidv7(Date.UTC(2026, 10, 28));
    expect(id).toMatch(uuidPattern);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 28));
  });

  it('sort in the order they were made, even within one millisecond or when the clock steps back', () => {
    const times = [1000, 1000, 1000, 999, 1001, 1001];
    const next = monotonicUuidv7(() => times.shift() ?? 2000);
    const ids = Array.from({ length: 6 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(6);
  });
});
