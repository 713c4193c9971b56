import { describe, expect, it } from 'vitest';
import { defaultPeriod, formatFigure, formatShare, periodQuery, tone } from './coachingModel';

describe('the coaching view', () => {
  it('colours a figure by whether above the median is better for it', () => {
    expect(tone({ value: 0.8, teamMedian: 0.5, standing: 'above' }, 'higher')).toBe('good');
    expect(tone({ value: 12, teamMedian: 5, standing: 'above' }, 'lower')).toBe('bad');
    expect(tone({ value: 3, teamMedian: 5, standing: 'below' }, 'lower')).toBe('good');
    expect(tone({ value: 3, teamMedian: 5, standing: 'below' }, 'neutral')).toBe('neutral');
    expect(tone({ value: null, teamMedian: 5, standing: null }, 'higher')).toBe('neutral');
  });

  it('formats shares and figures, with a dash when unknown', () => {
    expect(formatShare(0.333, 'en')).toBe('33%');
    expect(formatFigure(1.25, 'en')).toBe('1.3');
    expect(formatFigure(1.25, 'id')).toBe('1,3');
    expect(formatShare(null, 'id')).toBe('—');
  });

  it('sends the inclusive end date as the exclusive next day and refuses a reversed period', () => {
    expect(periodQuery('2024-03-01', '2024-03-31')).toEqual({ from: '2024-03-01', to: '2024-04-01' });
    expect(periodQuery('', '')).toEqual({});
    expect(periodQuery('2024-03-10', '2024-03-01')).toEqual({ error: 'coaching.errors.order' });
    expect(defaultPeriod(new Date('2024-06-15T10:00:00Z'))).toEqual({ from: '2024-03-18', to: '2024-06-16' });
  });
});
