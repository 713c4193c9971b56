import { describe, expect, it } from 'vitest';
import { pillarForm, pillarsToSave } from './positioningApi';

describe('the positioning form', () => {
  it('lists the three pillars in order, filling in what was saved', () => {
    const form = pillarForm([{ pillar: 'customer_experience', statementId: 'Didampingi', statementEn: 'Accompanied' }]);
    expect(form.map((p) => p.pillar)).toEqual(['product_leadership', 'operational_excellence', 'customer_experience']);
    expect(form[2]).toEqual({ pillar: 'customer_experience', statementId: 'Didampingi', statementEn: 'Accompanied' });
  });

  it('saves pillars written in both languages and flags those written in one', () => {
    const result = pillarsToSave([
      { pillar: 'product_leadership', statementId: ' Pemimpin ', statementEn: 'Leader' },
      { pillar: 'operational_excellence', statementId: 'Hanya Indonesia', statementEn: ' ' },
      { pillar: 'customer_experience', statementId: '', statementEn: '' },
    ]);
    expect(result.pillars).toEqual([{ pillar: 'product_leadership', statementId: 'Pemimpin', statementEn: 'Leader' }]);
    expect(result.incomplete).toEqual(['operational_excellence']);
  });
});
