import { contentCall as call, type Proficiency } from '../content/contentApi';

export const valuePillars = ['product_leadership', 'operational_excellence', 'customer_experience'] as const;
export type ValuePillar = (typeof valuePillars)[number];

export interface PillarStatement {
  pillar: ValuePillar;
  statementId: string;
  statementEn: string;
}

export interface PersonaMessage {
  id: string;
  solutionId: string;
  proficiency: Proficiency;
  division: string | null;
  textId: string;
  textEn: string;
  position: number;
  version: number;
  updatedAt: string;
}

export interface Positioning {
  solutionId: string;
  version: number;
  pillars: PillarStatement[];
  messages: PersonaMessage[];
}

export type MessageInput = { proficiency: Proficiency; division: string | null; textId: string; textEn: string };

const at = (solutionId: string) => `/solutions/${encodeURIComponent(solutionId)}`;

export const positioningApi = {
  get: (solutionId: string) => call<Positioning>('GET', `${at(solutionId)}/positioning`),
  putPillars: (solutionId: string, version: number, pillars: PillarStatement[]) => call<Positioning>('PUT', `${at(solutionId)}/positioning`, { version, pillars }),
  createMessage: (solutionId: string, input: MessageInput) => call<PersonaMessage>('POST', `${at(solutionId)}/persona-messages`, input),
  updateMessage: (solutionId: string, id: string, patch: Partial<MessageInput> & { version: number }) =>
    call<PersonaMessage>('PATCH', `${at(solutionId)}/persona-messages/${encodeURIComponent(id)}`, patch),
  removeMessage: (solutionId: string, id: string, version: number) =>
    call<{ id: string; deleted: true }>('DELETE', `${at(solutionId)}/persona-messages/${encodeURIComponent(id)}?version=${version}`),
};

/** The three pillars in order, with empty statements for those not written yet. */
export function pillarForm(saved: readonly PillarStatement[]): PillarStatement[] {
  return valuePillars.map((pillar) => saved.find((p) => p.pillar === pillar) ?? { pillar, statementId: '', statementEn: '' });
}

/** What to send: pillars with both statements; a pillar with only one language written is a problem. */
export function pillarsToSave(form: readonly PillarStatement[]): { pillars: PillarStatement[]; incomplete: ValuePillar[] } {
  const trimmed = form.map((p) => ({ ...p, statementId: p.statementId.trim(), statementEn: p.statementEn.trim() }));
  return {
    pillars: trimmed.filter((p) => p.statementId !== '' && p.statementEn !== ''),
    incomplete: trimmed.filter((p) => (p.statementId === '') !== (p.statementEn === '')).map((p) => p.pillar),
  };
}
