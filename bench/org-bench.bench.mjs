// @vitest-environment happy-dom
/* global document */
/**
 * Benchmark (not a timed test) of the organization view at scale: one
 * organization with 10,000 users and 100,000 achievements (10 each), on
 * in Node, the views rendered in happy-dom:
 *
 *   npx vitest bench --run bench/org-bench.bench.mjs
 *
 * What an admin waits for:
 * 1. the report's computation (rules.skillsReport per profile, as the store's
 *    orgSkillsReport does; the IndexedDB reads are in store.bench.mjs);
 * 2. turning them into the screens' rows (orgUserRows, reportViewRows) — once per data change;
 * 3. one keystroke in a filter box (users; report with its sort), one sort click;
 * 4. designation points now and on every coming day; the CSV of the whole report;
 * 5. rendering one page (50 rows) of the users list and of the report table.
 * The data: 10 % of accounts deleted this month, 5 % moved to company B
 * a week ago, 10 % never signed in, a fifth of the achievements recent (pending).
 */
import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { afterAll, bench, describe } from 'vitest';
import { createShellState } from '../src/state/shell';
import { parseCatalog } from '../src/rules/org/catalog';
import { toCsv } from '../src/rules/org/csv';
import { designationProgress } from '../src/rules/org/points';
import {
  DEFAULT_REPORT_QUERY,
  queryReport,
  reportCsvRecords,
  reportViewRows,
} from '../src/rules/org/report-rows';
import {
  DEFAULT_USERS_QUERY,
  orgUserRows,
  orgUserRowsOn,
  queryUsers,
} from '../src/rules/org/users';
import { reportRemovalDate } from '../src/rules';
import { skillsReport } from '../src/rules/report';
import { ShellContext } from '../src/ui/context';
import { OrgView } from '../src/ui/screens/org/org-view';
import { org as orgWords } from '../src/i18n/messages/org';

const USERS = 10_000;
const PER_USER = 10;
const TODAY = '2026-11-25';
const CODES = ['AZ-900', 'AZ-104', 'AZ-305', 'AI-102', 'SC-300', 'PL-300', 'DP-100', 'MS-102'];
const A = 'org-a';
const B = 'org-b';

const day = (offset) => new Date(Date.UTC(2026, 10, 25 + offset)).toISOString().slice(0, 10);
const pad = (i) => String(i).padStart(5, '0');

function dataSet() {
  const accounts = [];
  const profiles = [];
  const achievements = [];
  const associations = [];
  const names = ['佐藤', 'Smith', '鈴木', 'García', '高橋', 'Müller', '田中', 'Nguyen'];
  for (let i = 0; i < USERS; i++) {
    const id = `u${pad(i)}`;
    const deleted = i % 10 === 3;
    const moved = i % 20 === 7;
    const never = i % 10 === 5;
    accounts.push({
      id,
      orgId: A,
      personId: `p${pad(i)}`,
      displayName: `${names[i % names.length]} ${pad(i)}`,
      email: `user${pad(i)}@contoso.example`,
      roles: i === 0 ? ['global-admin'] : [],
      createdBy: null,
      createdOn: day(-400),
      firstSignInOn: never ? null : day(-399),
      deletedOn: deleted ? day(-10) : null,
    });
    profiles.push({
      id: `l${pad(i)}`,
      personId: `p${pad(i)}`,
      kind: 'learn',
      mcid: `1${pad(i)}0`,
      label: id,
    });
    if (never) continue;
    const end = deleted ? day(-10) : moved ? day(-7) : null;
    const reason = deleted ? 'account-deleted' : moved ? 'moved' : null;
    associations.push({
      id: `s${pad(i)}`,
      profileId: `l${pad(i)}`,
      accountId: id,
      startedOn: day(-300 - (i % 50)),
      endedOn: end,
      endReason: reason,
      pendingActionId: null,
    });
    if (moved) {
      accounts.push({
        ...accounts.at(-1),
        id: `b${pad(i)}`,
        orgId: B,
        email: `user${pad(i)}@fabrikam.example`,
        deletedOn: null,
      });
      associations.push({
        id: `sb${pad(i)}`,
        profileId: `l${pad(i)}`,
        accountId: `b${pad(i)}`,
        startedOn: day(-7),
        endedOn: null,
        endReason: null,
        pendingActionId: null,
      });
    }
  }
  for (let i = 0; i < USERS; i++) {
    for (let k = 0; k < PER_USER; k++) {
      const recent = (i + k) % 5 === 0;
      achievements.push({
        id: `x${pad(i)}-${k}`,
        profileId: `l${pad(i)}`,
        code: CODES[(i + k) % CODES.length],
        title: `Exam ${k}`,
        kind: 'certification',
        completedOn: recent ? day(-(k % 9)) : day(-250 + k * 7),
      });
    }
  }
  return { accounts, profiles, achievements, associations };
}

const measured = new Map();
const facts = new Map();
const some = { iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0 };

const cpuTimes = new Map();
function record(map, name, ms) {
  const list = map.get(name) ?? [];
  list.push(ms);
  map.set(name, list);
}
/**
 * Wall time, and the process's CPU time: on a shared, loaded machine the
 * wall time waits for other processes, the CPU time is the work itself.
 */
async function timed(name, task) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await task();
  record(measured, name, performance.now() - t0);
  const c = process.cpuUsage(c0);
  record(cpuTimes, name, (c.user + c.system) / 1000);
  return value;
}

const data = dataSet();
const catalogParse = parseCatalog(readFileSync('public/catalog/sample-designations.json', 'utf8'));
if (!catalogParse.ok) throw new Error(catalogParse.problem);
const catalog = catalogParse.catalog;

const byProfile = (rows) => {
  const map = new Map();
  for (const r of rows) map.set(r.profileId, [...(map.get(r.profileId) ?? []), r]);
  return map;
};
const linksByProfile = byProfile(data.associations);
const achievementsByProfile = byProfile(data.achievements);
const accountsById = new Map(data.accounts.map((a) => [a.id, a]));
/**
 * What the store's two reads compute, without IndexedDB (store.bench.mjs
 * measures the reads themselves): the users with their link flags, and
 * rules.skillsReport one profile at a time, as orgSkillsReport does.
 */
function storeLikeUsers() {
  const active = new Set(
    data.associations.filter((a) => a.endedOn === null).map((a) => a.accountId),
  );
  // As orgUsers gives them: the pairs with a link ended (not by deletion), with
  // the pair's links and the profile's earliest achievement.
  const endedPairs = new Map();
  for (const l of data.associations) {
    if (l.endedOn === null || l.endReason === 'account-deleted') continue;
    const earliest = (achievementsByProfile.get(l.profileId) ?? []).reduce(
      (min, a) => (min === null || a.completedOn < min.completedOn ? a : min),
      null,
    );
    const links = data.associations.filter(
      (o) => o.accountId === l.accountId && o.profileId === l.profileId,
    );
    endedPairs.set(l.accountId, [{ profileId: l.profileId, links, earliest }]);
  }
  return data.accounts
    .filter((a) => a.orgId === A)
    .map((account) => ({
      account,
      state: 'signed-in',
      learnLinked: active.has(account.id),
      puLinked: false,
      removalOn: account.deletedOn === null ? null : reportRemovalDate(account.deletedOn),
      endedPairs: endedPairs.get(account.id) ?? [],
    }));
}
function storeLikeReport() {
  const rows = [];
  for (const [profileId, links] of linksByProfile) {
    const input = {
      accounts: links.map((l) => accountsById.get(l.accountId)),
      associations: links,
      achievements: achievementsByProfile.get(profileId) ?? [],
    };
    for (const row of skillsReport(input, A, TODAY)) {
      const account = accountsById.get(row.accountId);
      rows.push({ ...row, displayName: account.displayName, email: account.email });
    }
  }
  return rows;
}

let storeUsers = storeLikeUsers();
let storeReport = storeLikeReport();
let reportRows = reportViewRows(storeReport);
let userRows = orgUserRows(storeUsers, reportRows);
facts.set('users in A', storeUsers.length);
facts.set('report rows in A', storeReport.length);
facts.set('achievements in the data set', data.achievements.length);

describe('organization view with 10,000 users and 100,000 achievements', () => {
  bench(
    'rules: the skills report, one profile at a time',
    async () => {
      storeReport = await timed(
        'rules.skillsReport per profile (100,000 achievements)',
        storeLikeReport,
      );
      storeUsers = storeLikeUsers();
    },
    some,
  );
  bench(
    'derive: user rows',
    async () => {
      reportRows = reportViewRows(storeReport);
      userRows = await timed('derive: orgUserRows', () => orgUserRows(storeUsers, reportRows));
      // What the Users section does now: no report, the ended pairs through the rules.
      await timed('derive: orgUserRowsOn (users section, no report)', () =>
        orgUserRowsOn([...storeUsers], TODAY),
      );
    },
    some,
  );
  bench(
    'keystroke: filter users',
    async () => {
      const n = await timed(
        'keystroke: users filter "佐藤 0"',
        () => queryUsers(userRows, { ...DEFAULT_USERS_QUERY, text: '佐藤 0' }).length,
      );
      facts.set('users matching "佐藤 0"', n);
    },
    some,
  );
  bench(
    'keystroke: filter report',
    async () => {
      // New row objects, as a new query result brings: the first keystroke
      // builds the search keys, the next ones reuse them.
      const fresh = storeReport.map((r) => ({ ...r }));
      await timed('keystroke: first report filter "a" (builds search keys)', () =>
        queryReport(fresh, { ...DEFAULT_REPORT_QUERY, text: 'a' }),
      );
      const n = await timed(
        'keystroke: next report filter "az-104" (sorted by date)',
        () => queryReport(fresh, { ...DEFAULT_REPORT_QUERY, text: 'az-104' }).length,
      );
      facts.set('report rows matching "az-104"', n);
    },
    some,
  );
  bench(
    'click: sort report by name',
    async () => {
      await timed(
        'click: sort whole report by person (collator)',
        () => queryReport(reportRows, { ...DEFAULT_REPORT_QUERY, sort: 'name' }).length,
      );
    },
    some,
  );
  bench(
    'designation points now and on coming days',
    async () => {
      const p = await timed('designation points (sweep)', () =>
        designationProgress(storeReport, catalog, TODAY),
      );
      facts.set('coming points changes', p.changes.length);
    },
    some,
  );
  bench(
    'CSV of the whole report',
    async () => {
      const labels = orgWords.en.report;
      const text = await timed('CSV of the whole report', () =>
        toCsv(
          labels.csvHeader,
          reportCsvRecords(reportRows, {
            header: labels.csvHeader,
            status: labels.statuses,
            endReason: labels.reasons,
          }),
        ),
      );
      facts.set('CSV size (MB)', Math.round(text.length / 1e5) / 10);
    },
    some,
  );
  for (const tab of ['users', 'report']) {
    bench(
      `render one page of ${tab}`,
      async () => {
        const root = document.createElement('div');
        document.body.append(root);
        const shell = createShellState({ lang: 'en', online: true, hash: `#/org/${tab}` });
        const orgData = {
          today: TODAY,
          org: { id: A, name: 'Contoso', domains: ['contoso.example'] },
          actor: { id: 'u00000', displayName: 'Admin', isAdmin: true },
          users: userRows,
          report: reportRows,
        };
        const ok = () => Promise.resolve({ ok: true });
        const actions = { addUser: ok, deleteUser: ok, saveCatalog: ok, resetCatalog: ok };
        await timed(`render: ${tab} tab, first page of 50 (happy-dom)`, () => {
          render(
            h(
              ShellContext.Provider,
              { value: shell },
              h(OrgView, { tab, data: orgData, catalog: { status: 'loading' }, actions }),
            ),
            root,
          );
        });
        facts.set(`${tab}: elements in the DOM`, root.querySelectorAll('*').length);
        render(null, root);
        root.remove();
      },
      some,
    );
  }
});

afterAll(() => {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const ms = (n) => `${n.toFixed(1).padStart(8)} ms`;
  const lines = [...measured].map(
    ([name, wall]) =>
      `  ${name.padEnd(58)} cpu ${ms(median(cpuTimes.get(name) ?? []))}   wall ${ms(median(wall))}  (n=${wall.length})`,
  );
  console.log(
    [
      '',
      'Organization view at scale (medians):',
      ...lines,
      ...[...facts].map(([k, v]) => `  ${k}: ${v}`),
    ].join('\n'),
  );
});
