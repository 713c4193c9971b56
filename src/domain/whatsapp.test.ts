import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  clickToChatUrl,
  isStopMessage,
  parseWebhookPayload,
  renderTemplate,
  senderE164,
  signatureFor,
  templatePlaceholders,
  unknownPlaceholders,
  verifySignature,
} from './whatsapp.js';

const secret = 'test-app-secret';
const body = '{"object":"whatsapp_business_account","entry":[]}';
const goodHeader = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('webhook signature verification', () => {
  it('accepts the HMAC-SHA256 of the raw body keyed with the app secret', () => {
    expect(verifySignature(Buffer.from(body), goodHeader, secret)).toBe(true);
    expect(signatureFor(body, secret)).toBe(goodHeader);
  });

  it('accepts an upper-case hex digest and prefix', () => {
    expect(verifySignature(body, `SHA256=${goodHeader.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it('refuses a missing, empty or malformed header', () => {
    expect(verifySignature(body, undefined, secret)).toBe(false);
    expect(verifySignature(body, '', secret)).toBe(false);
    expect(verifySignature(body, goodHeader.slice(7), secret)).toBe(false);
    expect(verifySignature(body, 'sha256=abc', secret)).toBe(false);
    expect(verifySignature(body, `sha1=${goodHeader.slice(7)}`, secret)).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifySignature(body, signatureFor(body, 'another-secret'), secret)).toBe(false);
  });

  it('refuses a body changed by one byte, including re-serialised JSON', () => {
    expect(verifySignature(`${body} `, goodHeader, secret)).toBe(false);
    expect(verifySignature(JSON.stringify(JSON.parse(body), null, 1), goodHeader, secret)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifySignature(body, signatureFor(body, ''), '')).toBe(false);
  });
});

const fallback = '2024-05-01T00:00:00.000Z';

function delivery(messages: unknown[]) {
  return { object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages } }] }] };
}

describe('webhook payload parsing', () => {
  it('reads sender, id, time and text of each message', () => {
    const parsed = parseWebhookPayload(delivery([{ from: '6281234567890', id: 'wamid.A', timestamp: '1714521600', type: 'text', text: { body: 'Halo, minta info' } }]), fallback);
    expect(parsed).toEqual([{ providerMessageId: 'wamid.A', from: '6281234567890', receivedAt: '2024-05-01T00:00:00.000Z', body: 'Halo, minta info' }]);
  });

  it('reads messages from every entry and change', () => {
    const payload = {
      entry: [
        { changes: [{ value: { messages: [{ from: '1', id: 'a', timestamp: '1', text: { body: 'x' } }] } }, { value: { statuses: [{ id: 's' }] } }] },
        { changes: [{ value: { messages: [{ from: '2', id: 'b', timestamp: '2', text: { body: 'y' } }, { from: '3', id: 'c', timestamp: '3', text: { body: 'z' } }] } }] },
      ],
    };
    expect(parseWebhookPayload(payload, fallback).map((m) => m.providerMessageId)).toEqual(['a', 'b', 'c']);
  });

  it('names the kind of a message without text', () => {
    const [image] = parseWebhookPayload(delivery([{ from: '6281', id: 'i', timestamp: '1714521600', type: 'image', image: { id: 'media' } }]), fallback);
    expect(image?.body).toBe('[image]');
    const [button] = parseWebhookPayload(delivery([{ from: '6281', id: 'b', timestamp: '1714521600', type: 'button', button: { text: 'Ya, tertarik' } }]), fallback);
    expect(button?.body).toBe('Ya, tertarik');
  });

  it('uses the fallback time for a missing or unreadable timestamp', () => {
    const parsed = parseWebhookPayload(delivery([{ from: '6281', id: 'a', text: { body: 'x' } }, { from: '6281', id: 'b', timestamp: 'kemarin', text: { body: 'x' } }]), fallback);
    expect(parsed.map((m) => m.receivedAt)).toEqual([fallback, fallback]);
  });

  it('skips status updates, messages without id or sender, and payloads of the wrong shape', () => {
    expect(parseWebhookPayload({ entry: [{ changes: [{ value: { statuses: [{ id: 'wamid.S', status: 'read' }] } }] }] }, fallback)).toEqual([]);
    expect(parseWebhookPayload(delivery([{ from: '6281', text: { body: 'x' } }, { id: 'x', text: { body: 'x' } }, 'text', null]), fallback)).toEqual([]);
    for (const wrong of [null, 'x', 42, [], { entry: 'x' }, { entry: [{ changes: {} }] }, { entry: [null, { changes: [null, { value: 1 }] }] }]) {
      expect(parseWebhookPayload(wrong, fallback)).toEqual([]);
    }
  });
});

describe('sender normalisation', () => {
  it('adds the plus to the international digits the Cloud API sends', () => {
    expect(senderE164('6281234567890')).toEqual({ ok: true, e164: '+6281234567890' });
    expect(senderE164('6591234567')).toEqual({ ok: true, e164: '+6591234567' });
  });

  it('reads an Indonesian national number 08… as +628…', () => {
    expect(senderE164('081234567890')).toEqual({ ok: true, e164: '+6281234567890' });
  });

  it('says why a sender is not a phone number', () => {
    expect(senderE164('abc').ok).toBe(false);
    expect(senderE164('12').ok).toBe(false);
  });
});

describe('STOP messages', () => {
  it('recognises STOP and BERHENTI in any case, with trailing punctuation', () => {
    for (const text of ['STOP', 'stop', ' Berhenti ', 'BERHENTI!', 'Unsubscribe.', 'stop  all']) expect(isStopMessage(text)).toBe(true);
  });

  it('does not treat a sentence that mentions stopping as an opt-out', () => {
    for (const text of ['jangan stop dulu', 'Stop by our office tomorrow?', 'berhenti langganan majalah', '']) expect(isStopMessage(text)).toBe(false);
  });
});

describe('templates and click-to-chat links', () => {
  it('lists the placeholders a body uses, once each', () => {
    expect(templatePlaceholders('Halo {{firstName}}, dari {{ sender }} untuk {{account}}. Salam, {{sender}}')).toEqual(['firstName', 'sender', 'account']);
  });

  it('names placeholders Difusi cannot fill', () => {
    expect(unknownPlaceholders('Halo {{name}} {{diskon}} {{solution}} {{x1}}')).toEqual(['diskon', 'x1']);
  });

  it('fills the placeholders and leaves text without them alone', () => {
    expect(renderTemplate('Halo {{firstName}} dari {{account}}, saya {{ sender }}.', { firstName: 'Sari', account: 'PT Maju', sender: 'Budi' })).toBe('Halo Sari dari PT Maju, saya Budi.');
    expect(renderTemplate('Tanpa isian', {})).toBe('Tanpa isian');
  });

  it('builds a wa.me link from the E.164 digits with the encoded text', () => {
    expect(clickToChatUrl('+6281234567890', 'Halo Bu Sari & tim?')).toBe('https://wa.me/6281234567890?text=Halo%20Bu%20Sari%20%26%20tim%3F');
    expect(clickToChatUrl('+6281234567890', '')).toBe('https://wa.me/6281234567890');
  });
});
