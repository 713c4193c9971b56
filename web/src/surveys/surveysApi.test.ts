import { describe, expect, it } from 'vitest';
import { scoreButtons } from './surveysApi';

describe('survey score buttons', () => {
  it('offers 1 to 5 for CSAT and 0 to 10 for NPS', () => {
    expect(scoreButtons({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect(scoreButtons({ min: 0, max: 10 })).toHaveLength(11);
    expect(scoreButtons({ min: 0, max: 10 })[0]).toBe(0);
  });
});
