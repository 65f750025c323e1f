// Checks done before anything is sent. The server re-checks everything; these only save a round trip and give
// friendly, specific wording. Keep the limits in step with the server's PasswordPolicy (8..128 code points).

import { i18n } from '../i18n';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface SignInValues {
  email: string;
  password: string;
}

export interface SignUpValues {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
}

// Deliberately loose: something@something.something, no spaces. The server has the final word.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(raw: string): string | undefined {
  const email = raw.trim();
  if (!email) return i18n.t('validation.emailMissing');
  if (!EMAIL_SHAPE.test(email)) return i18n.t('validation.emailShape');
  return undefined;
}

/** Length in code points, as the server counts it (an emoji counts once). */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

export function validateNewPassword(password: string): string | undefined {
  if (!password) return i18n.t('validation.passwordMissing');
  const length = codePointLength(password);
  if (length < PASSWORD_MIN_LENGTH) return i18n.t('validation.passwordShort', { min: PASSWORD_MIN_LENGTH, count: length });
  if (length > PASSWORD_MAX_LENGTH) return i18n.t('validation.passwordLong', { max: PASSWORD_MAX_LENGTH });
  return undefined;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: timeZone.trim() });
    return true;
  } catch {
    return false;
  }
}

export function validateSignIn(values: SignInValues): FieldErrors<keyof SignInValues> {
  const errors: FieldErrors<keyof SignInValues> = {};
  const email = validateEmail(values.email);
  if (email) errors.email = email;
  // No length rule here: an old password may predate today's policy.
  if (!values.password) errors.password = i18n.t('validation.passwordEnter');
  return errors;
}

export function validateSignUp(values: SignUpValues): FieldErrors<keyof SignUpValues> {
  const errors: FieldErrors<keyof SignUpValues> = {};
  const email = validateEmail(values.email);
  if (email) errors.email = email;
  const password = validateNewPassword(values.password);
  if (password) errors.password = password;
  if (!values.displayName.trim()) errors.displayName = i18n.t('validation.displayName');
  if (!values.timeZone.trim()) errors.timeZone = i18n.t('validation.timeZoneMissing');
  else if (!isValidTimeZone(values.timeZone)) errors.timeZone = i18n.t('validation.timeZoneUnknown');
  return errors;
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}

/** Cleans values before sending: trimmed email, name and zone; the password exactly as typed. */
export function normalizeSignUp(values: SignUpValues): SignUpValues {
  return {
    email: values.email.trim(),
    password: values.password,
    displayName: values.displayName.trim(),
    timeZone: values.timeZone.trim(),
  };
}

export function normalizeSignIn(values: SignInValues): SignInValues {
  return { email: values.email.trim(), password: values.password };
}
