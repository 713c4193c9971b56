import type { ColumnType } from 'kysely';

/**
 * The database as Kysely sees it. Values are as they come off either driver after the
 * normalisation in database.ts: timestamps and dates are strings; booleans may be 0/1
 * (SQLite) or true/false (PostgreSQL); JSON may be text (SQLite) or parsed (PostgreSQL).
 * Repositories turn rows into domain values with the helpers in dialect.ts.
 */
type Bool = ColumnType<boolean | number, boolean | number, boolean | number>;
type Json = ColumnType<unknown, string, string>;
type Timestamp = string;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  team_id: string | null;
  locale: string;
  time_zone: string;
  active: Bool;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: string;
  name: string;
  manager_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string; // sha-256 of the cookie token
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface PrincipalsTable {
  id: string;
  name: string;
  website: string | null;
  country: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface SolutionsTable {
  id: string;
  name: string;
  category: string;
  description: string | null;
  launch_date: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface SolutionPrincipalsTable {
  solution_id: string;
  principal_id: string;
}

export interface AccountsTable {
  id: string;
  name: string;
  industry: string;
  size_band: string;
  tier: string;
  city: string;
  province: string;
  region: string;
  relationship: string;
  owner_id: string | null;
  team_id: string | null;
  website: string | null;
  phone: string | null;
  search_text: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface ContactsTable {
  id: string;
  account_id: string;
  full_name: string;
  title: string | null;
  division: string;
  seniority: string;
  age_band: string | null;
  tech_proficiency: string;
  influence: string;
  openness: string;
  email: string | null;
  phone: string | null;
  whatsapp: string | null;
  linkedin: string | null;
  channels: Json;
  consents: Json;
  search_text: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface JourneysTable {
  id: string;
  account_id: string;
  solution_id: string;
  owner_id: string | null;
  sa_id: string | null;
  marcomm_id: string | null;
  value_minor: number;
  currency: string;
  expected_decision_date: string | null;
  principal_involvement: string | null;
  stage: string;
  outcome: string;
  outcome_reason: string | null;
  stage_entered_at: Timestamp;
  last_activity_at: Timestamp | null;
  search_text: string;
  /** Null: the pipeline of the solution's line, else the default one (0002_playbook). */
  pipeline_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface JourneyStageHistoryTable {
  id: string;
  journey_id: string;
  seq: number;
  kind: string;
  from_stage: string | null;
  to_stage: string;
  outcome: string;
  rogers_stage: string;
  aidas_steps: string;
  reason: string | null;
  note: string | null;
  actor_id: string | null;
  at: Timestamp;
  // 0002_playbook: the override that let a move past unmet gates, and the pipeline in force.
  override_reason: ColumnType<string | null, string | null | undefined, never>;
  unmet_gates: ColumnType<unknown, string | null | undefined, never>;
  pipeline_id: ColumnType<string | null, string | null | undefined, never>;
  pipeline_version: ColumnType<number | null, number | null | undefined, never>;
}

export interface ActivitiesTable {
  id: string;
  type: string;
  subject: string;
  notes: string | null;
  occurred_at: Timestamp;
  account_id: string;
  journey_id: string | null;
  outcome: string | null;
  next_step: string | null;
  created_by: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface ActivityParticipantsTable {
  activity_id: string;
  participant_type: string; // 'user' | 'contact'
  participant_id: string;
}

export interface TasksTable {
  id: string;
  title: string;
  notes: string | null;
  assignee_id: string | null;
  due_at: Timestamp | null;
  status: string;
  related_type: string | null;
  related_id: string | null;
  account_id: string | null;
  source: string;
  created_by: string | null;
  completed_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface ExchangeRatesTable {
  currency: string;
  valid_from: string;
  rate: number;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  before: Json | null;
  after: Json | null;
}

// The selling playbook (0002_playbook).

export interface PipelinesTable {
  id: string;
  name: string;
  is_default: Bool;
  solution_category: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PipelineStagesTable {
  pipeline_id: string;
  stage: string;
  position: number;
  aidas_steps: Json;
  gates: Json;
}

export interface JourneyGateTicksTable {
  id: string;
  journey_id: string;
  gate_id: string;
  note: string;
  ticked_by: string | null;
  at: Timestamp;
}

export interface ItInventoryItemsTable {
  id: string;
  account_id: string;
  category: string;
  vendor: string;
  product: string;
  product_version: string | null;
  end_of_life: string | null;
  criticality: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface ItRisksTable {
  id: string;
  account_id: string;
  threat: string;
  category: string;
  likelihood: number;
  impact: number;
  mitigation_status: string;
  owner_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface RiskSolutionMapTable {
  risk_category: string;
  solution_category: string;
}

export interface DomainEventsTable {
  id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  payload: Json;
  actor_id: string | null;
  occurred_at: Timestamp;
  processed_at: Timestamp | null;
}

export interface Schema {
  users: UsersTable;
  teams: TeamsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  principals: PrincipalsTable;
  solutions: SolutionsTable;
  solution_principals: SolutionPrincipalsTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  journeys: JourneysTable;
  journey_stage_history: JourneyStageHistoryTable;
  activities: ActivitiesTable;
  activity_participants: ActivityParticipantsTable;
  tasks: TasksTable;
  exchange_rates: ExchangeRatesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  pipelines: PipelinesTable;
  pipeline_stages: PipelineStagesTable;
  journey_gate_ticks: JourneyGateTicksTable;
  it_inventory_items: ItInventoryItemsTable;
  it_risks: ItRisksTable;
  risk_solution_map: RiskSolutionMapTable;
  domain_events: DomainEventsTable;
}
