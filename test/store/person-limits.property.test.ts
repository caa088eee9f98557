/**
 * The per-person limits through the store (issue 15): random sequences of
 * what the individual's screens can do — link their MCID or Partner
 * University account, type a new MCID and link it, sign up for a Partner
 * University account and link it (starting with or without one on the
 * device), say "this is not my MCID", unlink, move to their other company —
 * never leave one person with a
 * 4th start in 12 months, nor two starts within 30 days, in the device's
 * data. The rules-level version, with every policy, is
 * test/rules/person-limits.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, addMonths } from '../../src/rules';
import { isStoreRefusal, type AppDb } from '../../src/store';
import {
  removeWrongMcid,
  requestLink,
  requestLinkTyped,
  requestUnlink,
} from '../../src/store/ops-link';
import { fixture } from './fixtures';

const OPS = [
  'link-learn',
  'link-pu',
  'new-mcid',
  'sign-up-pu',
  'not-mine',
  'unlink-learn',
  'unlink-pu',
] as const;

const stepArb = fc.record({
  gap: fc.integer({ min: 0, max: 40 }),
  inB: fc.boolean(),
  op: fc.constantFrom(...OPS),
});

/** Ann starts with her Partner University account on the device, or signs up for one. */
const runArb = fc.record({
  withPu: fc.boolean(),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 14 }),
});

async function startsOfAnn(db: AppDb, personId: string): Promise<string[]> {
  const profiles = await db.profiles.where('personId').equals(personId).primaryKeys();
  const rows = await db.associations.where('profileId').anyOf(profiles).toArray();
  return rows.map((a) => a.startedOn).sort();
}

describe('through the store, the limits are the person’s on every path', () => {
  it(
    'no sequence of actions starts a 4th association in 12 months or two within 30 days',
    { timeout: 120_000 },
    async () => {
      let typed = 0;
      await fc.assert(
        fc.asyncProperty(runArb, async ({ withPu, steps }) => {
          const f = await fixture();
          // Without one, her Partner University account comes from signing up.
          if (!withPu) await f.db.profiles.delete(f.annPu.id);
          const personId = f.annA.personId;
          let day = '2026-11-25';
          for (const step of steps) {
            day = addDays(day, step.gap);
            const now = new Date(`${day}T12:00:00Z`);
            const account = step.inB ? f.annB : f.annA;
            const me = { actorAccountId: account.id, accountId: account.id };
            const theirs = await f.db.profiles.where('personId').equals(personId).toArray();
            const learn = theirs.find((p) => p.kind === 'learn' && p.mcid !== null);
            const pu = theirs.find((p) => p.kind === 'partner-university');
            const linkOf = async (id: string | undefined) =>
              id
                ? f.db.associations
                    .where('profileId')
                    .equals(id)
                    .filter((a) => !a.endedOn)
                    .first()
                : undefined;
            try {
              switch (step.op) {
                case 'link-learn':
                  if (learn) await requestLink(f.db, { ...me, profileId: learn.id }, now);
                  break;
                case 'link-pu':
                  if (pu) await requestLink(f.db, { ...me, profileId: pu.id }, now);
                  break;
                case 'new-mcid':
                  typed += 1;
                  await requestLinkTyped(f.db, { ...me, mcid: String(5_000_000 + typed) }, now);
                  break;
                case 'sign-up-pu':
                  await requestLinkTyped(f.db, { ...me, puName: `ann ${String(typed)}` }, now);
                  break;
                case 'not-mine': {
                  // From the account holding its link, as the app requires (rule 2).
                  const held = await linkOf(learn?.id);
                  if (learn) {
                    const actor = held?.accountId ?? account.id;
                    await removeWrongMcid(
                      f.db,
                      { actorAccountId: actor, profileId: learn.id },
                      now,
                    );
                  }
                  break;
                }
                case 'unlink-learn':
                  if (learn) await requestUnlink(f.db, { ...me, profileId: learn.id }, now);
                  break;
                case 'unlink-pu':
                  if (pu) await requestUnlink(f.db, { ...me, profileId: pu.id }, now);
                  break;
              }
            } catch (error) {
              if (!isStoreRefusal(error)) throw error;
            }
          }
          const starts = await startsOfAnn(f.db, personId);
          starts.forEach((s, i) => {
            const previous = starts[i - 1];
            if (previous !== undefined) expect(daysBetween(previous, s)).toBeGreaterThanOrEqual(30);
            const closes = addMonths(s, 12);
            expect(starts.filter((t) => t >= s && t < closes).length).toBeLessThanOrEqual(3);
          });
          const theirsNow = await f.db.profiles.where('personId').equals(personId).toArray();
          const mcids = theirsNow.filter((p) => p.kind === 'learn' && p.mcid !== null);
          expect(mcids.length).toBeLessThanOrEqual(1);
          const pus = theirsNow.filter((p) => p.kind === 'partner-university');
          expect(pus.length).toBeLessThanOrEqual(1);
          f.db.close();
        }),
        { numRuns: 25 },
      );
    },
  );
});
