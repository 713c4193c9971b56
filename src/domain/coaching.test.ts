import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coachingFigures, median, medianFromMiddle, ratio, standingOf } from './coaching.js';

describe('coaching helpers', () => {
  it('takes the median of an odd and an even number of values, ignoring unknown ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 7, null])).toBe(7);
    expect(median([])).toBeNull();
    expect(median([null])).toBeNull();
  });

  it('rebuilds the median from the middle ranks SQL returns', () => {
    // 2, 4, 9 → rank 2 is the middle
    expect(medianFromMiddle(3, [{ rank: 2, value: 4 }])).toBe(4);
    // 1, 3, 5, 11 → ranks 2 and 3
    expect(medianFromMiddle(4, [{ rank: 2, value: 3 }, { rank: 3, value: 5 }])).toBe(4);
    expect(medianFromMiddle(1, [{ rank: 1, value: 6 }])).toBe(6);
    expect(medianFromMiddle(0, [])).toBeNull();
    expect(medianFromMiddle(4, [{ rank: 2, value: 3 }])).toBeNull();
  });

  it('agrees with the plain median for any sorted list reduced to its middle ranks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const lower = Math.floor((sorted.length - 1) / 2) + 1;
        const rows = sorted.map((value, i) => ({ rank: i + 1, value })).filter((r) => r.rank === lower || r.rank === lower + 1);
        expect(medianFromMiddle(sorted.length, rows)).toBe(median(values));
      }),
    );
  });

  it('divides only when there is something to divide', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });

  it('places a value above, below or at the team median', () => {
    expect(standingOf(0.6, 0.5)).toBe('above');
    expect(standingOf(0.4, 0.5)).toBe('below');
    expect(standingOf(1 / 3 + 1 / 3, 2 / 3)).toBe('at');
    expect(standingOf(null, 0.5)).toBeNull();
    expect(standingOf(0.5, null)).toBeNull();
  });
});

describe('coaching figures', () => {
  const figures = coachingFigures({
    ams: [
      { id: 'ani', name: 'Ani' },
      { id: 'budi', name: 'Budi' },
      { id: 'citra', name: 'Citra' },
    ],
    exits: [
      { ownerId: 'ani', exits: 3, onTime: 1 },
      { ownerId: 'budi', exits: 1, onTime: 1 },
    ],
    touches: [
      { ownerId: 'ani', stage: 'knowledge', stays: 2, touches: 1 },
      { ownerId: 'budi', stage: 'knowledge', stays: 1, touches: 2 },
    ],
    conversions: [
      { ownerId: 'ani', stage: 'persuasion', entered: 2, advanced: 1 },
      { ownerId: 'budi', stage: 'persuasion', entered: 1, advanced: 0 },
    ],
    stayMiddles: [
      { ownerId: 'ani', stage: 'knowledge', n: 2, rank: 1, days: 3 },
      { ownerId: 'ani', stage: 'knowledge', n: 2, rank: 2, days: 5 },
      { ownerId: 'budi', stage: 'knowledge', n: 1, rank: 1, days: 6 },
    ],
  });
  const ani = figures.ams[0];
  const budi = figures.ams[1];
  const citra = figures.ams[2];

  it('compares each AM’s on-time gate share with the median over the AMs that have one', () => {
    expect(figures.teamMedians.gatesOnTime).toBeCloseTo(2 / 3);
    expect(ani?.gatesOnTime).toMatchObject({ standing: 'below' });
    expect(ani?.gatesOnTime.value).toBeCloseTo(1 / 3);
    expect(budi?.gatesOnTime).toMatchObject({ value: 1, standing: 'above' });
    expect(citra).toMatchObject({ stageExits: 0, exitsOnTime: 0, gatesOnTime: { value: null, standing: null } });
  });

  it('reports touches per journey, conversion and median days per stage beside the team median', () => {
    expect(ani?.stages[0]).toMatchObject({
      stage: 'knowledge',
      touchesPerJourney: { value: 0.5, teamMedian: 1.25, standing: 'below' },
      completedStays: 2,
      medianDaysInStage: { value: 4, teamMedian: 5, standing: 'below' },
    });
    expect(budi?.stages[1]).toMatchObject({ stage: 'persuasion', entered: 1, advanced: 0, conversion: { value: 0, teamMedian: 0.25, standing: 'below' } });
    expect(ani?.stages[1]?.conversion).toEqual({ value: 0.5, teamMedian: 0.25, standing: 'above' });
    expect(figures.teamMedians.stages.map((s) => s.stage)).toEqual(['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation']);
    expect(citra?.stages[4]?.medianDaysInStage).toEqual({ value: null, teamMedian: null, standing: null });
  });
});
