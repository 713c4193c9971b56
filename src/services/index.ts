import { accountsService } from './accounts.service.js';
import { analyticsService } from './analytics.service.js';
import { activitiesService } from './activities.service.js';
import { adminService } from './admin.service.js';
import { authService } from './auth.service.js';
import { catalogueService } from './catalogue.service.js';
import { channelsService } from './channels.service.js';
import { contactsService } from './contacts.service.js';
import type { Deps } from './context.js';
import { journeysService } from './journeys.service.js';
import { savedViewsService } from './saved-views.service.js';
import { playbookService } from './playbook.service.js';
import { assessmentsService } from './assessments.service.js';
import { contentService, playbookContentService, positioningService } from './content.service.js';
import { tasksService } from './tasks.service.js';
import { segmentsService } from './segments.service.js';
import { searchService } from './search.service.js';
import { usersService } from './users.service.js';
import { teamService } from './team.service.js';
import { coachingService } from './coaching.service.js';
import { automationService } from './automation.service.js';
import { surveysService } from './surveys.service.js';
import { campaignsService } from './campaigns.service.js';
import { targetingService } from './targeting.service.js';
import { telemarketingService } from './telemarketing.service.js';

/** Every use case, bound to one set of dependencies. Routes and CLI commands call these. */
export function createServices(deps: Deps) {
  return {
    accounts: accountsService(deps),
    analytics: analyticsService(deps),
    activities: activitiesService(deps),
    admin: adminService(deps),
    auth: authService(deps),
    catalogue: catalogueService(deps),
    channels: channelsService(deps),
    contacts: contactsService(deps),
    journeys: journeysService(deps),
    savedViews: savedViewsService(deps),
    playbook: playbookService(deps),
    assessments: assessmentsService(deps),
    content: contentService(deps),
    playbookContent: playbookContentService(deps),
    positioning: positioningService(deps),
    tasks: tasksService(deps),
    segments: segmentsService(deps),
    search: searchService(deps),
    users: usersService(deps),
    team: teamService(deps),
    coaching: coachingService(deps),
    automation: automationService(deps),
    surveys: surveysService(deps),
    campaigns: campaignsService(deps),
    targeting: targetingService(deps),
    telemarketing: telemarketingService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
