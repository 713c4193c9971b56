import { describe, expect, it } from 'vitest';
import { principalForm, solutionForm, validatePrincipal, validateSolution } from './catalogueModel';

describe('catalogue forms', () => {
  it('sends a solution with empty text as null', () => {
    expect(validateSolution({ ...solutionForm(), name: ' Managed SOC ', category: 'security' })).toEqual({
      ok: true,
      body: { name: 'Managed SOC', category: 'security', description: null, launchDate: null, principalIds: [] },
    });
  });

  it('asks for a solution name and a real date', () => {
    expect(validateSolution({ ...solutionForm(), launchDate: '31/03/2026' })).toEqual({ ok: false, errors: { name: 'validation.required', launchDate: 'validation.dateInvalid' } });
  });

  it('asks for a principal name and a web address that is one', () => {
    expect(validatePrincipal({ ...principalForm(), website: 'nusantara' })).toEqual({ ok: false, errors: { name: 'validation.required', website: 'validation.urlInvalid' } });
    expect(validatePrincipal({ name: 'Nusantara Systems', website: 'https://nusantara.example', country: ' ' })).toEqual({
      ok: true,
      body: { name: 'Nusantara Systems', website: 'https://nusantara.example', country: null },
    });
  });
});
