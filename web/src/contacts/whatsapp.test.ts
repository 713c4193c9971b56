import { describe, expect, it } from 'vitest';
import { whatsAppLink } from './whatsapp';

describe('WhatsApp click-to-chat links', () => {
  it('uses the digits of the E.164 number', () => {
    expect(whatsAppLink('+6281234567890')).toBe('https://wa.me/6281234567890');
    expect(whatsAppLink('+65 6123 4567')).toBe('https://wa.me/6561234567');
  });

  it('adds an encoded greeting when one is given', () => {
    expect(whatsAppLink('+6281234567890', 'Selamat pagi, Bu Sari & tim')).toBe('https://wa.me/6281234567890?text=Selamat%20pagi%2C%20Bu%20Sari%20%26%20tim');
    expect(whatsAppLink('+6281234567890', '  ')).toBe('https://wa.me/6281234567890');
  });

  it('gives no link without a usable international number', () => {
    expect(whatsAppLink(null)).toBeNull();
    expect(whatsAppLink('')).toBeNull();
    expect(whatsAppLink('081234567890')).toBeNull();
    expect(whatsAppLink('+62 812 abc')).toBeNull();
    expect(whatsAppLink('+123')).toBeNull();
  });

  it('gives no link once the contact opted out of WhatsApp', () => {
    const emailOut = { channel: 'email', granted: false };
    expect(whatsAppLink('+6281234567890', undefined, [])).toBe('https://wa.me/6281234567890');
    expect(whatsAppLink('+6281234567890', undefined, [emailOut])).toBe('https://wa.me/6281234567890');
    expect(whatsAppLink('+6281234567890', undefined, [emailOut, { channel: 'whatsapp', granted: false }])).toBeNull();
    expect(whatsAppLink('+6281234567890', 'Halo', [{ channel: 'whatsapp', granted: true }])).toBe('https://wa.me/6281234567890?text=Halo');
  });
});
