import { accountsService } from './accounts.service.js';
import { analyticsService } from './analytics.service.js';
import { activitiesService } from './activities.service.js';
import { adminService } from './admin.service.js';
import { authService } from './auth.service.js';
import { catalogueService } from './catalogue.service.js';
import { contactsService } from './contacts.service.js';
import type { Deps } from './context.js';
import { journeysService } from './journeys.service.js';
import { playbookService } from './playbook.service.js';
import { assessmentsService } from './assessments.service.js';
import { tasksService } from './tasks.service.js';
import { searchService } from './search.service.js';
import { usersService } from './users.service.js';

/** Every use case, bound to one set of dependencies. Routes and CLI commands call these. */
export function createServices(deps: Deps) {
  return {
    accounts: accountsService(deps),
    analytics: analyticsService(deps),
    activities: activitiesService(deps),
    admin: adminService(deps),
    auth: authService(deps),
    catalogue: catalogueService(deps),
    contacts: contactsService(deps),
    journeys: journeysService(deps),
    playbook: playbookService(deps),
    assessments: assessmentsService(deps),
    tasks: tasksService(deps),
    search: searchService(deps),
    users: usersService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
