import { describe, expect, it } from 'vitest';
import { hasScript, localized, messageFor } from './scriptModel';

const message = (id: string, proficiency: string, division: string | null) => ({ id, proficiency, division, textId: `id ${id}`, textEn: `en ${id}` });

describe('the call script', () => {
  const messages = [message('m1', 'beginner', null), message('m2', 'advanced', 'it'), message('m3', 'advanced', null)];

  it('picks the message for the contact’s proficiency and division first', () => {
    expect(messageFor(messages, { techProficiency: 'advanced', division: 'it' })?.id).toBe('m2');
  });

  it('falls back to the message for every division, and to none', () => {
    expect(messageFor(messages, { techProficiency: 'advanced', division: 'finance' })?.id).toBe('m3');
    expect(messageFor(messages, { techProficiency: 'beginner', division: 'hr' })?.id).toBe('m1');
    expect(messageFor([message('m2', 'advanced', 'it')], { techProficiency: 'beginner', division: 'it' })).toBeNull();
  });

  it('shows the text in the user’s language', () => {
    expect(localized(messages[0]!, 'en')).toBe('en m1');
    expect(localized({ statementId: 'Kepemimpinan produk', statementEn: 'Product leadership' }, 'id')).toBe('Kepemimpinan produk');
  });

  it('hides the script when the positioning is missing or empty', () => {
    expect(hasScript(null)).toBe(false);
    expect(hasScript({ pillars: [], messages: [] })).toBe(false);
    expect(hasScript({ pillars: [], messages })).toBe(true);
  });
});
