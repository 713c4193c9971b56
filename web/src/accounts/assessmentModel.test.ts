import { describe, expect, it } from 'vitest';
import { emptyInventory, emptyRisk, previewScore, scoreBand, sortRisks, validateInventory, validateRisk } from './assessmentModel';

describe('assessment forms', () => {
  it('checks an inventory item and builds its body', () => {
    expect(validateInventory(emptyInventory)).toEqual({ ok: false, errors: { vendor: 'validation.required', product: 'validation.required' } });
    expect(validateInventory({ ...emptyInventory, vendor: 'Cisco', product: 'ASA', endOfLife: '2026-02-30' })).toEqual({ ok: false, errors: { endOfLife: 'validation.dateInvalid' } });
    expect(validateInventory({ ...emptyInventory, vendor: ' Cisco ', product: 'ASA 5505', endOfLife: '2025-12-31', criticality: '5' })).toEqual({
      ok: true,
      body: { category: 'compute', vendor: 'Cisco', product: 'ASA 5505', productVersion: null, endOfLife: '2025-12-31', criticality: 5 },
    });
  });

  it('checks a risk and scores it as the server does', () => {
    expect(validateRisk({ ...emptyRisk, likelihood: '9' })).toEqual({ ok: false, errors: { threat: 'validation.required', likelihood: 'validation.scale' } });
    expect(validateRisk({ ...emptyRisk, threat: 'Ransomware', likelihood: '4', impact: '5' })).toEqual({
      ok: true,
      body: { threat: 'Ransomware', category: 'security', likelihood: 4, impact: 5, mitigationStatus: 'open' },
    });
    expect(previewScore({ likelihood: '4', impact: '5' })).toBe(20);
    expect(previewScore({ likelihood: '', impact: '5' })).toBeNull();
    expect([4, 5, 10, 17].map(scoreBand)).toEqual(['low', 'medium', 'high', 'critical']);
  });

  it('puts unresolved risks first, highest score first', () => {
    const risks = [
      { threat: 'a', score: 25, mitigationStatus: 'mitigated' as const },
      { threat: 'b', score: 6, mitigationStatus: 'open' as const },
      { threat: 'c', score: 12, mitigationStatus: 'planned' as const },
    ];
    expect(sortRisks(risks).map((r) => r.threat)).toEqual(['c', 'b', 'a']);
  });
});
