import { describe, expect, it } from 'vitest';
import { attributeJourney, campaignShare, costPerJourney, roi } from './attribution.js';

describe('campaign attribution', () => {
  // A journey worth Rp 100.000.000 (10,000,000,000 minor units) touched by a webinar, then an
  // email campaign, then the webinar again.
  const value = 10_000_000_000;
  const touches = [
    { campaignId: 'webinar', at: '2024-03-01T09:00:00.000Z', id: 'r1' },
    { campaignId: 'email', at: '2024-03-05T09:00:00.000Z', id: 'r2' },
    { campaignId: 'webinar', at: '2024-03-09T09:00:00.000Z', id: 'r3' },
  ];

  it('gives the whole value to the earliest touch under first touch', () => {
    const shares = attributeJourney(value, [...touches].reverse(), 'first_touch');
    expect(shares.get('webinar')).toBe(value);
    expect(shares.get('email')).toBe(0);
  });

  it('gives the whole value to the latest touch under last touch', () => {
    const shares = attributeJourney(value, [touches[0]!, touches[1]!], 'last_touch');
    expect(shares.get('email')).toBe(value);
    expect(shares.get('webinar')).toBe(0);
  });

  it('splits the value by touches under linear attribution', () => {
    const shares = attributeJourney(value, touches, 'linear');
    // 2 of 3 touches: 6,666,666,666.67 → 6,666,666,667; 1 of 3: 3,333,333,333.33 → 3,333,333,333.
    expect(shares.get('webinar')).toBe(6_666_666_667);
    expect(shares.get('email')).toBe(3_333_333_333);
  });

  it('breaks ties between touches at the same instant by their id', () => {
    const same = [
      { campaignId: 'b', at: '2024-03-01T09:00:00.000Z', id: 'r2' },
      { campaignId: 'a', at: '2024-03-01T09:00:00.000Z', id: 'r1' },
    ];
    expect(attributeJourney(500, same, 'first_touch').get('a')).toBe(500);
    expect(attributeJourney(500, same, 'last_touch').get('b')).toBe(500);
  });

  it('credits nothing to a campaign that did not touch the journey', () => {
    expect(campaignShare({ valueMinor: 900, touches: 3, mine: 0, first: false, last: false }, 'linear')).toBe(0);
    expect(campaignShare({ valueMinor: 900, touches: 0, mine: 0, first: true, last: true }, 'first_touch')).toBe(0);
  });

  it('rounds a linear share half up to the minor unit', () => {
    expect(campaignShare({ valueMinor: 5, touches: 2, mine: 1, first: true, last: false }, 'linear')).toBe(3);
    expect(campaignShare({ valueMinor: 10, touches: 4, mine: 1, first: false, last: true }, 'linear')).toBe(3);
    expect(campaignShare({ valueMinor: 10, touches: 3, mine: 1, first: false, last: true }, 'linear')).toBe(3);
  });
});

describe('campaign cost and return', () => {
  it('divides the budget by the journeys opened', () => {
    // Rp 15.000.000 over 4 journeys: Rp 3.750.000 each.
    expect(costPerJourney(1_500_000_000, 4)).toBe(375_000_000);
    expect(costPerJourney(100, 3)).toBe(33);
    expect(costPerJourney(200, 3)).toBe(67);
  });

  it('has no cost per journey when no journey was opened', () => {
    expect(costPerJourney(1_500_000_000, 0)).toBeNull();
  });

  it('computes return on investment as the gain over the cost', () => {
    // Won Rp 60.000.000 for a Rp 15.000.000 budget: (60 − 15) / 15 = 3 (300%).
    expect(roi(6_000_000_000, 1_500_000_000)).toBe(3);
    expect(roi(0, 1_500_000_000)).toBe(-1);
    expect(roi(1_000, 3_000)).toBe(-0.6667);
  });

  it('has no return on investment without a cost', () => {
    expect(roi(6_000_000_000, 0)).toBeNull();
  });
});
