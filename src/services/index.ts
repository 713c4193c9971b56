import { accountsService } from './accounts.service.js';
import { adminService } from './admin.service.js';
import { authService } from './auth.service.js';
import { catalogueService } from './catalogue.service.js';
import type { Deps } from './context.js';
import { journeysService } from './journeys.service.js';
import { usersService } from './users.service.js';

/** Every use case, bound to one set of dependencies. Routes and CLI commands call these. */
export function createServices(deps: Deps) {
  return {
    accounts: accountsService(deps),
    admin: adminService(deps),
    auth: authService(deps),
    catalogue: catalogueService(deps),
    journeys: journeysService(deps),
    users: usersService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
