import { hash, verify } from '@node-rs/argon2';
import { monotonicUuidv7 } from '../shared/ids.js';

/** Side effects the services depend on, behind small interfaces so tests and the seeder can fix them. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** One outbound email. Consent is checked by the caller (channels service) before this is used. */
export interface OutboundEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends email. In production the SMTP settings of the admin screen build one (nodemailer, see
 * services/mail.ts); tests and the CLI may pass their own through Deps.mailer.
 */
export interface Mailer {
  send(message: OutboundEmail): Promise<{ messageId: string }>;
}

export const systemClock: Clock = { now: () => new Date() };

export const uuidIds: IdGenerator = { next: monotonicUuidv7() };

/** argon2id with OWASP's second recommended profile (19 MiB, 2 passes). */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  verify: async (digest, password) => {
    try {
      return await verify(digest, password);
    } catch {
      return false;
    }
  },
};
