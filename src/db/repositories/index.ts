import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import type { Schema } from '../schema.js';
import { AccountsRepository } from './accounts.repository.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { ActivitiesRepository } from './activities.repository.js';
import { AuditRepository } from './audit.repository.js';
import { AuthRepository } from './auth.repository.js';
import { CatalogueRepository } from './catalogue.repository.js';
import { ContactsRepository } from './contacts.repository.js';
import { EventsRepository } from './events.repository.js';
import { JourneysRepository } from './journeys.repository.js';
import { MoneyRepository } from './money.repository.js';
import { PlaybookRepository } from './playbook.repository.js';
import { AssessmentsRepository } from './assessments.repository.js';
import { TasksRepository } from './tasks.repository.js';
import { UsersRepository } from './users.repository.js';

/** Every repository bound to one connection or transaction. */
export function repositories(db: Kysely<Schema>, dialect: DialectName) {
  return {
    accounts: new AccountsRepository(db),
    analytics: new AnalyticsRepository(db, dialect),
    activities: new ActivitiesRepository(db),
    audit: new AuditRepository(db),
    auth: new AuthRepository(db),
    catalogue: new CatalogueRepository(db),
    contacts: new ContactsRepository(db),
    events: new EventsRepository(db),
    journeys: new JourneysRepository(db),
    money: new MoneyRepository(db),
    playbook: new PlaybookRepository(db, dialect),
    assessments: new AssessmentsRepository(db),
    tasks: new TasksRepository(db),
    users: new UsersRepository(db, dialect),
  };
}

export type Repositories = ReturnType<typeof repositories>;
