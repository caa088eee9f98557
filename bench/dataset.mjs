/**
 * The large data set of the benchmarks, as an export file of the app's own
 * format (src/store/transfer-schema.ts), so it goes in through the store's
 * import like a person's file would. Deterministic: same input, same file.
 *
 * One organization; per person one work account, one Learn profile with an
 * MCID and `perProfile` achievements. The first `unlinked` people are global
 * admins whose profile is not linked yet (the link benchmark links them one
 * per run; the cool-off forbids linking the same profile twice); everyone
 * else's profile is linked to their account, so the skills report has rows.
 */
export const ORG_ID = 'org-bench';
export const FIRST_ACCOUNT = 'a0';

const DAY = 86_400_000;
const day = (base, n) => new Date(Date.parse(base) + n * DAY).toISOString().slice(0, 10);
const CODES = ['AZ-900', 'AZ-104', 'AZ-305', 'AI-102', 'SC-900', 'PL-300', 'DP-203', 'MS-102'];

/**
 * @param {{ people?: number, perProfile?: number, unlinked?: number }} [options]
 */
export function largeExport({ people = 10_000, perProfile = 10, unlinked = 8 } = {}) {
  const t = {
    organizations: [{ id: ORG_ID, name: 'Bench Org', domains: ['bench.example'] }],
    people: [],
    accounts: [],
    profiles: [],
    achievements: [],
    associations: [],
    outbox: [],
    settings: [
      {
        key: 'device',
        language: 'en',
        currentAccountId: FIRST_ACCOUNT,
        remote: { kind: 'embedded' },
        embeddedOffline: false,
        embeddedDelayMs: 0,
      },
    ],
    catalog: [],
  };
  for (let i = 0; i < people; i++) {
    const admin = i < unlinked;
    t.people.push({ id: `p${i}`, displayName: `Person ${i}` });
    t.accounts.push({
      id: `a${i}`,
      orgId: ORG_ID,
      personId: `p${i}`,
      displayName: `Person ${i}`,
      email: `u${i}@bench.example`,
      roles: admin ? ['global-admin'] : [],
      createdBy: i === 0 ? null : FIRST_ACCOUNT,
      createdOn: '2024-01-01',
      firstSignInOn: '2024-01-02',
      deletedOn: null,
    });
    t.profiles.push({
      id: `f${i}`,
      personId: `p${i}`,
      kind: 'learn',
      mcid: String(1_000_000 + i),
      label: `learner${i}@personal.example`,
    });
    if (!admin) {
      t.associations.push({
        id: `s${i}`,
        profileId: `f${i}`,
        accountId: `a${i}`,
        startedOn: day('2025-01-01', i % 600),
        endedOn: null,
        endReason: null,
        pendingActionId: null,
      });
    }
    for (let j = 0; j < perProfile; j++) {
      const code = CODES[(i + j) % CODES.length];
      t.achievements.push({
        id: `c${i}.${j}`,
        profileId: `f${i}`,
        code,
        title: `Exam ${code}`,
        kind: 'certification',
        completedOn: day('2024-06-01', (i * 7 + j * 53) % 900),
      });
    }
  }
  return {
    format: 'mcid-link-export',
    version: 1,
    exportedAt: '2026-11-25T00:00:00.000Z',
    personalData: true,
    notice: 'Benchmark data: made-up people.',
    tables: t,
  };
}
