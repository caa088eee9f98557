/**
 * Checks of what a person types: an MCID and an official email. Each returns a
 * stable reason code (or null when fine); the UI turns the code into words.
 */

export type McidProblem = 'MCID_EMPTY' | 'MCID_NOT_DIGITS' | 'MCID_LENGTH';
export const MCID_PROBLEMS: readonly McidProblem[] = Object.freeze([
  'MCID_EMPTY',
  'MCID_NOT_DIGITS',
  'MCID_LENGTH',
]);

/**
 * Microsoft certification profile IDs are numeric. Their length is not
 * documented; the ones seen in the wild have 6 to 10 digits, so 5..12 leaves
 * room on both sides while still catching a pasted email or a typo.
 */
export const MCID_MIN_DIGITS = 5;
export const MCID_MAX_DIGITS = 12;

export function validateMcid(value: string): McidProblem | null {
  if (value === '') return 'MCID_EMPTY';
  if (!/^\d+$/.test(value)) return 'MCID_NOT_DIGITS';
  if (value.length < MCID_MIN_DIGITS || value.length > MCID_MAX_DIGITS) return 'MCID_LENGTH';
  return null;
}

export function isValidMcid(value: string): boolean {
  return validateMcid(value) === null;
}

/** What a form should store: the digits without the spaces people paste along. */
export function normalizeMcid(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * The name of a Partner University account a person signs up for on the
 * link screen (the article's step 3, "sign in or sign up"): what they sign in
 * with, shown on their cards. Trimmed; long enough for an email address.
 */
export type PuNameProblem = 'PU_NAME_EMPTY' | 'PU_NAME_LENGTH';
export const PU_NAME_MAX = 100;

export function validatePuName(value: string): PuNameProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'PU_NAME_EMPTY';
  return trimmed.length > PU_NAME_MAX ? 'PU_NAME_LENGTH' : null;
}

export type EmailProblem = 'EMAIL_EMPTY' | 'EMAIL_MALFORMED' | 'EMAIL_NOT_OFFICIAL';
export const EMAIL_PROBLEMS: readonly EmailProblem[] = Object.freeze([
  'EMAIL_EMPTY',
  'EMAIL_MALFORMED',
  'EMAIL_NOT_OFFICIAL',
]);

// A pragmatic address check (not RFC 5322's comments and quoted strings,
// which no work account uses): a dot-atom local part and a DNS host name.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A domain as compared: trimmed, lower case, without a leading `@`. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

/** The lower-case domain of a well-formed address, or null. Surrounding spaces are ignored. */
export function emailDomain(email: string): string | null {
  const value = email.trim();
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.length > 254) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return null;
  const labels = domain.split('.');
  if (domain.length > 253 || labels.length < 2) return null;
  return labels.every((l) => LABEL.test(l)) ? domain : null;
}

/**
 * Checks an address; with `domains`, also that its domain is one of them
 * (exactly, case-insensitive: a subdomain is a different domain).
 */
export function validateEmail(email: string, domains?: readonly string[]): EmailProblem | null {
  if (email.trim() === '') return 'EMAIL_EMPTY';
  const domain = emailDomain(email);
  if (domain === null) return 'EMAIL_MALFORMED';
  if (domains && !domains.some((d) => normalizeDomain(d) === domain)) return 'EMAIL_NOT_OFFICIAL';
  return null;
}

export function isOfficialEmail(email: string, domains: readonly string[]): boolean {
  return validateEmail(email, domains) === null;
}
