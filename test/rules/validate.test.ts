import { describe, it, expect } from 'vitest';
import {
  EMAIL_PROBLEMS,
  MCID_PROBLEMS,
  emailDomain,
  isOfficialEmail,
  isValidMcid,
  normalizeMcid,
  validateEmail,
  validateMcid,
} from '../../src/rules';

describe('MCID', () => {
  it.each([
    ['1234567', null],
    ['12345', null],
    ['123456789012', null],
    ['', 'MCID_EMPTY'],
    ['1234', 'MCID_LENGTH'],
    ['1234567890123', 'MCID_LENGTH'],
    ['12a4567', 'MCID_NOT_DIGITS'],
    [' 1234567', 'MCID_NOT_DIGITS'],
    ['123-4567', 'MCID_NOT_DIGITS'],
    ['-1234567', 'MCID_NOT_DIGITS'],
    ['１２３４５６７', 'MCID_NOT_DIGITS'],
    ['ana@contoso.example', 'MCID_NOT_DIGITS'],
  ])('%j → %s', (value, problem) => {
    expect(validateMcid(value)).toBe(problem);
    expect(isValidMcid(value)).toBe(problem === null);
  });

  it('normalizes what people paste', () => {
    expect(normalizeMcid(' 123 456 7\n')).toBe('1234567');
  });

  it('exports its reason codes for the UI', () => {
    expect([...MCID_PROBLEMS].sort()).toEqual(['MCID_EMPTY', 'MCID_LENGTH', 'MCID_NOT_DIGITS']);
  });
});

describe('email', () => {
  const domains = ['contoso.example', '@Fabrikam.EXAMPLE'];

  it.each([
    ['ana@contoso.example', null],
    ['Ana.Silva@CONTOSO.example', null],
    ['ana+learn@fabrikam.example', null],
    ['  ana@contoso.example  ', null],
    ['', 'EMAIL_EMPTY'],
    ['   ', 'EMAIL_EMPTY'],
    ['ana', 'EMAIL_MALFORMED'],
    ['@contoso.example', 'EMAIL_MALFORMED'],
    ['ana@', 'EMAIL_MALFORMED'],
    ['ana@contoso', 'EMAIL_MALFORMED'],
    ['ana@@contoso.example', 'EMAIL_MALFORMED'],
    ['an a@contoso.example', 'EMAIL_MALFORMED'],
    ['ana.@contoso.example', 'EMAIL_MALFORMED'],
    ['ana@contoso..example', 'EMAIL_MALFORMED'],
    ['ana@-contoso.example', 'EMAIL_MALFORMED'],
    [`${'a'.repeat(65)}@contoso.example`, 'EMAIL_MALFORMED'],
    ['ana@gmail.example', 'EMAIL_NOT_OFFICIAL'],
    ['ana@mail.contoso.example', 'EMAIL_NOT_OFFICIAL'],
    ['ana@contoso.example.evil', 'EMAIL_NOT_OFFICIAL'],
  ])('%j → %s', (email, problem) => {
    expect(validateEmail(email, domains)).toBe(problem);
    expect(isOfficialEmail(email, domains)).toBe(problem === null);
  });

  it('without domains checks the form only', () => {
    expect(validateEmail('ana@gmail.example')).toBeNull();
    expect(validateEmail('ana@gmail')).toBe('EMAIL_MALFORMED');
  });

  it('no domains means nothing is official', () => {
    expect(validateEmail('ana@contoso.example', [])).toBe('EMAIL_NOT_OFFICIAL');
  });

  it('reads the domain in lower case', () => {
    expect(emailDomain('Ana@Contoso.EXAMPLE')).toBe('contoso.example');
    expect(emailDomain('not an email')).toBeNull();
  });

  it('exports its reason codes for the UI', () => {
    expect([...EMAIL_PROBLEMS].sort()).toEqual([
      'EMAIL_EMPTY',
      'EMAIL_MALFORMED',
      'EMAIL_NOT_OFFICIAL',
    ]);
  });
});
