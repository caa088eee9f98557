/**
 * The organization's reads as they were before issue 17 (the store's
 * `orgUsers` and `orgSkillsReport`, removed from src/store/queries-org.ts by
 * schema v5): every read derives the whole organization from the source
 * tables. Kept here, for the benchmark only, as the baseline of the paged
 * reads through the kept rows, timed on the same database in the same run
 * (bench/harness-entry.mjs, bench/store.bench.mjs). `firstUsersPage` and
 * `firstReportPage` add what the old screens then did before showing the
 * first page: the rules' rows and query over the whole organization.
 */
import { DEFAULT_POLICY, reportRemovalDate } from '../src/rules';
import { skillsReport } from '../src/rules/report';
import { pageOf } from '../src/rules/org/paging';
import { DEFAULT_REPORT_QUERY, queryReport } from '../src/rules/org/report-rows';
import { DEFAULT_USERS_QUERY, orgUserRowsOn, queryUsers } from '../src/rules/org/users';
import { whereAnyOf } from '../src/store/where';

/** @typedef {import('../src/store').AppDb} AppDb */
/** @typedef {import('../src/store').WorkAccount} WorkAccount */
/** @typedef {import('../src/store').Association} Association */
/** @typedef {import('../src/store').Achievement} Achievement */

const PROFILE_KINDS = /** @type {const} */ (['learn', 'partner-university']);
/** As in src/store/where.ts: a lookup per key costs about this many rows of a scan. */
const ROWS_PER_LOOKUP = 50;
const byText = new Intl.Collator().compare;
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function stateOf(account, learn, pu) {
  if (account.deletedOn !== null) return 'deleted';
  if (learn) return 'learn-linked';
  if (pu) return 'pu-linked';
  return account.firstSignInOn === null ? 'never-signed-in' : 'signed-in';
}

/** @param {AppDb} db @param {string} orgId @returns {Promise<WorkAccount[]>} */
const orgAccounts = (db, orgId) => db.accounts.where('orgId').equals(orgId).toArray();

async function allKinds(db) {
  const keys = await Promise.all(
    PROFILE_KINDS.map((kind) => db.profiles.where('kind').equals(kind).primaryKeys()),
  );
  const kinds = new Map();
  PROFILE_KINDS.forEach((kind, i) => {
    for (const id of keys[i] ?? []) kinds.set(id, kind);
  });
  return kinds;
}

async function kindsOf(db, ids) {
  return new Map((await whereAnyOf(db.profiles, 'id', ids)).map((p) => [p.id, p.kind]));
}

const endedNotDeleted = (link) => link.endedOn !== null && link.endReason !== 'account-deleted';

/** @param {AppDb} db @param {readonly Association[]} links */
async function endedPairsOf(db, links) {
  const pairKey = (l) => `${l.accountId}\u0000${l.profileId}`;
  const ended = new Set(links.filter(endedNotDeleted).map(pairKey));
  const byAccount = new Map();
  if (ended.size === 0) return byAccount;
  const pairs = new Map();
  for (const l of links) {
    const key = pairKey(l);
    if (!ended.has(key)) continue;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { profileId: l.profileId, links: [], earliest: null };
      pairs.set(key, pair);
      const list = byAccount.get(l.accountId);
      if (list) list.push(pair);
      else byAccount.set(l.accountId, [pair]);
    }
    pair.links.push(l);
  }
  const profileIds = [...new Set([...pairs.values()].map((p) => p.profileId))];
  const earliest = new Map();
  for (const a of await whereAnyOf(db.achievements, 'profileId', profileIds)) {
    const prev = earliest.get(a.profileId);
    if (
      !prev ||
      a.completedOn < prev.completedOn ||
      (a.completedOn === prev.completedOn && a.id < prev.id)
    )
      earliest.set(a.profileId, a);
  }
  for (const pair of pairs.values()) pair.earliest = earliest.get(pair.profileId) ?? null;
  return byAccount;
}

/** The old `orgUsers`: every user of the organization with their state, by name. */
export async function deriveOrgUsers(db, orgId, policy = DEFAULT_POLICY) {
  const [accountCount, linkCount, profileCount] = await Promise.all([
    db.accounts.where('orgId').equals(orgId).count(),
    db.associations.count(),
    db.profiles.count(),
  ]);
  if (accountCount === 0) return [];
  const many = (keys, rows) => keys * ROWS_PER_LOOKUP >= rows;
  const [accounts, scanned, everyKind] = await Promise.all([
    orgAccounts(db, orgId),
    many(accountCount, linkCount) ? db.associations.toArray() : null,
    many(accountCount, profileCount) ? allKinds(db) : null,
  ]);
  const ids = new Set(accounts.map((a) => a.id));
  const allLinks = scanned
    ? scanned.filter((l) => ids.has(l.accountId))
    : await whereAnyOf(db.associations, 'accountId', [...ids]);
  const links = allLinks.filter((l) => l.endedOn === null);
  const [kinds, endedPairs] = await Promise.all([
    everyKind ??
      kindsOf(
        db,
        links.map((l) => l.profileId),
      ),
    endedPairsOf(db, allLinks),
  ]);
  const linked = new Map();
  for (const l of links) {
    const kind = kinds.get(l.profileId);
    if (kind) linked.set(l.accountId, (linked.get(l.accountId) ?? new Set()).add(kind));
  }
  return accounts
    .map((account) => {
      const held = linked.get(account.id);
      const learnLinked = held?.has('learn') ?? false;
      const puLinked = held?.has('partner-university') ?? false;
      return {
        account,
        state: stateOf(account, learnLinked, puLinked),
        learnLinked,
        puLinked,
        removalOn: account.deletedOn === null ? null : reportRemovalDate(account.deletedOn, policy),
        endedPairs: endedPairs.get(account.id) ?? [],
      };
    })
    .sort(
      (a, b) =>
        byText(a.account.displayName, b.account.displayName) ||
        byText(a.account.email, b.account.email),
    );
}

function group(rows, key) {
  const map = new Map();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** The old `orgSkillsReport`: the whole report, derived by the rules one profile at a time. */
export async function deriveSkillsReport(db, orgId, today, policy = DEFAULT_POLICY) {
  const accounts = await orgAccounts(db, orgId);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const links = await whereAnyOf(db.associations, 'accountId', [...byId.keys()]);
  const profileIds = [...new Set(links.map((l) => l.profileId))];
  const achievements = await whereAnyOf(db.achievements, 'profileId', profileIds);
  const linksByProfile = group(links, (l) => l.profileId);
  const achievementsByProfile = group(achievements, (a) => a.profileId);
  const rows = [];
  for (const [profileId, profileLinks] of linksByProfile) {
    const input = {
      accounts: [...new Set(profileLinks.map((l) => l.accountId))].flatMap((id) => {
        const account = byId.get(id);
        return account ? [account] : [];
      }),
      associations: profileLinks,
      achievements: achievementsByProfile.get(profileId) ?? [],
    };
    for (const row of skillsReport(input, orgId, today, policy)) {
      const account = byId.get(row.accountId);
      rows.push({ ...row, displayName: account?.displayName ?? '', email: account?.email ?? '' });
    }
  }
  return rows.sort(
    (a, b) =>
      cmp(a.accountId, b.accountId) ||
      cmp(a.startedOn, b.startedOn) ||
      cmp(a.countsFrom, b.countsFrom) ||
      cmp(a.achievementId, b.achievementId),
  );
}

/** The old users tab up to its first page: every user derived, their rows, the default query. */
export async function firstUsersPage(db, orgId, today, size) {
  const rows = orgUserRowsOn(await deriveOrgUsers(db, orgId), today);
  return pageOf(queryUsers(rows, DEFAULT_USERS_QUERY), 0, size);
}

/** The old report tab up to its first page: the whole report derived, then the query (default: the screen's). */
export async function firstReportPage(db, orgId, today, size, query = DEFAULT_REPORT_QUERY) {
  const rows = await deriveSkillsReport(db, orgId, today);
  return pageOf(queryReport(rows, query), 0, size);
}
