import { describe, it, expect } from 'vitest';
import { DEFAULT_POLICY, decideLink, decideUnlink, type Policy, type World } from '../../src/rules';
import { demoWorld, link, self } from './fixtures';

const TODAY = '2026-11-25';
type Assoc = World['associations'][number];

describe('decideLink: the article', () => {
  it('moves the MCID from company A to company B, ending the link to A', () => {
    const world = demoWorld([link('learn-ana', 'ana-a', '2026-01-10')]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({
      ok: true,
      ends: [{ profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-01-10' }],
    });
  });

  it('a first link ends nothing', () => {
    expect(decideLink(demoWorld(), self('ana-a'), TODAY)).toEqual({ ok: true, ends: [] });
  });

  it('gives the date of the 30-day message ("next association on XXX")', () => {
    // Linked on 10 Nov, unlinked on 12 Nov: the start still counts.
    const world = demoWorld([link('learn-ana', 'ana-a', '2026-11-10', '2026-11-12')]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-10',
    });
    expect(decideLink(world, self('ana-b'), '2026-12-09')).toMatchObject({ code: 'COOL_OFF' });
    expect(decideLink(world, self('ana-b'), '2026-12-10')).toEqual({ ok: true, ends: [] });
  });

  it('allows 3 associations a year, then says when the oldest leaves the window', () => {
    const world = demoWorld([
      link('learn-ana', 'ana-a', '2026-01-05', '2026-02-20'),
      link('learn-ana', 'bob-a', '2026-03-01', '2026-05-01'),
      link('learn-ana', 'ana-a', '2026-06-01'),
    ]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({
      ok: false,
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2027-01-05',
    });
    expect(decideLink(world, self('ana-b'), '2027-01-04')).toMatchObject({ code: 'YEARLY_LIMIT' });
    expect(decideLink(world, self('ana-b'), '2027-01-05')).toEqual({
      ok: true,
      ends: [{ profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-06-01' }],
    });
  });

  it('the cool-off counts from the start, not from the unlink', () => {
    const world = demoWorld([link('learn-ana', 'ana-a', '2026-10-20', '2026-11-24')]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({ ok: true, ends: [] });
  });
});

describe('decideLink: access (rule 1)', () => {
  it.each([
    ['unknown account', 'nobody'],
    ['deleted before today', 'gone-a'],
    ['email outside the organization', 'gmail-a'],
    ['a subdomain is another domain', 'sub-a'],
    ['malformed email', 'broken-a'],
    ['unknown organization', 'orphan'],
  ])('%s → NO_ACCESS', (_why, accountId) => {
    expect(decideLink(demoWorld(), self(accountId), TODAY)).toEqual({
      ok: false,
      code: 'NO_ACCESS',
    });
  });

  it('deletion counts from its day on', () => {
    expect(decideLink(demoWorld(), self('leaving-a'), '2026-11-30')).toMatchObject({ ok: true });
    expect(decideLink(demoWorld(), self('leaving-a'), '2026-12-01')).toMatchObject({
      code: 'NO_ACCESS',
    });
  });

  it('compares domains without regard to case', () => {
    // ana-b is Ana.Silva@FABRIKAM.example, org-b lists Fabrikam.EXAMPLE.
    expect(decideLink(demoWorld(), self('ana-b'), TODAY)).toEqual({ ok: true, ends: [] });
  });
});

describe('decideLink: one of each kind per account, one account per profile', () => {
  it('refuses a second Learn profile on the same account', () => {
    const world = demoWorld([link('learn-ana-2', 'ana-a', '2025-01-01')]);
    expect(decideLink(world, self('ana-a'), TODAY)).toEqual({
      ok: false,
      code: 'ACCOUNT_HAS_OTHER_PROFILE',
    });
  });

  it('a Partner University link sits beside the MCID', () => {
    const world = demoWorld([link('learn-ana', 'ana-a', '2026-01-01')]);
    expect(decideLink(world, self('ana-a', 'pu-ana'), TODAY)).toEqual({ ok: true, ends: [] });
    const both = demoWorld([link('pu-ana', 'ana-a', '2026-01-01')]);
    expect(decideLink(both, self('ana-a'), TODAY)).toEqual({ ok: true, ends: [] });
  });

  it('an ended link to another profile does not block', () => {
    const world = demoWorld([link('learn-ana-2', 'ana-a', '2025-01-01', '2025-02-01')]);
    expect(decideLink(world, self('ana-a'), TODAY)).toEqual({ ok: true, ends: [] });
  });

  it('refuses a second Partner University account too', () => {
    const world = demoWorld([link('pu-ana-2', 'ana-a', '2026-01-01')]);
    expect(decideLink(world, self('ana-a', 'pu-ana'), TODAY)).toMatchObject({
      code: 'ACCOUNT_HAS_OTHER_PROFILE',
    });
  });

  it('a Partner University profile needs no MCID', () => {
    expect(decideLink(demoWorld(), self('ana-a', 'pu-ana-2'), TODAY)).toMatchObject({ ok: true });
  });

  it.each(['learn-empty', 'learn-blank', 'learn-nomcid'])('%s → PROFILE_INCOMPLETE', (id) => {
    expect(decideLink(demoWorld(), self('ana-a', id), TODAY)).toEqual({
      ok: false,
      code: 'PROFILE_INCOMPLETE',
    });
  });

  it('ends every active link of the profile, in a stable order', () => {
    // Corrupt data (two active links) is repaired by the next link.
    const world = demoWorld([
      link('learn-ana', 'bob-a', '2025-06-01'),
      link('learn-ana', 'ana-a', '2025-01-01'),
    ]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({
      ok: true,
      ends: [
        { profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2025-01-01' },
        { profileId: 'learn-ana', accountId: 'bob-a', startedOn: '2025-06-01' },
      ],
    });
  });
});

describe('decideLink: per individual (rules 3 and 5)', () => {
  const withProfile = (p: World['profiles'][number], associations: Assoc[] = []): World => {
    const w = demoWorld(associations);
    w.profiles.push(p);
    return w;
  };

  it('refuses a second MCID for a person who has one', () => {
    const second = { id: 'learn-ana-3', kind: 'learn' as const, mcid: '5555555', personId: 'ana' };
    expect(decideLink(withProfile(second), self('ana-a', 'learn-ana-3'), TODAY)).toEqual({
      ok: false,
      code: 'PERSON_HAS_OTHER_MCID',
    });
    // Someone else's MCID is not the person's second one.
    expect(decideLink(demoWorld(), self('ana-a', 'learn-ana-2'), TODAY)).toMatchObject({
      ok: true,
    });
  });

  it('a removed MCID (cleared) lets a new one in, and its starts still count', () => {
    const w = withProfile({ id: 'learn-ana-3', kind: 'learn', mcid: '5555555', personId: 'ana' }, [
      link('learn-ana', 'ana-a', '2026-11-10', '2026-11-12'),
    ]);
    const wrong = w.profiles.find((p) => p.id === 'learn-ana');
    if (wrong) wrong.mcid = null;
    expect(decideLink(w, self('ana-a', 'learn-ana-3'), TODAY)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-10',
    });
    expect(decideLink(w, self('ana-a', 'learn-ana-3'), '2026-12-10')).toMatchObject({ ok: true });
  });

  it('a Partner University start counts for the Learn link, and the other way round', () => {
    const pu = demoWorld([link('pu-ana', 'ana-a', '2026-11-20')]);
    expect(decideLink(pu, self('ana-a'), TODAY)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
    const three = demoWorld([
      link('learn-ana', 'ana-a', '2026-01-05', '2026-02-20'),
      link('pu-ana', 'ana-a', '2026-03-01'),
      link('learn-ana', 'ana-b', '2026-06-01'),
    ]);
    expect(decideLink(three, self('ana-b', 'pu-ana-2'), TODAY)).toMatchObject({
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2027-01-05',
    });
  });

  it("another person's starts do not count", () => {
    const kai = demoWorld([link('learn-ana-2', 'bob-a', '2026-11-20')]);
    expect(decideLink(kai, self('ana-a'), TODAY)).toEqual({ ok: true, ends: [] });
  });
});

describe('the order of the checks', () => {
  const recent = link('learn-ana', 'ana-a', '2026-11-20');
  const cases: [string, ReturnType<typeof demoWorld>, ReturnType<typeof self>, string][] = [
    [
      'NO_ACCESS before NOT_SELF and PROFILE_INCOMPLETE',
      demoWorld(),
      { actorAccountId: 'ana-a', accountId: 'gone-a', profileId: 'learn-empty' },
      'NO_ACCESS',
    ],
    [
      'NOT_SELF before PROFILE_INCOMPLETE (an admin for a user)',
      demoWorld(),
      { actorAccountId: 'bob-a', accountId: 'ana-a', profileId: 'learn-empty' },
      'NOT_SELF',
    ],
    [
      'NOT_SELF even when everything else would pass',
      demoWorld(),
      { actorAccountId: 'bob-a', accountId: 'ana-a', profileId: 'learn-ana' },
      'NOT_SELF',
    ],
    [
      'PROFILE_INCOMPLETE before ACCOUNT_HAS_OTHER_PROFILE',
      demoWorld([link('learn-ana-2', 'ana-a', '2025-01-01')]),
      self('ana-a', 'learn-empty'),
      'PROFILE_INCOMPLETE',
    ],
    [
      'PROFILE_INCOMPLETE before PERSON_HAS_OTHER_MCID',
      demoWorld(),
      self('ana-a', 'learn-empty'),
      'PROFILE_INCOMPLETE',
    ],
    [
      'PERSON_HAS_OTHER_MCID before ALREADY_LINKED and the limits',
      (() => {
        const w = demoWorld([recent, link('learn-ana-3', 'ana-a', '2026-11-21')]);
        w.profiles.push({ id: 'learn-ana-3', kind: 'learn', mcid: '5555555', personId: 'ana' });
        return w;
      })(),
      self('ana-a', 'learn-ana-3'),
      'PERSON_HAS_OTHER_MCID',
    ],
    ['ALREADY_LINKED before the cool-off', demoWorld([recent]), self('ana-a'), 'ALREADY_LINKED'],
    [
      'ALREADY_LINKED before ACCOUNT_HAS_OTHER_PROFILE',
      demoWorld([recent, link('learn-ana-2', 'ana-a', '2025-01-01')]),
      self('ana-a'),
      'ALREADY_LINKED',
    ],
    [
      'ACCOUNT_HAS_OTHER_PROFILE before the cool-off',
      demoWorld([recent, link('learn-ana-2', 'ana-b', '2025-01-01')]),
      self('ana-b'),
      'ACCOUNT_HAS_OTHER_PROFILE',
    ],
    [
      'YEARLY_LIMIT when the window and the cool-off both block',
      demoWorld([
        link('learn-ana', 'ana-a', '2026-02-01', '2026-02-02'),
        link('learn-ana', 'bob-a', '2026-06-01', '2026-06-02'),
        link('learn-ana', 'ana-a', '2026-11-20'),
      ]),
      self('ana-b'),
      'YEARLY_LIMIT',
    ],
    ['COOL_OFF when only the cool-off blocks', demoWorld([recent]), self('ana-b'), 'COOL_OFF'],
  ];
  it.each(cases)('%s', (_name, world, req, code) => {
    expect(decideLink(world, req, TODAY)).toMatchObject({ ok: false, code });
  });

  it('a YEARLY_LIMIT refusal waits for the cool-off too when it ends later', () => {
    // Window frees on 2026-12-01, cool-off ends on 2026-12-20.
    const world = demoWorld([
      link('learn-ana', 'ana-a', '2025-12-01', '2025-12-02'),
      link('learn-ana', 'bob-a', '2026-06-01', '2026-06-02'),
      link('learn-ana', 'ana-a', '2026-11-20'),
    ]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({
      ok: false,
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2026-12-20',
    });
    expect(decideLink(world, self('ana-b'), '2026-12-01')).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
  });
});

describe('a policy with other numbers', () => {
  const strict: Policy = { ...DEFAULT_POLICY, yearlyLimit: 1, coolOffDays: 7 };
  it('uses the numbers it is given', () => {
    const world = demoWorld([link('learn-ana', 'ana-a', '2026-10-20', '2026-10-21')]);
    expect(decideLink(world, self('ana-b'), TODAY)).toEqual({ ok: true, ends: [] });
    expect(decideLink(world, self('ana-b'), TODAY, strict)).toEqual({
      ok: false,
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2027-10-20',
    });
    const slow: Policy = { ...DEFAULT_POLICY, coolOffDays: 40 };
    expect(decideLink(world, self('ana-b'), TODAY, slow)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-11-29',
    });
  });
});

describe('decideUnlink', () => {
  const world = demoWorld([
    link('learn-ana', 'ana-a', '2026-11-20'),
    link('pu-ana', 'ana-b', '2025-01-01', '2025-03-01'),
  ]);

  it('ends the active link, even inside the cool-off', () => {
    expect(decideUnlink(world, self('ana-a'), TODAY)).toEqual({
      ok: true,
      ends: [{ profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-11-20' }],
    });
  });

  it.each([
    ['no link at all', 'NOT_LINKED', self('bob-a')],
    ['the link to another account', 'NOT_LINKED', self('ana-b')],
    ['an ended link', 'NOT_LINKED', self('ana-b', 'pu-ana')],
    [
      'someone else asks',
      'NOT_SELF',
      { actorAccountId: 'bob-a', accountId: 'ana-a', profileId: 'learn-ana' },
    ],
    ['deleted account', 'NO_ACCESS', self('gone-a')],
    [
      'NO_ACCESS before NOT_SELF',
      'NO_ACCESS',
      { actorAccountId: 'ana-a', accountId: 'nobody', profileId: 'learn-ana' },
    ],
  ])('%s → %s', (_name, code, req) => {
    expect(decideUnlink(world, req, TODAY)).toEqual({ ok: false, code });
  });

  it('lets an incomplete profile go', () => {
    const w = demoWorld([link('learn-empty', 'ana-a', '2026-01-01')]);
    expect(decideUnlink(w, self('ana-a', 'learn-empty'), TODAY)).toMatchObject({ ok: true });
  });

  it('does not give the start back', () => {
    const unlinked = demoWorld([link('learn-ana', 'ana-a', '2026-11-20', TODAY)]);
    expect(decideLink(unlinked, self('ana-a'), TODAY)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
  });
});
