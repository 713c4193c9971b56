import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import type { Schema } from '../schema.js';
import { AccountsRepository } from './accounts.repository.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { ActivitiesRepository } from './activities.repository.js';
import { AuditRepository } from './audit.repository.js';
import { AuthRepository } from './auth.repository.js';
import { CatalogueRepository } from './catalogue.repository.js';
import { ChannelsRepository } from './channels.repository.js';
import { ContactsRepository } from './contacts.repository.js';
import { EventsRepository } from './events.repository.js';
import { JourneysRepository } from './journeys.repository.js';
import { SavedViewsRepository } from './saved-views.repository.js';
import { MoneyRepository } from './money.repository.js';
import { PlaybookRepository } from './playbook.repository.js';
import { AssessmentsRepository } from './assessments.repository.js';
import { ContentRepository } from './content.repository.js';
import { PlaybookContentRepository } from './playbookContent.repository.js';
import { PositioningRepository } from './positioning.repository.js';
import { TasksRepository } from './tasks.repository.js';
import { SegmentsRepository } from './segments.repository.js';
import { UsersRepository } from './users.repository.js';
import { TeamRepository } from './team.repository.js';
import { CoachingRepository } from './coaching.repository.js';
import { AutomationRepository } from './automation.repository.js';
import { SurveysRepository } from './surveys.repository.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { TargetingRepository } from './targeting.repository.js';
import { TelemarketingRepository } from './telemarketing.repository.js';

/** Every repository bound to one connection or transaction. */
export function repositories(db: Kysely<Schema>, dialect: DialectName) {
  return {
    accounts: new AccountsRepository(db),
    analytics: new AnalyticsRepository(db, dialect),
    activities: new ActivitiesRepository(db),
    audit: new AuditRepository(db),
    auth: new AuthRepository(db),
    catalogue: new CatalogueRepository(db),
    channels: new ChannelsRepository(db),
    contacts: new ContactsRepository(db),
    events: new EventsRepository(db),
    journeys: new JourneysRepository(db),
    savedViews: new SavedViewsRepository(db, dialect),
    money: new MoneyRepository(db),
    playbook: new PlaybookRepository(db, dialect),
    assessments: new AssessmentsRepository(db),
    content: new ContentRepository(db),
    playbookContent: new PlaybookContentRepository(db),
    positioning: new PositioningRepository(db),
    tasks: new TasksRepository(db),
    segments: new SegmentsRepository(db, dialect),
    users: new UsersRepository(db, dialect),
    team: new TeamRepository(db, dialect),
    coaching: new CoachingRepository(db, dialect),
    automation: new AutomationRepository(db, dialect),
    surveys: new SurveysRepository(db),
    campaigns: new CampaignsRepository(db, dialect),
    targeting: new TargetingRepository(db, dialect),
    telemarketing: new TelemarketingRepository(db, dialect),
  };
}

export type Repositories = ReturnType<typeof repositories>;
