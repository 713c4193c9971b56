import type { Actor, Subject } from '../domain/policy.js';
import { normalizePhone } from '../domain/phone.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type { Account } from '../shared/schemas/accounts.js';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../shared/schemas/contacts.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

/**
 * A contact is written by whoever may write its account. A contact whose account was deleted
 * has no owner or team any more, so only an admin can still change it.
 */
export function contactSubject(account: Pick<Account, 'ownerId' | 'teamId'> | null): Subject {
  return { type: 'contact', account: { ownerId: account?.ownerId ?? null, teamId: account?.teamId ?? null } };
}

/** The number in E.164, or a 400 naming the field. */
function e164(value: string | null, field: string): string | null {
  if (value === null) return null;
  const result = normalizePhone(value);
  if (!result.ok) throw invalidField(field, result.reason);
  return result.e164;
}

export function contactsService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<Contact> {
    const contact = await repos.contacts.findById(id);
    if (!contact) throw notFound('contact', id);
    return contact;
  }

  async function liveAccount(repos: Repositories, id: string): Promise<Account> {
    const account = await repos.accounts.findById(id);
    if (!account) throw invalidField('body.accountId', 'is not an account');
    return account;
  }

  return {
    list: (query: ContactListQuery): Promise<Page<Contact>> => read(deps).contacts.list(query),

    get: (id: string): Promise<Contact> => load(read(deps), id),

    create(actor: Actor, input: ContactCreate): Promise<Contact> {
      const phone = e164(input.phone, 'body.phone');
      const whatsapp = e164(input.whatsapp, 'body.whatsapp');
      return transact(deps, async (repos) => {
        const account = await liveAccount(repos, input.accountId);
        authorize(actor, 'write', contactSubject(account));
        const contact = await repos.contacts.insert({ id: deps.ids.next(), ...input, phone, whatsapp }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'contact', contact.id, null, contact);
        return contact;
      });
    },

    update(actor: Actor, id: string, patch: ContactPatch): Promise<Contact> {
      const { version, ...changes } = patch;
      if (changes.phone !== undefined) changes.phone = e164(changes.phone, 'body.phone');
      if (changes.whatsapp !== undefined) changes.whatsapp = e164(changes.whatsapp, 'body.whatsapp');
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', contactSubject(await repos.accounts.findById(current.accountId)));
        if (version !== current.version) throw versionConflict('contact', id, current.version);

        const next: Contact = { ...current, ...changes };
        // Moving a contact to another account must be allowed on that account too.
        if (next.accountId !== current.accountId) authorize(actor, 'write', contactSubject(await liveAccount(repos, next.accountId)));

        const saved = await repos.contacts.update(next, version, nowIso(deps));
        if (!saved) throw versionConflict('contact', id, null);
        await audit(repos, deps, actor, 'update', 'contact', id, current, saved);
        return saved;
      });
    },

    remove(actor: Actor, id: string, version: number): Promise<void> {
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', contactSubject(await repos.accounts.findById(current.accountId)));
        if (version !== current.version) throw versionConflict('contact', id, current.version);
        if (!(await repos.contacts.softDelete(id, version, nowIso(deps)))) throw versionConflict('contact', id, null);
        await audit(repos, deps, actor, 'delete', 'contact', id, current, null);
      });
    },
  };
}
