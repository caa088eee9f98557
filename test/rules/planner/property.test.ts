/**
 * Properties over random histories and texts:
 * - a refused link's "first allowed day" is allowed, and the day before it is not;
 * - any summary survives writing and parsing back with ical.js, with every
 *   line within 75 octets.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/rules';
import { writeIcs } from '../../../src/rules/planner/ics';
import { simulatePlan } from '../../../src/rules/planner/simulate';
import { TODAY, anaData, assoc } from './fixtures';

// 1 to 4 past starts within about a year before today, alternating between A and B.
const history = fc
  .uniqueArray(fc.integer({ min: 1, max: 380 }), { minLength: 1, maxLength: 4 })
  .map((ago) => ago.sort((a, b) => b - a).map((d) => addDays(TODAY, -d)));

function associationsFor(starts: string[]) {
  return starts.map((on, i) => {
    const next = starts[i + 1];
    return assoc(i % 2 === 0 ? 'ana-a' : 'ana-b', on, next ?? null);
  });
}

describe('the planner’s first allowed day', () => {
  it('is allowed, and the day before it is not', () => {
    let refused = 0;
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 200 }), (starts, ahead) => {
        const data = anaData(associationsFor(starts));
        const active = data.associations.find((a) => a.endedOn === null);
        // Link to the account it is not on now, so ALREADY_LINKED never answers.
        const target = active?.accountId === 'ana-b' ? 'ana-a' : 'ana-b';
        const on = addDays(TODAY, ahead);
        const [step] = simulatePlan(data, [{ kind: 'link', on, accountId: target }]).steps;
        if (!step || step.decision.ok) return;
        refused += 1;
        expect(['COOL_OFF', 'YEARLY_LIMIT']).toContain(step.decision.code);
        const first = step.firstAllowedOn;
        if (first === null) throw new Error('a limit refusal without a date');
        const moved = simulatePlan(data, [{ kind: 'link', on: first, accountId: target }]);
        expect(moved.steps[0]?.decision.ok).toBe(true);
        const before = addDays(first, -1);
        if (before >= on) {
          const earlier = simulatePlan(data, [{ kind: 'link', on: before, accountId: target }]);
          expect(earlier.steps[0]?.decision.ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    // The property said something: enough runs were refusals.
    expect(refused).toBeGreaterThan(30);
  });
});

// Texts built from the characters that need care, mixed with any grapheme.
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ',',
        ';',
        '\\',
        ':',
        '"',
        '\n',
        '\r\n',
        '\r',
        '\t',
        '\u0007',
        '認定資格',
        '👩‍💻',
        ' ',
      ),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('calendar texts', () => {
  it('any summary round-trips through ical.js, folded within 75 octets', () => {
    fc.assert(
      fc.property(tricky, (summary) => {
        const ics = writeIcs([{ uid: 'u', on: '2026-12-10', summary }], {
          prodId: '-//MCID Link//Planner//JA',
          name: 'n',
          lang: 'ja',
          stamp: new Date('2026-11-25T00:00:00Z'),
        });
        for (const line of ics.split('\r\n')) {
          expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        }
        const event = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent(
          'vevent',
        );
        // Control characters other than line breaks are dropped; CR LF reads back as LF.
        const expected = summary
          .replace(/\r\n?/g, '\n')
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        expect(event?.getFirstPropertyValue('summary') ?? '').toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
