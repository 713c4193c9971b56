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

// The team on a journey (0008_journey_team).
export interface JourneyHandoffsTable {
  id: string;
  journey_id: string;
  role: string; // 'am' | 'sa' | 'marcomm'
  from_user_id: string | null;
  to_user_id: string | null;
  note: string | null;
  by_user_id: string | null;
  at: Timestamp;
}

export interface JourneyPrincipalContactsTable {
  journey_id: string;
  principal_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  version: number;
  updated_at: Timestamp;
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

/** A Bass prior saved for a solution (migration 0009): p and q per `period_unit`. */
export interface SolutionBassPriorsTable {
  solution_id: string;
  p: number;
  q: number;
  m: number | null;
  period_unit: string;
  source: string;
  series: Json | null;
  saved_by: string | null;
  saved_at: Timestamp;
  version: number;
}

/**
 * Analytics rollups (0012_analytics_rollups), written only by the triggers on
 * journey_stage_history, journeys and accounts; application code reads them, never writes them
 * (their column types declare no insert or update type).
 */
type Rollup<T> = ColumnType<T, never, never>;

/** One row per journey: the first time it entered each step, and its adoption time. */
export interface JourneyMilestonesTable {
  journey_id: Rollup<string>;
  solution_id: Rollup<string>;
  account_id: Rollup<string>;
  /** 1 while neither the journey nor its account is soft-deleted. */
  live: Rollup<number>;
  knowledge_at: Rollup<Timestamp | null>;
  persuasion_at: Rollup<Timestamp | null>;
  decision_at: Rollup<Timestamp | null>;
  implementation_at: Rollup<Timestamp | null>;
  confirmation_at: Rollup<Timestamp | null>;
  /** First `adopt` row (the adoption confirmed): the funnel's last step. */
  adopt_outcome_at: Rollup<Timestamp | null>;
  /** First move from decision to implementation: the adoption time of ANALYTICS.md. */
  adopted_at: Rollup<Timestamp | null>;
}

/** One row per completed stay, keyed by the history row that began it. */
export interface JourneyStaysTable {
  journey_id: Rollup<string>;
  seq: Rollup<number>;
  stage: Rollup<string>;
  entered_at: Rollup<Timestamp>;
  left_at: Rollup<Timestamp>;
  days: Rollup<number>;
  /** 1 while neither the journey nor its account is soft-deleted. */
  live: Rollup<number>;
}

// Segments (0004_segments).
export interface SegmentsTable {
  id: string;
  name: string;
  description: string | null;
  rule: Json;
  kind: string; // 'dynamic' | 'static'
  owner_id: string | null;
  frozen_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface SegmentMembersTable {
  segment_id: string;
  contact_id: string;
  account_id: string;
}

// Targeting, campaigns, telemarketing (0005_campaigns).
export interface SolutionSegmentsTable { solution_id: string; segment_id: string; role: string; created_at: Timestamp }
export interface CampaignsTable { id: string; name: string; description: string | null; type: string; channels: Json; solution_id: string | null; segment_id: string | null; status: string; starts_on: string | null; ends_on: string | null; budget_minor: number; currency: string; owner_id: string | null; launched_at: Timestamp | null; closed_at: Timestamp | null; version: number; created_at: Timestamp; updated_at: Timestamp; deleted_at: Timestamp | null }
export interface CampaignAudienceTable { campaign_id: string; contact_id: string; account_id: string }
export interface CampaignResponsesTable { id: string; campaign_id: string; contact_id: string; account_id: string; kind: string; at: Timestamp; source: string; journey_id: string | null; journey_effect: string | null; activity_id: string | null; created_by: string | null; created_at: Timestamp }
export interface CallListsTable { id: string; name: string; campaign_id: string | null; segment_id: string; solution_id: string | null; status: string; created_by: string | null; version: number; created_at: Timestamp; updated_at: Timestamp; deleted_at: Timestamp | null }
export interface CallListEntriesTable { id: string; call_list_id: string; position: number; contact_id: string; account_id: string; caller_id: string; outcome: string | null; called_at: Timestamp | null; note: string | null; activity_id: string | null; version: number; updated_at: Timestamp }

// Channels (0006_channels).
export interface ContactConsentsTable {
  id: string;
  contact_id: string;
  channel: string; // 'email' | 'whatsapp' | 'phone' | 'sms'
  status: string; // 'opted_in' | 'opted_out'
  source: string;
  note: string | null;
  at: Timestamp;
  recorded_by: string | null;
}

export interface WhatsappTemplatesTable {
  id: string;
  name: string;
  language: string;
  body: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InboundMessagesTable {
  id: string;
  channel: string;
  from_phone: string;
  body: string;
  received_at: Timestamp;
  provider_message_id: string;
  contact_id: string | null;
  account_id: string | null;
  activity_id: string | null;
  status: string; // 'matched' | 'unmatched'
}

// Automation and satisfaction surveys (0010_automation).
export interface AutomationRulesTable {
  id: string;
  name: string;
  description: string | null;
  trigger: Json;
  conditions: Json;
  actions: Json;
  enabled: Bool;
  is_default: Bool;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  /** When the time-based trigger started to count (migration 0013); null only before the backfill. */
  armed_at: Timestamp | null;
}

export interface AutomationJobsTable {
  id: string;
  rule_id: string;
  rule_version: number;
  trigger_key: string;
  event_id: string | null;
  journey_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  triggered_at: Timestamp;
  status: string; // 'pending' | 'running' | 'done' | 'failed' | 'dead'
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  locked_until: Timestamp | null;
  claim_token: string | null;
  done_actions: Json;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface AutomationRunsTable {
  id: string;
  job_id: string;
  attempt: number;
  at: Timestamp;
  outcome: string;
  message: string | null;
}

export interface HolidaysTable {
  date: string;
  name: string;
  updated_at: Timestamp;
}

export interface SurveyRequestsTable {
  id: string;
  journey_id: string;
  contact_id: string;
  kind: string; // 'csat' | 'nps'
  token_hash: string;
  job_id: string | null;
  requested_by: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
}

export interface SurveyResponsesTable {
  request_id: string;
  score: number;
  comment: string | null;
  at: Timestamp;
}

export interface SavedViewsTable {
  id: string;
  user_id: string;
  screen: string;
  name: string;
  name_key: string;
  query: Json;
  shared: Bool;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Positioning and content (0007_content).
export interface SolutionPositioningTable {
  solution_id: string;
  version: number;
  updated_at: Timestamp;
}

export interface ValuePillarsTable {
  solution_id: string;
  pillar: string; // product_leadership | operational_excellence | customer_experience
  statement_id: string;
  statement_en: string;
  position: number;
}

export interface PersonaMessagesTable {
  id: string;
  solution_id: string;
  proficiency: string;
  division: string | null;
  text_id: string;
  text_en: string;
  position: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface ContentItemsTable {
  id: string;
  title: string;
  description: string | null;
  kind: string; // upload | link
  url: string | null;
  file_name: string | null;
  stored_path: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  language: string;
  search_text: string;
  created_by: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface ContentItemTagsTable {
  content_item_id: string;
  kind: string; // solution | proficiency | division | stage
  value: string;
}

export interface ContentSharesTable {
  id: string;
  content_item_id: string;
  activity_id: string;
  contact_id: string;
  journey_id: string | null;
  channel: string;
  at: Timestamp;
  by_user_id: string | null;
}

export interface PlaybookEntriesTable {
  id: string;
  stage: string;
  proficiency: string | null;
  division: string | null;
  kind: string; // talk_track | question | objection | tip
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  position: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface PlaybookEntryContentTable {
  entry_id: string;
  content_item_id: string;
  position: number;
}

export interface Schema {
  saved_views: SavedViewsTable;
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
  contact_consents: ContactConsentsTable;
  whatsapp_templates: WhatsappTemplatesTable;
  inbound_messages: InboundMessagesTable;
  audit_log: AuditLogTable;
  pipelines: PipelinesTable;
  pipeline_stages: PipelineStagesTable;
  journey_gate_ticks: JourneyGateTicksTable;
  it_inventory_items: ItInventoryItemsTable;
  it_risks: ItRisksTable;
  risk_solution_map: RiskSolutionMapTable;
  domain_events: DomainEventsTable;
  journey_handoffs: JourneyHandoffsTable;
  journey_principal_contacts: JourneyPrincipalContactsTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  solution_segments: SolutionSegmentsTable;
  campaigns: CampaignsTable;
  campaign_audience: CampaignAudienceTable;
  campaign_responses: CampaignResponsesTable;
  call_lists: CallListsTable;
  call_list_entries: CallListEntriesTable;
  solution_bass_priors: SolutionBassPriorsTable;
  journey_milestones: JourneyMilestonesTable;
  journey_stays: JourneyStaysTable;
  automation_rules: AutomationRulesTable;
  automation_jobs: AutomationJobsTable;
  automation_runs: AutomationRunsTable;
  holidays: HolidaysTable;
  survey_requests: SurveyRequestsTable;
  survey_responses: SurveyResponsesTable;
  solution_positioning: SolutionPositioningTable;
  value_pillars: ValuePillarsTable;
  persona_messages: PersonaMessagesTable;
  content_items: ContentItemsTable;
  content_item_tags: ContentItemTagsTable;
  content_shares: ContentSharesTable;
  playbook_entries: PlaybookEntriesTable;
  playbook_entry_content: PlaybookEntryContentTable;
}
