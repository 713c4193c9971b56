import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { signatureFor } from '../../src/domain/whatsapp.js';
import { describeEachDatabase } from '../support/databases.js';
import { contactInput, json, makeJourney, makeSolution, testApp, type Activity, type Caller, type Contact, type TestApp } from '../support/app.js';

/** One message as the SMTP server received it. */
interface Received {
  mailFrom: string;
  rcptTo: string[];
  user: string | null;
  headers: string;
  body: string;
}

/** A real SMTP server (smtp-server) on loopback: plain text, AUTH allowed without TLS for the test. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'difusi' && auth.password === 'rahasia-smtp') return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.indexOf('\r\n\r\n');
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          headers: raw.slice(0, split),
          body: raw.slice(split + 4),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function header(message: Received, name: string): string | undefined {
  const unfolded = message.headers.replace(/\r\n[ \t]+/g, ' ');
  return unfolded.split('\r\n').find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
}

const appSecret = 'whatsapp-app-secret-for-tests';
const verifyToken = 'verify-token-for-tests';

function delivery(messages: { from: string; id: string; text: string; timestamp?: string }[]) {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '6221500000', phone_number_id: '106540352242922' },
              contacts: messages.map((m) => ({ profile: { name: 'Pengirim' }, wa_id: m.from })),
              messages: messages.map((m) => ({ from: m.from, id: m.id, timestamp: m.timestamp ?? '1714521600', type: 'text', text: { body: m.text } })),
            },
          },
        ],
      },
    ],
  });
}

describeEachDatabase('channels: email, consent and WhatsApp', (t) => {
  let h: TestApp;
  let admin: Caller;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;

  beforeEach(async () => {
    h = await testApp(t.db);
    admin = await h.makeUser('admin', { name: 'Admin Difusi' });
  });

  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  async function configureSmtp(port: number) {
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/smtp',
      payload: { host: '127.0.0.1', port, security: 'none', username: 'difusi', password: 'rahasia-smtp', fromAddress: 'crm@integrator.test', fromName: 'Difusi CRM' },
    });
    expect(saved.statusCode).toBe(200);
    return saved;
  }

  async function contactWithEmail(owner: Caller, accountId: string, overrides: Record<string, unknown> = {}) {
    const response = await owner.request({ method: 'POST', url: '/api/contacts', payload: contactInput(accountId, { email: 'sari.dewi@pelanggan.test', ...overrides }) });
    expect(response.statusCode).toBe(201);
    return json<Contact>(response);
  }

  async function consent(caller: Caller, contactId: string, channel: string, status: 'opted_in' | 'opted_out') {
    const response = await caller.request({ method: 'PUT', url: `/api/contacts/${contactId}/consents`, payload: { changes: [{ channel, status, source: 'webinar registration form' }] } });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  async function activitiesOf(accountId: string): Promise<Activity[]> {
    return (await admin.request({ method: 'GET', url: `/api/activities?accountId=${accountId}` })).json().items;
  }

  // ---------------------------------------------------------------------------------------------
  // SMTP
  // ---------------------------------------------------------------------------------------------

  it('stores SMTP settings without ever returning the password, and keeps it when it is left out', async () => {
    expect((await admin.request({ method: 'GET', url: '/api/admin/smtp' })).json()).toMatchObject({ configured: false, passwordSet: false });
    const saved = await configureSmtp(2525);
    expect(saved.body).not.toContain('rahasia-smtp');
    expect(saved.json()).toMatchObject({ configured: true, host: '127.0.0.1', port: 2525, security: 'none', username: 'difusi', passwordSet: true, fromAddress: 'crm@integrator.test' });

    const kept = await admin.request({ method: 'PUT', url: '/api/admin/smtp', payload: { host: 'smtp.integrator.test', port: 587, security: 'starttls', username: 'difusi', fromAddress: 'crm@integrator.test' } });
    expect(kept.json()).toMatchObject({ host: 'smtp.integrator.test', passwordSet: true });
    const read = await admin.request({ method: 'GET', url: '/api/admin/smtp' });
    expect(read.body).not.toContain('rahasia-smtp');
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?recordType=settings' })).body;
    expect(audit).not.toContain('rahasia-smtp');

    const cleared = await admin.request({ method: 'PUT', url: '/api/admin/smtp', payload: { host: 'smtp.integrator.test', port: 587, security: 'starttls', username: null, password: null, fromAddress: 'crm@integrator.test' } });
    expect(cleared.json()).toMatchObject({ username: null, passwordSet: false });
  });

  it('lets only admins read or change the SMTP settings, and names a bad field', async () => {
    const am = await h.makeUser('account_manager');
    expect((await am.request({ method: 'GET', url: '/api/admin/smtp' })).statusCode).toBe(403);
    expect((await am.request({ method: 'PUT', url: '/api/admin/smtp', payload: { host: 'x', port: 25, security: 'none', fromAddress: 'a@b.test' } })).statusCode).toBe(403);
    expect((await am.request({ method: 'POST', url: '/api/admin/smtp/test' })).statusCode).toBe(403);
    const bad = await admin.request({ method: 'PUT', url: '/api/admin/smtp', payload: { host: 'x', port: 70000, security: 'none', fromAddress: 'a@b.test' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.port');
    const noUser = await admin.request({ method: 'PUT', url: '/api/admin/smtp', payload: { host: 'x', port: 25, security: 'none', password: 'p', fromAddress: 'a@b.test' } });
    expect(noUser.statusCode).toBe(400);
    expect(noUser.json().error.details.issues[0].field).toBe('body.username');
  });

  it('refuses to send before SMTP is set up, and reports an unreachable server as 502 without logging anything', async () => {
    const notSetUp = await admin.request({ method: 'POST', url: '/api/admin/smtp/test' });
    expect(notSetUp.statusCode).toBe(422);
    expect(notSetUp.json().error.code).toBe('channel_not_configured');

    const closed = await startSmtp();
    await closed.close();
    await configureSmtp(closed.port);
    const unreachable = await admin.request({ method: 'POST', url: '/api/admin/smtp/test' });
    expect(unreachable.statusCode).toBe(502);
    expect(unreachable.json().error.code).toBe('delivery_failed');
  });

  it('sends the test email to the admin through a real SMTP server', async () => {
    smtp = await startSmtp();
    await configureSmtp(smtp.port);
    const sent = await admin.request({ method: 'POST', url: '/api/admin/smtp/test' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().to).toBe(admin.user.email);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received as [Received];
    expect(message.user).toBe('difusi');
    expect(message.mailFrom).toBe('crm@integrator.test');
    expect(message.rcptTo).toEqual([admin.user.email]);
    expect(header(message, 'From')).toBe('Difusi CRM <crm@integrator.test>');
    expect(header(message, 'To')).toBe(admin.user.email);
    expect(header(message, 'Subject')).toBe('Difusi: test email / email uji');
    expect(message.body).toContain('Hello Admin Difusi');
    expect(sent.json().messageId).toBe(header(message, 'Message-ID'));
  });

  it('emails a contact who opted in and logs the email on the account and journey', async () => {
    smtp = await startSmtp();
    await configureSmtp(smtp.port);
    const am = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id);
    await consent(am, contact.id, 'email', 'opted_in');

    const sent = await am.request({
      method: 'POST',
      url: `/api/contacts/${contact.id}/email`,
      payload: { subject: 'Undangan webinar keamanan data', text: 'Selamat pagi Bu Sari,\nkami mengundang Anda ke webinar.', journeyId: journey.id },
    });
    expect(sent.statusCode).toBe(201);
    const [message] = smtp.received as [Received];
    expect(smtp.received).toHaveLength(1);
    expect(message.rcptTo).toEqual(['sari.dewi@pelanggan.test']);
    expect(header(message, 'From')).toBe('Difusi CRM <crm@integrator.test>');
    expect(header(message, 'Subject')).toBe('Undangan webinar keamanan data');
    expect(message.body).toContain('kami mengundang Anda ke webinar.');

    const activity = sent.json().activity as Activity;
    expect(activity).toMatchObject({ type: 'email', subject: 'Undangan webinar keamanan data', accountId: account.id, journeyId: journey.id, createdBy: am.user.id });
    expect(activity.participants).toEqual({ userIds: [am.user.id], contactIds: [contact.id] });
    expect((await activitiesOf(account.id)).map((a) => a.id)).toEqual([activity.id]);
    const events = await t.db.kysely.selectFrom('domain_events').select(['type', 'subject_id']).where('subject_id', '=', activity.id).execute();
    expect(events).toEqual([{ type: 'activity.logged', subject_id: activity.id }]);
  });

  it('refuses to email a contact without recorded consent or after an opt-out, naming the channel, and sends and logs nothing', async () => {
    smtp = await startSmtp();
    await configureSmtp(smtp.port);
    const am = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id);
    const email = { subject: 'Penawaran', text: 'Isi penawaran' };

    const unknown = await am.request({ method: 'POST', url: `/api/contacts/${contact.id}/email`, payload: email });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'consent_refused', details: { channel: 'email' } });

    await consent(am, contact.id, 'email', 'opted_in');
    expect((await am.request({ method: 'POST', url: `/api/contacts/${contact.id}/email`, payload: email })).statusCode).toBe(201);
    expect(smtp.received).toHaveLength(1);

    // The opt-out counts from the next request on.
    const afterOptOut = await consent(am, contact.id, 'email', 'opted_out');
    expect(afterOptOut.channels.find((c: { channel: string }) => c.channel === 'email')).toMatchObject({ status: 'opted_out', allowed: false });
    const refused = await am.request({ method: 'POST', url: `/api/contacts/${contact.id}/email`, payload: email });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.channel).toBe('email');
    expect(smtp.received).toHaveLength(1);
    expect(await activitiesOf(account.id)).toHaveLength(1);

    // Consent on another channel does not open email.
    await consent(am, contact.id, 'whatsapp', 'opted_in');
    expect((await am.request({ method: 'POST', url: `/api/contacts/${contact.id}/email`, payload: email })).statusCode).toBe(422);
  });

  it('keeps the consent log append-only and newest first, lets only the contact’s writers record it, and honours consent stored on the contact', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id, {
      consents: [{ channel: 'email', granted: true, source: 'business card', recordedAt: '2024-01-10T03:00:00+07:00' }],
    });
    const initial = (await am.request({ method: 'GET', url: `/api/contacts/${contact.id}/consents` })).json();
    expect(initial.channels).toEqual([
      { channel: 'email', status: 'opted_in', allowed: true, source: 'business card', at: '2024-01-09T20:00:00.000Z' },
      { channel: 'whatsapp', status: 'unknown', allowed: false, source: null, at: null },
      { channel: 'phone', status: 'unknown', allowed: false, source: null, at: null },
      { channel: 'sms', status: 'unknown', allowed: false, source: null, at: null },
    ]);

    expect((await other.request({ method: 'PUT', url: `/api/contacts/${contact.id}/consents`, payload: { changes: [{ channel: 'email', status: 'opted_out', source: 'phone call' }] } })).statusCode).toBe(403);
    await consent(am, contact.id, 'email', 'opted_out');
    const later = await consent(am, contact.id, 'email', 'opted_in');
    expect(later.history.map((e: { status: string }) => e.status)).toEqual(['opted_in', 'opted_out']);
    expect(later.history[0]).toMatchObject({ channel: 'email', source: 'webinar registration form', recordedBy: am.user.id });

    const duplicate = await am.request({
      method: 'PUT',
      url: `/api/contacts/${contact.id}/consents`,
      payload: { changes: [{ channel: 'sms', status: 'opted_in', source: 'x' }, { channel: 'sms', status: 'opted_out', source: 'y' }] },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details.issues[0].field).toBe('body.changes.1.channel');
    const badChannel = await am.request({ method: 'PUT', url: `/api/contacts/${contact.id}/consents`, payload: { changes: [{ channel: 'fax', status: 'opted_in', source: 'x' }] } });
    expect(badChannel.json().error.details.issues[0].field).toBe('body.changes.0.channel');
  });

  // ---------------------------------------------------------------------------------------------
  // WhatsApp templates and click-to-chat
  // ---------------------------------------------------------------------------------------------

  it('manages WhatsApp templates and builds a click-to-chat link from one, refused only after an opt-out', async () => {
    const marcomm = await h.makeUser('marcomm');
    const am = await h.makeUser('account_manager', { name: 'Budi Hartono' });
    const { account, journey, solution } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id, { fullName: 'Sari Dewi', whatsapp: '0812-3456-7890' });
    const name = `Undangan demo ${journey.id}`;

    const unknownPlaceholder = await marcomm.request({ method: 'POST', url: '/api/whatsapp-templates', payload: { name, language: 'id', body: 'Halo {{nama}}' } });
    expect(unknownPlaceholder.statusCode).toBe(400);
    expect(unknownPlaceholder.json().error.details.issues[0]).toMatchObject({ field: 'body.body' });
    expect((await am.request({ method: 'POST', url: '/api/whatsapp-templates', payload: { name, language: 'id', body: 'Halo' } })).statusCode).toBe(403);

    const created = await marcomm.request({
      method: 'POST',
      url: '/api/whatsapp-templates',
      payload: { name, language: 'id', body: 'Halo Bu {{firstName}} dari {{account}}, saya {{sender}}. Boleh kami jadwalkan demo {{solution}}?' },
    });
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template.placeholders).toEqual(['firstName', 'account', 'sender', 'solution']);
    expect((await marcomm.request({ method: 'POST', url: '/api/whatsapp-templates', payload: { name, language: 'id', body: 'lagi' } })).statusCode).toBe(409);
    expect((await am.request({ method: 'GET', url: '/api/whatsapp-templates' })).json().items.map((x: { id: string }) => x.id)).toContain(template.id);

    const link = (query: string) => am.request({ method: 'GET', url: `/api/contacts/${contact.id}/whatsapp-link${query}` });
    // A person-to-person chat the seller starts by hand: allowed until the contact opts out.
    expect((await link('')).json()).toEqual({ url: 'https://wa.me/6281234567890', phone: '+6281234567890', text: '' });
    await consent(am, contact.id, 'whatsapp', 'opted_in');

    expect((await link('')).json()).toEqual({ url: 'https://wa.me/6281234567890', phone: '+6281234567890', text: '' });
    const needsJourney = await link(`?templateId=${template.id}`);
    expect(needsJourney.statusCode).toBe(400);
    expect(needsJourney.json().error.details.issues[0].field).toBe('query.journeyId');
    const filled = (await link(`?templateId=${template.id}&journeyId=${journey.id}`)).json();
    const text = `Halo Bu Sari dari ${account.name}, saya Budi Hartono. Boleh kami jadwalkan demo ${solution.name}?`;
    expect(filled).toEqual({ url: `https://wa.me/6281234567890?text=${encodeURIComponent(text)}`, phone: '+6281234567890', text });

    const patched = await marcomm.request({ method: 'PATCH', url: `/api/whatsapp-templates/${template.id}`, payload: { body: 'Halo {{name}}', version: 1 } });
    expect(patched.json()).toMatchObject({ body: 'Halo {{name}}', version: 2, placeholders: ['name'] });
    expect((await marcomm.request({ method: 'PATCH', url: `/api/whatsapp-templates/${template.id}`, payload: { body: 'x', version: 1 } })).statusCode).toBe(409);

    await consent(am, contact.id, 'whatsapp', 'opted_out');
    const refused = await link(`?templateId=${template.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'consent_refused', details: { channel: 'whatsapp' } });

    expect((await marcomm.request({ method: 'DELETE', url: `/api/whatsapp-templates/${template.id}?version=1` })).statusCode).toBe(409);
    expect((await marcomm.request({ method: 'DELETE', url: `/api/whatsapp-templates/${template.id}?version=2` })).statusCode).toBe(200);
    expect((await am.request({ method: 'GET', url: `/api/whatsapp-templates/${template.id}` })).statusCode).toBe(404);
  });

  // ---------------------------------------------------------------------------------------------
  // The WhatsApp Cloud API webhook
  // ---------------------------------------------------------------------------------------------

  async function configureWhatsapp() {
    const saved = await admin.request({ method: 'PUT', url: '/api/admin/whatsapp', payload: { appSecret, verifyToken } });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(appSecret);
    expect(saved.json()).toMatchObject({ appSecretSet: true, verifyTokenSet: true, webhookPath: '/api/hooks/whatsapp' });
  }

  function post(body: string, headers: Record<string, string> = { 'x-hub-signature-256': signatureFor(body, appSecret) }) {
    return h.app.inject({ method: 'POST', url: '/api/hooks/whatsapp', payload: body, headers: { 'content-type': 'application/json', ...headers } });
  }

  async function rows() {
    const inbound = await t.db.kysely.selectFrom('inbound_messages').selectAll().execute();
    const activities = await t.db.kysely.selectFrom('activities').selectAll().where('type', '=', 'whatsapp').execute();
    return { inbound, activities };
  }

  it('answers Meta’s verification with the challenge only for the stored verify token', async () => {
    const url = (token: string) => `/api/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    expect((await h.app.inject({ method: 'GET', url: url(verifyToken) })).statusCode).toBe(403);
    await configureWhatsapp();
    const ok = await h.app.inject({ method: 'GET', url: url(verifyToken) });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.body).toBe('1158201444');
    expect((await h.app.inject({ method: 'GET', url: url('wrong-token-123') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: `/api/hooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${verifyToken}&hub.challenge=1` })).statusCode).toBe(403);
  });

  it('logs a signed message as a WhatsApp activity for the matched contact and its one open journey, once however often it is delivered', async () => {
    await configureWhatsapp();
    const am = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id, { whatsapp: '0812 3456 7890' });
    const body = delivery([{ from: '6281234567890', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MA', text: 'Halo, saya tertarik dengan demo minggu depan.' }]);

    const first = await post(body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: 1, recorded: 1 });
    const again = await post(body);
    expect(again.json()).toEqual({ received: 1, recorded: 0 });

    const { inbound, activities } = await rows();
    expect(activities).toHaveLength(1);
    const [activity] = await activitiesOf(account.id);
    expect(activity).toMatchObject({ type: 'whatsapp', accountId: account.id, journeyId: journey.id, notes: 'Halo, saya tertarik dengan demo minggu depan.', occurredAt: '2024-05-01T00:00:00.000Z', createdBy: null });
    expect(activity?.participants.contactIds).toEqual([contact.id]);
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ from_phone: '+6281234567890', provider_message_id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MA', contact_id: contact.id, account_id: account.id, activity_id: activity?.id, status: 'matched' });
  });

  it('counts a reply from a running WhatsApp campaign’s audience as its response, opening the journey with the message as the touch', async () => {
    await configureWhatsapp();
    const am = await h.makeUser('account_manager');
    const { account, solution } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id, { whatsapp: '0812 3456 7890' });
    const marketer = await h.makeUser('marcomm');
    const segment = json<{ id: string }>(await marketer.request({ method: 'POST', url: '/api/segments', payload: { name: 'Satu akun', rule: { field: 'account.name', op: 'eq', value: account.name } } }));
    const other = await makeSolution(h, 'Zero Trust Network Access');
    const created = json<{ id: string; version: number }>(
      await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'Promo ZTNA via WhatsApp', type: 'campaign', channels: ['whatsapp_business'], solutionId: other.id, segmentId: segment.id } }),
    );
    expect((await marketer.request({ method: 'POST', url: `/api/campaigns/${created.id}/launch`, payload: { version: created.version } })).statusCode).toBe(200);

    const body = delivery([{ from: '6281234567890', id: 'wamid.reply-1', text: 'Boleh minta info harga ZTNA?' }]);
    expect((await post(body)).json()).toEqual({ received: 1, recorded: 1 });

    const responses = json<{ items: Array<{ kind: string; source: string; contactId: string; journeyEffect: string }> }>(await marketer.request({ method: 'GET', url: `/api/campaigns/${created.id}/responses` })).items;
    expect(responses).toMatchObject([{ kind: 'replied', source: 'hook', contactId: contact.id, journeyEffect: 'opened' }]);
    const { inbound, activities } = await rows();
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ type: 'whatsapp', notes: 'Boleh minta info harga ZTNA?' });
    expect(inbound[0]).toMatchObject({ status: 'matched', activity_id: activities[0]!.id, contact_id: contact.id });
    const journeys = json<{ items: Array<{ solutionId: string; stage: string }> }>(await am.request({ method: 'GET', url: `/api/journeys?accountId=${account.id}` })).items;
    expect(journeys.map((j) => [j.solutionId, j.stage]).sort()).toEqual([[other.id, 'knowledge'], [solution.id, 'knowledge']].sort());

    // A STOP is an opt-out, never a response.
    await post(delivery([{ from: '6281234567890', id: 'wamid.reply-2', text: 'STOP' }]));
    expect(json<{ items: unknown[] }>(await marketer.request({ method: 'GET', url: `/api/campaigns/${created.id}/responses` })).items).toHaveLength(1);
  });

  it('answers 401 to unsigned or badly signed deliveries and stores nothing', async () => {
    await configureWhatsapp();
    const am = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    await contactWithEmail(am, account.id, { whatsapp: '+6281234567890' });
    const body = delivery([{ from: '6281234567890', id: 'wamid.forged', text: 'STOP' }]);

    const unsigned = await post(body, {});
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('invalid_signature');
    expect((await post(body, { 'x-hub-signature-256': signatureFor(body, 'another-secret') })).statusCode).toBe(401);
    expect((await post(body, { 'x-hub-signature-256': 'sha256=nothex' })).statusCode).toBe(401);
    // Signed over different bytes (the same JSON, re-serialised).
    expect((await post(JSON.stringify(JSON.parse(body), null, 2), { 'x-hub-signature-256': signatureFor(body, appSecret) })).statusCode).toBe(401);

    const { inbound, activities } = await rows();
    expect(inbound).toEqual([]);
    expect(activities).toEqual([]);
    expect(await t.db.kysely.selectFrom('contact_consents').selectAll().execute()).toEqual([]);
  });

  it('refuses every delivery while no app secret is configured', async () => {
    const body = delivery([{ from: '6281234567890', id: 'wamid.x', text: 'Halo' }]);
    expect((await post(body)).statusCode).toBe(401);
    expect((await rows()).inbound).toEqual([]);
  });

  it('is exempt from the same-origin check that guards cookie writes', async () => {
    await configureWhatsapp();
    const login = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.user.email, password: 'correct horse battery' } });
    const cookie = String(([] as string[]).concat(login.headers['set-cookie'] as string | string[])[0]).split(';')[0] as string;
    const body = delivery([{ from: '6281299990000', id: 'wamid.cross', text: 'Halo' }]);
    const response = await post(body, { 'x-hub-signature-256': signatureFor(body, appSecret), cookie, 'sec-fetch-site': 'cross-site', origin: 'https://graph.facebook.com' });
    expect(response.statusCode).toBe(200);
    // The same cross-site write with the cookie elsewhere is still refused.
    expect((await h.app.inject({ method: 'POST', url: '/api/accounts', payload: {}, headers: { cookie, 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
  });

  it('normalises a sender written 08… to +628… and matches the contact', async () => {
    await configureWhatsapp();
    const am = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id, { whatsapp: '+62 812 3456 7891' });
    const response = await post(delivery([{ from: '081234567891', id: 'wamid.national', text: 'Selamat siang' }]));
    expect(response.json()).toEqual({ received: 1, recorded: 1 });
    const { inbound } = await rows();
    expect(inbound[0]).toMatchObject({ from_phone: '+6281234567891', contact_id: contact.id, status: 'matched' });
  });

  it('keeps unknown senders as unmatched for review, and logs no journey when the account has several open ones', async () => {
    await configureWhatsapp();
    const am = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    const second = await makeJourney(h, am);
    // A second journey on the same account.
    const extra = await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId: account.id, solutionId: second.solution.id } });
    expect(extra.statusCode).toBe(201);
    await contactWithEmail(am, account.id, { whatsapp: '+6281234567892' });

    const response = await post(
      delivery([
        { from: '6281111111111', id: 'wamid.unknown', text: 'Siapa ini?' },
        { from: '6281234567892', id: 'wamid.known', text: 'Terima kasih' },
      ]),
    );
    expect(response.json()).toEqual({ received: 2, recorded: 2 });
    const unmatched = (await admin.request({ method: 'GET', url: '/api/inbound-messages?status=unmatched' })).json();
    expect(unmatched.items).toHaveLength(1);
    expect(unmatched.items[0]).toMatchObject({ fromPhone: '+6281111111111', body: 'Siapa ini?', status: 'unmatched', contactId: null, accountId: null, activityId: null });
    const [activity] = await activitiesOf(account.id);
    expect(activity).toMatchObject({ type: 'whatsapp', journeyId: null });
  });

  it('records a WhatsApp opt-out when the contact sends STOP or BERHENTI, in force at once', async () => {
    await configureWhatsapp();
    const am = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    const contact = await contactWithEmail(am, account.id, { whatsapp: '+6281234567893' });
    await consent(am, contact.id, 'whatsapp', 'opted_in');
    await consent(am, contact.id, 'email', 'opted_in');
    expect((await am.request({ method: 'GET', url: `/api/contacts/${contact.id}/whatsapp-link` })).statusCode).toBe(200);

    await post(delivery([{ from: '6281234567893', id: 'wamid.stop', text: 'BERHENTI' }]));
    const consents = (await am.request({ method: 'GET', url: `/api/contacts/${contact.id}/consents` })).json();
    expect(consents.channels.find((c: { channel: string }) => c.channel === 'whatsapp')).toMatchObject({ status: 'opted_out', allowed: false, source: 'whatsapp_stop_message' });
    expect(consents.channels.find((c: { channel: string }) => c.channel === 'email')).toMatchObject({ status: 'opted_in', allowed: true });
    const refused = await am.request({ method: 'GET', url: `/api/contacts/${contact.id}/whatsapp-link` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.channel).toBe('whatsapp');

    // The contact record shows the consent in force too, under a new version.
    const record = json<Contact>(await am.request({ method: 'GET', url: `/api/contacts/${contact.id}` }));
    expect(record.version).toBeGreaterThan(contact.version);
    expect(record.consents.find((c) => c.channel === 'whatsapp')).toMatchObject({ granted: false, source: 'whatsapp_stop_message' });
    expect(record.consents.find((c) => c.channel === 'email')).toMatchObject({ granted: true });
  });
});
