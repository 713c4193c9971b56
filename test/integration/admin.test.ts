import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { testApp, type TestApp } from '../support/app.js';

describeEachDatabase('workspace administration', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('keeps exchange rates by date and lists them newest first', async () => {
    const admin = await h.makeUser('admin');
    await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload: { currency: 'USD', validFrom: '2026-01-01', rate: 16_000 } });
    await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload: { currency: 'USD', validFrom: '2026-02-01', rate: 16_250.5 } });
    const corrected = await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload: { currency: 'USD', validFrom: '2026-02-01', rate: 16_300 } });
    expect(corrected.statusCode).toBe(200);
    const listed = (await admin.request({ method: 'GET', url: '/api/exchange-rates?currency=USD' })).json();
    expect(listed).toEqual({
      workspaceCurrency: 'IDR',
      items: [
        { currency: 'USD', validFrom: '2026-02-01', rate: 16_300 },
        { currency: 'USD', validFrom: '2026-01-01', rate: 16_000 },
      ],
    });
  });

  it('refuses a rate for an unknown currency, a non-positive rate, or the workspace currency itself', async () => {
    const admin = await h.makeUser('admin');
    const fields = async (payload: object) => (await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload })).json().error.details.issues[0].field;
    expect(await fields({ currency: 'XYZ', validFrom: '2026-01-01', rate: 1 })).toBe('body.currency');
    expect(await fields({ currency: 'USD', validFrom: '2026-01-01', rate: 0 })).toBe('body.rate');
    expect(await fields({ currency: 'USD', validFrom: '1 Jan', rate: 1 })).toBe('body.validFrom');
    expect(await fields({ currency: 'IDR', validFrom: '2026-01-01', rate: 1 })).toBe('body.currency');
  });

  it('changes the workspace currency only while no rate is recorded', async () => {
    const admin = await h.makeUser('admin');
    expect((await admin.request({ method: 'GET', url: '/api/settings' })).json()).toEqual({ currency: 'IDR', timeZone: 'Asia/Jakarta' });
    const usd = await admin.request({ method: 'PATCH', url: '/api/settings', payload: { currency: 'USD' } });
    expect(usd.json()).toEqual({ currency: 'USD', timeZone: 'Asia/Jakarta' });
    await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload: { currency: 'IDR', validFrom: '2026-01-01', rate: 0.0000625 } });
    const back = await admin.request({ method: 'PATCH', url: '/api/settings', payload: { currency: 'IDR' } });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details.issues[0].field).toBe('body.currency');
    const badZone = await admin.request({ method: 'PATCH', url: '/api/settings', payload: { timeZone: 'Mars/Olympus' } });
    expect(badZone.json().error.details.issues[0].field).toBe('body.timeZone');
  });
});
