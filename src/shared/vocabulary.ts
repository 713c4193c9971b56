/**
 * The product's closed vocabularies (DESIGN.md §1–§4). One English name per concept;
 * the Indonesian words live in the translation files.
 */
export const roles = [
  'admin',
  'sales_manager',
  'account_manager',
  'solution_architect',
  'marcomm',
  'product_specialist',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

/** Rogers' innovation-decision stages, in order. */
export const stages = ['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation'] as const;
export type Stage = (typeof stages)[number];

/** AIDAS personal-selling steps, in order. */
export const aidasSteps = ['attention', 'interest', 'desire', 'action', 'satisfaction'] as const;
export type AidasStep = (typeof aidasSteps)[number];

export const outcomes = ['open', 'adopted', 'rejected', 'discontinued'] as const;
export type Outcome = (typeof outcomes)[number];

export const rejectionReasons = ['budget', 'timing', 'competitor', 'no_need', 'no_decision', 'other'] as const;
export const discontinuanceReasons = ['replacement', 'disenchantment', 'other'] as const;

export const activityTypes = [
  'visit',
  'call',
  'telemarketing_call',
  'email',
  'whatsapp',
  'meeting',
  'demo',
  'event_attendance',
  'content_shared',
  'implementation_session',
  'follow_up',
  'survey',
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const solutionCategories = [
  'data_center',
  'cloud',
  'security',
  'networking',
  'collaboration',
  'analytics',
  'application',
] as const;

export const industries = [
  'banking',
  'insurance',
  'finance',
  'government',
  'telecommunication',
  'manufacturing',
  'retail',
  'healthcare',
  'education',
  'energy',
  'logistics',
  'media',
  'hospitality',
  'other',
] as const;

export const sizeBands = ['1-49', '50-249', '250-999', '1000-4999', '5000+'] as const;
export const tiers = ['smb', 'enterprise'] as const;
export const relationships = ['new_logo', 'existing'] as const;
export const regions = ['jabodetabek', 'java', 'sumatra', 'kalimantan', 'sulawesi', 'bali_nusa', 'eastern'] as const;

export const divisions = ['it', 'hr', 'finance', 'business', 'executive', 'operations'] as const;
export const seniorities = ['staff', 'supervisor', 'manager', 'senior_manager', 'director', 'cxo'] as const;
export const ageBands = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const;
export const techProficiencies = ['beginner', 'advanced'] as const;
export const influences = ['decision_maker', 'recommender', 'user'] as const;
export const opennessLevels = ['low', 'medium', 'high'] as const;
export const contactChannels = ['email', 'phone', 'whatsapp', 'linkedin'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const taskRelatedTypes = ['account', 'contact', 'journey', 'activity'] as const;
