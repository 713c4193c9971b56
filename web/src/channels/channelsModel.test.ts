import { describe, expect, it } from 'vitest';
import { emptySmtpForm, smtpBody, smtpFormFrom, validateSmtp, type SmtpForm } from './channelsModel';

const filled: SmtpForm = { ...emptySmtpForm, host: 'smtp.integrator.co.id', port: '587', username: 'crm', password: 'rahasia', fromAddress: 'crm@integrator.co.id', fromName: 'Difusi' };

describe('the SMTP settings form', () => {
  it('accepts a complete form and sends the password only when one was typed', () => {
    expect(validateSmtp(filled, false)).toEqual({});
    expect(smtpBody(filled)).toEqual({ host: 'smtp.integrator.co.id', port: 587, security: 'starttls', username: 'crm', password: 'rahasia', fromAddress: 'crm@integrator.co.id', fromName: 'Difusi' });
    expect('password' in smtpBody({ ...filled, password: '' })).toBe(false);
    expect(smtpBody({ ...filled, password: '', clearPassword: true }).password).toBeNull();
  });

  it('names the host, port and sender address when they are missing or wrong', () => {
    expect(validateSmtp({ ...filled, host: ' ', port: '70000', fromAddress: 'crm' }, false)).toEqual({
      host: 'channels.smtp.required',
      port: 'channels.smtp.badPort',
      fromAddress: 'channels.smtp.badEmail',
    });
    expect(validateSmtp({ ...filled, port: '58a' }, false).port).toBe('channels.smtp.badPort');
  });

  it('asks for a user name when a password is typed or one is stored', () => {
    expect(validateSmtp({ ...filled, username: '' }, false).username).toBe('channels.smtp.usernameNeeded');
    expect(validateSmtp({ ...filled, username: '', password: '' }, true).username).toBe('channels.smtp.usernameNeeded');
    expect(validateSmtp({ ...filled, username: '', password: '', clearPassword: true }, true).username).toBeUndefined();
  });

  it('starts from the stored settings, never from a password', () => {
    const form = smtpFormFrom({ configured: true, host: 'h', port: 465, security: 'tls', username: 'u', passwordSet: true, fromAddress: 'a@b.id', fromName: null, updatedAt: '2024-01-01T00:00:00.000Z' });
    expect(form).toMatchObject({ host: 'h', port: '465', security: 'tls', username: 'u', password: '', fromName: '' });
    expect(smtpFormFrom({ configured: false, host: null, port: null, security: null, username: null, passwordSet: false, fromAddress: null, fromName: null, updatedAt: null })).toEqual(emptySmtpForm);
  });
});
