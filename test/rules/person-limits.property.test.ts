/**
 * The abuse limits hold for the individual (docs/policy.md rules 3 and 5): a
 * person who does anything the rules allow, through every path — linking
 * their MCID or their Partner University account, typing a new MCID, saying
 * "this is not my MCID", unlinking, moving to their other company — never
 * starts a 4th association in 12 months, nor two within 30 days.
 *
 * The paths are played the way the app plays them: a typed MCID is decided
 * as a candidate profile and only kept when the link goes through ("Check"
 * writes nothing), and "not my MCID" ends the profile's link and clears its
 * MCID but keeps the row, so its starts stay the person's.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideLink,
  decideUnlink,
  type Decision,
  type LinkRequest,
  type Policy,
  type World,
} from '../../src/rules';
import { runArb } from './arbitraries';
import { expectWithinLimits, follow } from './follow';
import { dayOf, plusDays, plusMonths } from './oracle';

type Profile = World['profiles'][number];

const PEOPLE = { ana: ['ana-a', 'ana-b'], kai: ['kai-a'] } as const;
type Who = keyof typeof PEOPLE;

const OPS = ['link-learn', 'link-pu', 'new-mcid', 'not-mine', 'unlink-learn', 'unlink-pu'] as const;
type Op = (typeof OPS)[number];

interface Step {
  gap: number;
  who: Who;
  account: number;
  op: Op;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  gap: fc.integer({ min: 0, max: 45 }),
  who: fc.constantFrom<Who>('ana', 'kai'),
  account: fc.integer({ min: 0, max: 1 }),
  op: fc.constantFrom(...OPS),
});

function startWorld(): World {
  return {
    organizations: [
      { id: 'org-a', domains: ['contoso.example'] },
      { id: 'org-b', domains: ['fabrikam.example'] },
    ],
    accounts: [
      { id: 'ana-a', orgId: 'org-a', email: 'ana@contoso.example' },
      { id: 'ana-b', orgId: 'org-b', email: 'ana@fabrikam.example' },
      { id: 'kai-a', orgId: 'org-a', email: 'kai@contoso.example' },
    ],
    profiles: [
      { id: 'learn-ana', kind: 'learn', mcid: '1000001', personId: 'ana' },
      { id: 'pu-ana', kind: 'partner-university', personId: 'ana' },
      { id: 'learn-kai', kind: 'learn', mcid: '1000002', personId: 'kai' },
      { id: 'pu-kai', kind: 'partner-university', personId: 'kai' },
    ],
    associations: [],
  };
}

class Person {
  private made = 0;
  constructor(
    readonly world: World,
    readonly policy: Policy,
  ) {}

  /** The person's MCID: their Learn profile that still has one. */
  learn(who: Who): Profile | undefined {
    return this.world.profiles.find((p) => p.personId === who && p.kind === 'learn' && !!p.mcid);
  }

  pu(who: Who): Profile | undefined {
    return this.world.profiles.find((p) => p.personId === who && p.kind === 'partner-university');
  }

  private apply(decision: Decision, req: LinkRequest, day: string, link: boolean): void {
    follow(this.world, decision, req, day, this.policy, link);
  }

  private link(profile: Profile | undefined, accountId: string, day: string): void {
    if (!profile) return;
    const req = { actorAccountId: accountId, accountId, profileId: profile.id };
    this.apply(decideLink(this.world, req, day, this.policy), req, day, true);
  }

  private unlink(profile: Profile | undefined, accountId: string, day: string): void {
    if (!profile) return;
    const req = { actorAccountId: accountId, accountId, profileId: profile.id };
    this.apply(decideUnlink(this.world, req, day, this.policy), req, day, false);
  }

  /** Types an MCID never seen: decided as a candidate, kept only if the link goes through. */
  private newMcid(who: Who, accountId: string, day: string): void {
    this.made += 1;
    const candidate: Profile = {
      id: `typed-${String(this.made)}`,
      kind: 'learn',
      mcid: String(2_000_000 + this.made),
      personId: who,
    };
    const world = { ...this.world, profiles: [...this.world.profiles, candidate] };
    const req = { actorAccountId: accountId, accountId, profileId: candidate.id };
    const decision = decideLink(world, req, day, this.policy);
    if (!decision.ok) return;
    this.world.profiles.push(candidate);
    this.apply(decision, req, day, true);
  }

  /** "This is not my MCID": its links end (each from the account holding it), its MCID goes. */
  private notMine(who: Who, day: string): void {
    const profile = this.learn(who);
    if (!profile) return;
    for (const a of this.world.associations.filter(
      (x) => x.profileId === profile.id && x.endedOn == null,
    )) {
      const req = { actorAccountId: a.accountId, accountId: a.accountId, profileId: profile.id };
      this.apply(decideUnlink(this.world, req, day, this.policy), req, day, false);
    }
    profile.mcid = null;
  }

  play(step: Step, day: string): void {
    const accounts = PEOPLE[step.who];
    const accountId = accounts[step.account % accounts.length] ?? accounts[0];
    switch (step.op) {
      case 'link-learn':
        this.link(this.learn(step.who), accountId, day);
        return;
      case 'link-pu':
        this.link(this.pu(step.who), accountId, day);
        return;
      case 'new-mcid':
        this.newMcid(step.who, accountId, day);
        return;
      case 'not-mine':
        this.notMine(step.who, day);
        return;
      case 'unlink-learn':
        this.unlink(this.learn(step.who), accountId, day);
        return;
      case 'unlink-pu':
        this.unlink(this.pu(step.who), accountId, day);
        return;
    }
  }

  /** Every start of the person, on any of their profiles (removed ones too). */
  starts(who: Who): string[] {
    const theirs = new Set(this.world.profiles.filter((p) => p.personId === who).map((p) => p.id));
    return this.world.associations
      .filter((a) => theirs.has(a.profileId))
      .map((a) => a.startedOn)
      .sort();
  }
}

describe('the limits are the individual’s, on every path', () => {
  it('no sequence of actions breaks the cool-off or the yearly limit for one person', () => {
    fc.assert(
      fc.property(runArb(stepArb, 60), ({ steps, policy }) => {
        const person = new Person(startWorld(), policy);
        for (const { step, day } of steps) person.play(step, day);
        for (const who of ['ana', 'kai'] as const) {
          expectWithinLimits(person.starts(who), policy);
          // One MCID per person: a new one only ever replaces one said to be wrong.
          const mcids = person.world.profiles.filter(
            (p) => p.personId === who && p.kind === 'learn' && !!p.mcid,
          );
          expect(mcids.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a person who tries every path every day gets exactly the limit (not vacuous)', () => {
    const person = new Person(startWorld(), {
      yearlyLimit: 3,
      windowMonths: 12,
      coolOffDays: 30,
      creditLagDays: 10,
      reportRefreshDay: 10,
    });
    for (let i = 0; i < 400; i++) {
      const day = plusDays('2027-01-01', i);
      for (const op of OPS) {
        for (const account of [0, 1]) person.play({ gap: 0, who: 'ana', account, op }, day);
      }
    }
    const starts = person.starts('ana');
    // The first start, 30 days, 30 days: then the window is full until the first one leaves it.
    expect(starts.slice(0, 4).map((s) => dayOf(s) - dayOf('2027-01-01'))).toEqual([
      0,
      30,
      60,
      dayOf(plusMonths('2027-01-01', 12)) - dayOf('2027-01-01'),
    ]);
    expectWithinLimits(starts, person.policy);
  });
});
