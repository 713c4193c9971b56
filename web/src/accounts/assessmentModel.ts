import type { InventoryItem, ItCategory, MitigationStatus, Risk } from '../api/types';
import { isCalendarDate } from '../journeys/journeyModel';

/** The assessment editor's plain logic: form values to request bodies, with the API's limits as messages. */

export { itCategories, mitigationStatuses } from '../../../src/domain/recommendations';

export interface InventoryForm {
  category: ItCategory;
  vendor: string;
  product: string;
  productVersion: string;
  endOfLife: string;
  criticality: string;
}

export interface RiskForm {
  threat: string;
  category: ItCategory;
  likelihood: string;
  impact: string;
  mitigationStatus: MitigationStatus;
}

export type FormResult<F, B> = { ok: true; body: B } | { ok: false; errors: Partial<Record<keyof F, string>> };

export const emptyInventory: InventoryForm = { category: 'compute', vendor: '', product: '', productVersion: '', endOfLife: '', criticality: '3' };
export const emptyRisk: RiskForm = { threat: '', category: 'security', likelihood: '3', impact: '3', mitigationStatus: 'open' };

export function inventoryForm(item: InventoryItem): InventoryForm {
  return {
    category: item.category,
    vendor: item.vendor,
    product: item.product,
    productVersion: item.productVersion ?? '',
    endOfLife: item.endOfLife ?? '',
    criticality: String(item.criticality),
  };
}

export function riskForm(risk: Risk): RiskForm {
  return { threat: risk.threat, category: risk.category, likelihood: String(risk.likelihood), impact: String(risk.impact), mitigationStatus: risk.mitigationStatus };
}

function scale(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

function text(value: string, max: number, required: boolean): { value: string; error?: string } {
  const v = value.trim();
  if (required && !v) return { value: v, error: 'validation.required' };
  if (v.length > max) return { value: v, error: 'validation.tooLong' };
  return { value: v };
}

export interface InventoryBody {
  category: ItCategory;
  vendor: string;
  product: string;
  productVersion: string | null;
  endOfLife: string | null;
  criticality: number;
}

export function validateInventory(form: InventoryForm): FormResult<InventoryForm, InventoryBody> {
  const errors: Partial<Record<keyof InventoryForm, string>> = {};
  const vendor = text(form.vendor, 150, true);
  const product = text(form.product, 200, true);
  const productVersion = text(form.productVersion, 100, false);
  if (vendor.error) errors.vendor = vendor.error;
  if (product.error) errors.product = product.error;
  if (productVersion.error) errors.productVersion = productVersion.error;
  const endOfLife = form.endOfLife.trim();
  if (endOfLife && !isCalendarDate(endOfLife)) errors.endOfLife = 'validation.dateInvalid';
  const criticality = scale(form.criticality);
  if (criticality === null) errors.criticality = 'validation.scale';
  if (Object.keys(errors).length > 0 || criticality === null) return { ok: false, errors };
  return {
    ok: true,
    body: { category: form.category, vendor: vendor.value, product: product.value, productVersion: productVersion.value || null, endOfLife: endOfLife || null, criticality },
  };
}

export interface RiskBody {
  threat: string;
  category: ItCategory;
  likelihood: number;
  impact: number;
  mitigationStatus: MitigationStatus;
}

export function validateRisk(form: RiskForm): FormResult<RiskForm, RiskBody> {
  const errors: Partial<Record<keyof RiskForm, string>> = {};
  const threat = text(form.threat, 500, true);
  if (threat.error) errors.threat = threat.error;
  const likelihood = scale(form.likelihood);
  const impact = scale(form.impact);
  if (likelihood === null) errors.likelihood = 'validation.scale';
  if (impact === null) errors.impact = 'validation.scale';
  if (Object.keys(errors).length > 0 || likelihood === null || impact === null) return { ok: false, errors };
  return { ok: true, body: { threat: threat.value, category: form.category, likelihood, impact, mitigationStatus: form.mitigationStatus } };
}

/** Likelihood × impact, as the server scores it, for a live preview. */
export function previewScore(form: Pick<RiskForm, 'likelihood' | 'impact'>): number | null {
  const l = scale(form.likelihood);
  const i = scale(form.impact);
  return l === null || i === null ? null : l * i;
}

/** A risk-matrix band for the score's colour: 1–4 low, 5–9 medium, 10–16 high, 17–25 critical. */
export function scoreBand(score: number): 'low' | 'medium' | 'high' | 'critical' {
  if (score >= 17) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

/** Risks by score, highest first, unresolved before resolved. */
export function sortRisks<T extends Pick<Risk, 'score' | 'mitigationStatus' | 'threat'>>(risks: readonly T[]): T[] {
  const resolved = (r: T) => (r.mitigationStatus === 'mitigated' || r.mitigationStatus === 'accepted' ? 1 : 0);
  return [...risks].sort((a, b) => resolved(a) - resolved(b) || b.score - a.score || a.threat.localeCompare(b.threat));
}
