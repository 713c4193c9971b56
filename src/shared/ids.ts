import { randomBytes } from 'node:crypto';

/**
 * Time-ordered identifiers (UUIDv7, RFC 9562): sortable by creation, unique across servers.
 * `rand_a` carries a counter within one millisecond (RFC 9562 §6.2, method 1), so ids made by
 * one process sort in the order they were made even within the same millisecond.
 */
export function uuidv7(now: number = Date.now(), random: Uint8Array = randomBytes(10), counter?: number): string {
  const bytes = new Uint8Array(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  if (counter !== undefined) {
    bytes[6] = (counter >> 8) & 0x0f;
    bytes[7] = counter & 0xff;
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A generator of monotonic UUIDv7s: within a millisecond a 12-bit counter orders them. */
export function monotonicUuidv7(clock: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let now = clock();
    if (now <= lastMs) {
      counter += 1;
      if (counter > 0xfff) {
        lastMs += 1; // borrow the next millisecond rather than lose ordering
        counter = 0;
      }
      now = lastMs;
    } else {
      lastMs = now;
      counter = 0;
    }
    return uuidv7(now, randomBytes(10), counter);
  };
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
