import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  hasErrors,
  isValidTimeZone,
  normalizeSignUp,
  validateEmail,
  validateNewPassword,
  validateSignIn,
  validateSignUp,
} from './validation';

const good = {
  email: 'ada@example.com',
  password: 'correct-horse-battery-42',
  displayName: 'Ada',
  timeZone: 'Europe/Paris',
};

describe('validateEmail', () => {
  it.each(['ada@example.com', '  ada@example.com  ', 'a.b+c@sub.example.co.uk'])('accepts %s', (email) => {
    expect(validateEmail(email)).toBeUndefined();
  });
  it('asks for an email when empty', () => {
    expect(validateEmail('   ')).toBe('Enter your email address.');
  });
  it.each(['ada', 'ada@', 'ada@example', 'ada @example.com'])('explains that %s is not an email yet', (email) => {
    expect(validateEmail(email)).toMatch(/doesn’t look like an email/);
  });
});

describe('validateNewPassword (same limits as the server: 8..128 code points)', () => {
  it('accepts 8 characters', () => {
    expect(validateNewPassword('abcdefgh')).toBeUndefined();
  });
  it('says how many characters so far when too short', () => {
    expect(validateNewPassword('abc')).toBe('Use at least 8 characters (3 so far).');
  });
  it('counts an emoji once, as the server does', () => {
    expect(codePointLength('😀😀😀😀')).toBe(4);
    expect(validateNewPassword('😀😀😀😀😀😀😀😀')).toBeUndefined();
    expect(validateNewPassword('😀😀😀😀')).toMatch(/at least 8/);
  });
  it('refuses more than 128 characters', () => {
    expect(validateNewPassword('x'.repeat(128))).toBeUndefined();
    expect(validateNewPassword('x'.repeat(129))).toBe('Use at most 128 characters.');
  });
  it('asks for a password when empty', () => {
    expect(validateNewPassword('')).toBe('Choose a password.');
  });
});

describe('validateSignUp', () => {
  it('passes good values', () => {
    expect(validateSignUp(good)).toEqual({});
    expect(hasErrors(validateSignUp(good))).toBe(false);
  });
  it('reports every field at once', () => {
    const errors = validateSignUp({ email: '', password: 'short', displayName: '  ', timeZone: 'Mars/Olympus' });
    expect(Object.keys(errors).sort()).toEqual(['displayName', 'email', 'password', 'timeZone']);
    expect(hasErrors(errors)).toBe(true);
  });
  it('needs a time zone', () => {
    expect(validateSignUp({ ...good, timeZone: '' }).timeZone).toMatch(/Choose your time zone/);
  });
  it('trims what it sends but never the password', () => {
    expect(normalizeSignUp({ ...good, email: ' ada@example.com ', displayName: ' Ada ', password: ' pw pw pw ' })).toEqual({
      ...good,
      password: ' pw pw pw ',
    });
  });
});

describe('validateSignIn', () => {
  it('needs email and password, but no length rule for existing passwords', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(validateSignIn({ email: 'ada@example.com', password: 'x' })).toEqual({});
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
