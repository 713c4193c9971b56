import type { Account } from '../shared/schemas/accounts.js';
import type { Contact } from '../shared/schemas/contacts.js';
import type { Journey } from '../shared/schemas/journeys.js';
import { notFound, read, type Deps } from './context.js';

/** Reads that span several records: global search and the account overview. */
export function searchService(deps: Deps) {
  return {
    /** The best few accounts, contacts and journeys matching `q`: the command palette's source. */
    async search(q: string, limit: number): Promise<{ accounts: Account[]; contacts: Contact[]; journeys: Journey[] }> {
      const repos = read(deps);
      const [accounts, contacts, journeys] = await Promise.all([
        repos.accounts.list({ q, limit, sort: 'name' }),
        repos.contacts.list({ q, limit, sort: 'fullName' }),
        repos.journeys.list({ q, limit, sort: '-updatedAt' }),
      ]);
      return { accounts: accounts.items, contacts: contacts.items, journeys: journeys.items };
    },

    /** An account with its contacts and journeys (the first page of each) in one read. */
    async accountOverview(id: string, limit: number) {
      const repos = read(deps);
      const account = await repos.accounts.findById(id);
      if (!account) throw notFound('account', id);
      const [contacts, journeys] = await Promise.all([
        repos.contacts.list({ accountId: id, limit, sort: 'fullName' }),
        repos.journeys.list({ accountId: id, limit, sort: '-updatedAt' }),
      ]);
      return { account, contacts, journeys };
    },
  };
}
