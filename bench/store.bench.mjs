/**
 * Benchmark (not a timed test) of the store at scale, on fake-indexeddb in
 * Node (a real browser's IndexedDB is faster for bulk writes; the shape of
 * the figures is what matters):
 *
 *   npx vitest bench --run bench/store.bench.mjs
 *
 * 1. Validate, then load 10,000 work accounts (one organization holds 5,000 of them),
 *    10,000 Learn profiles, 100,000 achievements and 10,000 associations
 *    through the store's import: the whole file is validated, then written
 *    in one transaction.
 * 2. Read the big organization's first page of the skills report (50,000
 *    achievements) and of its users list through the rows the store keeps,
 *    the same derived on read as before issue 17 (bench/derive-on-read.mjs),
 *    and one person's "My Learn profile" view.
 * 3. The operations one by one: 1,000 accounts added by an admin, 1,000 link
 *    requests (each a decision + effect + outbox entry in one transaction).
 * 4. Export everything.
 * Each step runs once (a sample is a whole step); the times are printed at the end.
 */
import { afterAll, bench, describe } from 'vitest';
import { myView, openDb } from '../src/store';
import { addLearningProfile } from '../src/store/ops-profile';
import { addWorkAccount } from '../src/store/ops-org';
import { orgReportPage, orgUsersPage } from '../src/store/queries-org';
import { DEFAULT_REPORT_QUERY } from '../src/rules/org/report-rows';
import { DEFAULT_USERS_QUERY } from '../src/rules/org/users';
import { deriveOrgUsers, deriveSkillsReport } from './derive-on-read.mjs';
import { requestLink } from '../src/store/ops-link';
import { exportJson, importJson, parseExport } from '../src/store/transfer';

// STORE_BENCH_SCALE=0.1 runs a tenth of the data set, for a quick look.
const SCALE = Number(process.env.STORE_BENCH_SCALE ?? '1');
const ACCOUNTS = Math.round(10_000 * SCALE);
const BIG_ORG_ACCOUNTS = ACCOUNTS / 2;
const ORGS = 10;
const PER_PROFILE = 10;
const OPS = Math.round(1_000 * Math.min(1, SCALE * 10));
const NOW = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';
const CODES = ['AZ-900', 'AZ-104', 'AZ-305', 'AI-102', 'SC-900', 'PL-300', 'DP-203', 'MS-900'];

const db = openDb(`bench-${crypto.randomUUID()}`);
const measured = new Map();
const facts = new Map();
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

const day = (offset) => new Date(Date.UTC(2026, 10, 25 + offset)).toISOString().slice(0, 10);

/** An export file of the whole data set, built in memory (not measured). */
function exportFile() {
  const orgs = Array.from({ length: ORGS }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `Org ${i}`,
    domains: [`org${i}.example`],
  }));
  const t = { organizations: orgs, people: [], accounts: [], profiles: [], achievements: [] };
  t.associations = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const orgIndex = i < BIG_ORG_ACCOUNTS ? 0 : 1 + (i % (ORGS - 1));
    const org = orgs[orgIndex];
    const person = { id: crypto.randomUUID(), displayName: `Person ${i}` };
    const account = {
      id: crypto.randomUUID(),
      orgId: org.id,
      personId: person.id,
      displayName: person.displayName,
      email: `user${i}@${org.domains[0]}`,
      roles: i === 0 || i === BIG_ORG_ACCOUNTS ? ['global-admin'] : [],
      createdBy: null,
      createdOn: '2024-01-01',
      firstSignInOn: i % 7 === 0 ? null : '2024-01-02',
      deletedOn: i % 50 === 0 && i > 0 ? day(-(i % 40)) : null,
    };
    const profile = {
      id: crypto.randomUUID(),
      personId: person.id,
      kind: 'learn',
      mcid: String(10_000_000 + i),
      label: `p${i}@outlook.example`,
    };
    t.people.push(person);
    t.accounts.push(account);
    t.profiles.push(profile);
    const startedOn = day(-(i % 360));
    const ended = account.deletedOn !== null;
    t.associations.push({
      id: crypto.randomUUID(),
      profileId: profile.id,
      accountId: account.id,
      startedOn: ended && account.deletedOn < startedOn ? account.deletedOn : startedOn,
      endedOn: ended ? account.deletedOn : null,
      endReason: ended ? 'account-deleted' : null,
      pendingActionId: null,
    });
    for (let k = 0; k < PER_PROFILE; k++) {
      t.achievements.push({
        id: crypto.randomUUID(),
        profileId: profile.id,
        code: CODES[(i + k) % CODES.length],
        title: `Certification ${k}`,
        kind: 'certification',
        completedOn: day(-((i * 7 + k * 37) % 700)),
      });
    }
  }
  t.outbox = [];
  t.settings = [];
  t.catalog = [];
  const file = {
    format: 'mcid-link-export',
    version: 1,
    exportedAt: NOW.toISOString(),
    personalData: true,
    notice: 'bench',
    tables: t,
  };
  return { text: JSON.stringify(file), bigOrg: orgs[0], admin: t.accounts[0] };
}

let prepared = null;
let world = null;

async function timed(name, task) {
  console.log(`… ${name}`);
  const start = performance.now();
  await task();
  measured.set(name, performance.now() - start);
}

// `async` on purpose: tinybench calls a plain function once to see whether it
// returns a promise, which would run a prepared step early.
async function run() {
  if (!prepared) throw new Error('not prepared');
  const current = prepared;
  prepared = null;
  await current();
}

function step(name, prepare) {
  bench(name, run, {
    ...once,
    setup: async (_task, mode) => {
      if (mode !== 'run') return;
      const task = await prepare();
      prepared = () => timed(name, task);
    },
  });
}

describe(`store at scale: ${ACCOUNTS} accounts and profiles, ${ACCOUNTS * PER_PROFILE} achievements`, () => {
  step('validate the import file only (JSON + schema + references)', () => {
    world = exportFile();
    facts.set('import file size', `${(world.text.length / 1024 / 1024).toFixed(1)} MB`);
    return async () => {
      parseExport(world.text);
    };
  });

  step('import all (validate + one transaction)', () => {
    return async () => {
      const summary = await importJson(db, world.text);
      if (summary.achievements !== ACCOUNTS * PER_PROFILE) throw new Error('not all imported');
      facts.set('rows imported', String(Object.values(summary).reduce((n, c) => n + c, 0)));
    };
  });

  step('skills report of the big organization, first page (kept rows)', () => async () => {
    const page = await orgReportPage(db, world.bigOrg.id, TODAY, DEFAULT_REPORT_QUERY, 0, 50);
    facts.set('report rows (default query)', page.total.toLocaleString('en'));
  });

  step('users of the big organization, first page (kept rows)', () => async () => {
    const page = await orgUsersPage(db, world.bigOrg.id, DEFAULT_USERS_QUERY, 0, 50);
    facts.set('users listed (default query)', page.total.toLocaleString('en'));
  });

  step('skills report of the big organization, derived on read (before #17)', () => async () => {
    const rows = await deriveSkillsReport(db, world.bigOrg.id, TODAY);
    facts.set('report rows', rows.length.toLocaleString('en'));
  });

  step('users of the big organization, derived on read (before #17)', () => async () => {
    const users = await deriveOrgUsers(db, world.bigOrg.id);
    facts.set('users listed', users.length.toLocaleString('en'));
  });

  step('one person’s My Learn profile view', () => async () => {
    const view = await myView(db, world.admin.id, TODAY);
    if (!view) throw new Error('no view');
  });

  step(`${OPS.toLocaleString('en')} accounts added by an admin (ops)`, () => async () => {
    for (let i = 0; i < OPS; i++) {
      const account = await addWorkAccount(
        db,
        {
          actorAccountId: world.admin.id,
          orgId: world.bigOrg.id,
          displayName: `New ${i}`,
          email: `new${i}@org0.example`,
        },
        NOW,
      );
      await addLearningProfile(db, {
        personId: account.personId,
        kind: 'learn',
        label: `new${i}@outlook.example`,
        mcid: String(20_000_000 + i),
      });
    }
  });

  step(`${OPS.toLocaleString('en')} link requests (decision + effect + outbox)`, async () => {
    const fresh = await db.accounts.where('email').startsWith('new').toArray();
    const profiles = new Map(
      (await db.profiles.where('mcid').startsWith('2').toArray()).map((p) => [p.personId, p.id]),
    );
    return async () => {
      for (const a of fresh) {
        const profileId = profiles.get(a.personId);
        await requestLink(db, { actorAccountId: a.id, accountId: a.id, profileId }, NOW);
      }
      facts.set('outbox entries', String(await db.outbox.count()));
    };
  });

  step('export all', () => async () => {
    const text = await exportJson(db, NOW);
    facts.set('export size', `${(text.length / 1024 / 1024).toFixed(1)} MB`);
  });
});

afterAll(() => {
  const lines = ['', 'store at scale (fake-indexeddb, Node):'];
  for (const [name, ms] of measured)
    lines.push(`  ${name.padEnd(58)}${ms.toFixed(0).padStart(8)} ms`);
  for (const [name, value] of facts) lines.push(`  ${name.padEnd(58)}${value.padStart(8)}`);
  console.log(lines.join('\n') + '\n');
});
