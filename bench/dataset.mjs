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

/** Day strings by offset, made once: the generator's hot loop parses no dates. */
const days = new Map();
function dayFrom(base, n) {
  const key = `${base}+${n}`;
  let out = days.get(key);
  if (out === undefined) {
    out = day(base, n);
    days.set(key, out);
  }
  return out;
}

const DEVICE_SETTINGS = {
  key: 'device',
  language: 'en',
  currentAccountId: FIRST_ACCOUNT,
  remote: { kind: 'embedded' },
  embeddedOffline: false,
  embeddedDelayMs: 0,
};

/**
 * The world's rows as a stream of chunks, `{ table, rows }`, at most `chunk`
 * people's rows each, in the order import writes them (what a row points at
 * comes first): a 100,000-person / 1,000,000-achievement world is written
 * chunk by chunk and never held whole (`npm run bench -- --large`).
 * @param {{ people?: number, perProfile?: number, unlinked?: number, chunk?: number }} [options]
 */
export function* worldChunks({
  people = 10_000,
  perProfile = 10,
  unlinked = 8,
  chunk = 5000,
} = {}) {
  yield {
    table: 'organizations',
    rows: [{ id: ORG_ID, name: 'Bench Org', domains: ['bench.example'] }],
  };
  for (let from = 0; from < people; from += chunk) {
    const to = Math.min(people, from + chunk);
    const persons = [];
    const accounts = [];
    const profiles = [];
    const achievements = [];
    const associations = [];
    for (let i = from; i < to; i++) {
      const admin = i < unlinked;
      persons.push({ id: `p${i}`, displayName: `Person ${i}` });
      accounts.push({
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
      profiles.push({
        id: `f${i}`,
        personId: `p${i}`,
        kind: 'learn',
        mcid: String(1_000_000 + i),
        label: `learner${i}@personal.example`,
      });
      if (!admin) {
        associations.push({
          id: `s${i}`,
          profileId: `f${i}`,
          accountId: `a${i}`,
          startedOn: dayFrom('2025-01-01', i % 600),
          endedOn: null,
          endReason: null,
          pendingActionId: null,
        });
      }
      for (let j = 0; j < perProfile; j++) {
        const code = CODES[(i + j) % CODES.length];
        achievements.push({
          id: `c${i}.${j}`,
          profileId: `f${i}`,
          code,
          title: `Exam ${code}`,
          kind: 'certification',
          completedOn: dayFrom('2024-06-01', (i * 7 + j * 53) % 900),
        });
      }
    }
    yield { table: 'people', rows: persons };
    yield { table: 'accounts', rows: accounts };
    yield { table: 'profiles', rows: profiles };
    yield { table: 'achievements', rows: achievements };
    yield { table: 'associations', rows: associations };
  }
  yield { table: 'settings', rows: [{ ...DEVICE_SETTINGS }] };
}

/**
 * @param {{ people?: number, perProfile?: number, unlinked?: number }} [options]
 */
export function largeExport(options = {}) {
  const t = {
    organizations: [],
    people: [],
    accounts: [],
    profiles: [],
    achievements: [],
    associations: [],
    outbox: [],
    settings: [],
    catalog: [],
  };
  for (const { table, rows } of worldChunks(options)) {
    for (const row of rows) t[table].push(row);
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
