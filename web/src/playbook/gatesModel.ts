import { ApiError } from '../api/client';
import type { GateCheck, GateChecklist, Locale, NextBestAction, Stage, TaskCreate, UnmetGate } from '../api/types';
import { stages } from '../../../src/shared/vocabulary';

/**
 * The playbook's plain view logic: a stage's gate checklist as rows to show, the dialog a
 * move refused for unmet gates opens, and a next best action turned into a task.
 */

export type EvidenceType = GateCheck['evidence'][number]['type'];

export interface ChecklistRow {
  gateId: string;
  kind: GateCheck['gate']['kind'];
  label: string;
  met: boolean;
  /** How many records of each kind satisfy the gate, in a stable order. */
  evidence: { type: EvidenceType; count: number }[];
  /** What to do to meet it: the next best action's words, else null (the view says it by kind). */
  todo: string | null;
  /** A manual gate still open: it is met by a tick with a note. */
  tickable: boolean;
}

export interface ChecklistView {
  stage: Stage;
  total: number;
  metCount: number;
  /** Open gates first (what needs doing), then the met ones. */
  todo: ChecklistRow[];
  done: ChecklistRow[];
  complete: boolean;
}

const evidenceOrder: EvidenceType[] = ['activity', 'contact', 'risk', 'field', 'tick'];

export function gateLabel(label: { en: string; id: string }, locale: Locale | string): string {
  return locale === 'en' ? label.en : label.id;
}

function row(check: GateCheck, actions: readonly NextBestAction[], locale: string): ChecklistRow {
  const counts = new Map<EvidenceType, number>();
  for (const ref of check.evidence) counts.set(ref.type, (counts.get(ref.type) ?? 0) + 1);
  const action = check.met ? undefined : actions.find((a) => a.gateId === check.gate.id);
  return {
    gateId: check.gate.id,
    kind: check.gate.kind,
    label: gateLabel(check.gate.label, locale),
    met: check.met,
    evidence: evidenceOrder.filter((type) => counts.has(type)).map((type) => ({ type, count: counts.get(type) ?? 0 })),
    todo: action ? gateLabel(action.explanation, locale) : null,
    tickable: !check.met && check.gate.kind === 'manual',
  };
}

export function checklistView(checklist: GateChecklist, actions: readonly NextBestAction[], locale: string): ChecklistView {
  const todo = checklist.unmet.map((c) => row(c, actions, locale));
  const done = checklist.met.map((c) => row(c, actions, locale));
  return { stage: checklist.stage, total: todo.length + done.length, metCount: done.length, todo, done, complete: todo.length === 0 };
}

/** A gate note is required and bounded like the API's. */
export function validateNote(note: string, max = 2000): string | null {
  const text = note.trim();
  if (!text) return 'validation.noteRequired';
  if (text.length > max) return 'validation.tooLong';
  return null;
}

export interface GateRefusal {
  /** The unmet gates by the stage they belong to, in stage order. */
  groups: { stage: Stage; gates: UnmetGate[] }[];
  count: number;
}

function isUnmetGate(value: unknown): value is UnmetGate {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const label = v.label as Record<string, unknown> | undefined;
  return typeof v.stage === 'string' && typeof v.gateId === 'string' && !!label && typeof label.en === 'string' && typeof label.id === 'string';
}

/** A move refused because gates are unmet (422 gates_unmet, details.unmet), else null. */
export function gateRefusal(error: unknown): GateRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'gates_unmet') return null;
  const unmet = Array.isArray(error.details.unmet) ? error.details.unmet.filter(isUnmetGate) : [];
  const groups = stages
    .map((stage) => ({ stage, gates: unmet.filter((g) => g.stage === stage) }))
    .filter((g) => g.gates.length > 0);
  return { groups, count: unmet.length };
}

/** What the refusal dialog offers: the override only to those the policy lets override. */
export function refusalDialog(refusal: GateRefusal, mayOverride: boolean): { groups: GateRefusal['groups']; offerOverride: boolean } {
  return { groups: refusal.groups, offerOverride: mayOverride && refusal.count > 0 };
}

export function validateOverrideReason(reason: string): string | null {
  const text = reason.trim();
  if (!text) return 'validation.overrideReasonRequired';
  if (text.length > 1000) return 'validation.tooLong';
  return null;
}

/** A next best action as a task for me on the journey, titled in my language. */
export function taskFromAction(action: NextBestAction, journey: { id: string }, me: { id: string }, locale: string): Partial<TaskCreate> & Pick<TaskCreate, 'title'> {
  const title = gateLabel(action.explanation, locale).trim();
  return {
    title: title.length > 300 ? `${title.slice(0, 299)}…` : title,
    relatedType: 'journey',
    relatedId: journey.id,
    assigneeId: me.id,
    dueAt: action.dueAt,
  };
}
