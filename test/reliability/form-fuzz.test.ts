/**
 * What a person types is fuzzed through the checks the forms use: an MCID, an
 * email, a name, a date. Each answers with a reason (or accepts), and the only
 * throws are the typed ones (`StoreRefusal`, `RulesInputError`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMAIL_PROBLEMS,
  MCID_PROBLEMS,
  RulesInputError,
  addDays,
  addMonths,
  emailDomain,
  isIsoDate,
  normalizeMcid,
  validateEmail,
  validateMcid,
} from '../../src/rules';
import { checkPlanDate, parseStepForm } from '../../src/rules/planner/form';
import { StoreRefusal } from '../../src/store';
import { addPerson, addWorkAccount } from '../../src/store/ops-org';
import { fixture, freshDb, NOW } from '../store/fixtures';

/** Text people paste: any Unicode, markup, bidi controls, spaces and digits mixed in. */
const typed = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u202Egpj.exe',
    ' 1234567 ',
    '１２３４５６７',
    '١٢٣٤٥٦٧',
    'ann@contoso.example\u0000',
    '"a b"@contoso.example',
    'ann@contoso.example<script>',
  ),
  fc.stringMatching(/^[0-9 ]{0,16}$/),
  fc.emailAddress(),
);

describe('MCID field', () => {
  it('gives a known reason or accepts exactly 5 to 12 ASCII digits', () => {
    fc.assert(
      fc.property(typed, (raw) => {
        for (const value of [raw, normalizeMcid(raw)]) {
          const problem = validateMcid(value);
          if (problem === null) expect(value).toMatch(/^[0-9]{5,12}$/);
          else expect(MCID_PROBLEMS).toContain(problem);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('email field', () => {
  it('gives a known reason or accepts an address with no markup, space or control in it', () => {
    fc.assert(
      fc.property(typed, fc.array(typed, { maxLength: 3 }), (email, domains) => {
        for (const problem of [validateEmail(email), validateEmail(email, domains)]) {
          if (problem !== null) {
            expect(EMAIL_PROBLEMS).toContain(problem);
            continue;
          }
          expect(emailDomain(email)).not.toBeNull();
          // eslint-disable-next-line no-control-regex
          expect(email.trim()).not.toMatch(/[<>"\s\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a user with any typed email is a refusal or a stored lower-case address', async () => {
    const f = await fixture();
    await fc.assert(
      fc.asyncProperty(typed, typed, async (email, name) => {
        const added = await addWorkAccount(
          f.db,
          { actorAccountId: f.adminA.id, orgId: f.orgA.id, displayName: name, email },
          NOW,
        ).catch((error: unknown) => {
          if (error instanceof StoreRefusal) return error.code;
          throw error;
        });
        if (typeof added === 'string') {
          expect(['EMAIL_DOMAIN', 'EMAIL_INVALID', 'DUPLICATE_EMAIL', 'INVALID_INPUT']).toContain(
            added,
          );
        } else {
          expect(added.email).toBe(email.trim().toLowerCase());
          expect(added.email.endsWith('@contoso.example')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('name fields', () => {
  it('store any name of 1 to 200 characters as typed (trimmed), refuse the rest', async () => {
    const db = freshDb();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(typed, fc.string({ minLength: 190, maxLength: 220 })),
        async (name) => {
          const person = await addPerson(db, { displayName: name }).catch((error: unknown) => {
            if (error instanceof StoreRefusal) return error.code;
            throw error;
          });
          const trimmed = name.trim();
          if (trimmed === '' || trimmed.length > 200) expect(person).toBe('INVALID_INPUT');
          else expect(person).toMatchObject({ displayName: trimmed });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('date fields', () => {
  it('isIsoDate answers for any value, and date arithmetic throws only RulesInputError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer(), (value, n) => {
        expect(typeof isIsoDate(value)).toBe('boolean');
        for (const run of [
          () => addDays(value as string, n),
          () => addMonths(value as string, n),
        ]) {
          try {
            expect(isIsoDate(run())).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(RulesInputError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the planner date and step form give a reason for any input, never a throw', () => {
    const dates = fc.oneof(
      typed,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('9999-12-31', '0000-01-01', '2026-02-29', '2028-02-29', '+020000-01-01'),
    );
    fc.assert(
      fc.property(dates, fc.anything(), (on, raw) => {
        const problem = checkPlanDate(on, '2026-11-25');
        expect([null, 'missing', 'malformed', 'past', 'too-far']).toContain(problem);
        const parsed = parseStepForm(raw, '2026-11-25', ['acc'], 'Certification');
        expect(typeof parsed.ok).toBe('boolean');
        const form = parseStepForm({ kind: 'certify', on, title: on }, '2026-11-25', [], 'C');
        expect(form.ok).toBe(problem === null);
      }),
      { numRuns: 1000 },
    );
  });
});
