/**
 * Whether this device had a work account chosen when it was last used, kept
 * in localStorage so the shell can send a first visit to "who am I" before
 * the database has even opened (its code and Dexie are the longest wait of a
 * first visit). The database stays the truth: once the settings are read,
 * they decide; the hint only picks what to show while they load.
 *
 * Beside it, the chosen account's id: home starts reading that person's data
 * while the settings are read, and shows it only once they name the same
 * account. localStorage is outside input (anything of this origin may have
 * written it), so the id is read only when it looks like an id. With it, the
 * keys the last visit's read of home found (store/open-ahead `HomeKeys`), so
 * that the next read asks for everything at once; checked the same way.
 */
import type { HomeKeys } from '../store/open-ahead';

export const CHOSEN_KEY = 'mcid-link.chosen';
export const CHOSEN_ID_KEY = 'mcid-link.chosen-id';
/** The keys of home's rows the last visit read (store/open-ahead `HomeKeys`), as JSON. */
export const HOME_KEYS_KEY = 'mcid-link.home-keys';
/** More profiles than a person has in practice (one of each kind, and removed ones): no guess then. */
const MAX_HINTED_PROFILES = 16;

type HintStorage = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

/** An id as the store's import accepts one (store/transfer-schema). */
const ID = /^[\w.:-]{1,128}$/;

/** The page's localStorage, or null where even reaching it throws (storage blocked). */
export function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

/**
 * True when nobody is likely chosen: the hint says so, or there is no hint
 * and no service worker controls the page (a first visit, or storage was
 * cleared). With no hint but a worker (an update from a build that kept no
 * hint), the settings are waited for.
 */
export function likelyNobodyChosen(storage: HintStorage | null, controlled: boolean): boolean {
  let hint: string | null = null;
  try {
    hint = storage?.getItem(CHOSEN_KEY) ?? null;
  } catch {
    // Storage refused (a privacy mode): no hint.
  }
  if (hint === '1') return false;
  if (hint === '0') return true;
  return !controlled;
}

/**
 * What the next visit shows while its database opens. Without `accountId`
 * (or nobody chosen) no id is kept: a hint never names someone the settings
 * may no longer name.
 */
export function rememberChosen(
  storage: HintStorage | null,
  chosen: boolean,
  accountId: string | null = null,
): void {
  try {
    storage?.setItem(CHOSEN_KEY, chosen ? '1' : '0');
    if (chosen && accountId !== null && ID.test(accountId)) {
      storage?.setItem(CHOSEN_ID_KEY, accountId);
    } else {
      storage?.removeItem?.(CHOSEN_ID_KEY);
      storage?.removeItem?.(HOME_KEYS_KEY);
    }
  } catch {
    // Only a hint: without it a later visit waits for the settings.
  }
}

/** The account the last visit had chosen, when the hint names one that looks like an id; else null. */
export function chosenAccountHint(storage: HintStorage | null): string | null {
  try {
    if (storage?.getItem(CHOSEN_KEY) !== '1') return null;
    const id = storage.getItem(CHOSEN_ID_KEY);
    return id !== null && ID.test(id) ? id : null;
  } catch {
    // Storage refused (a privacy mode): no hint.
    return null;
  }
}

const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

/**
 * The keys of the account's home rows the last visit read, or null: none
 * kept, kept for another account, or not in the shape `rememberHomeKeys`
 * writes (anything of this origin may have written it).
 */
export function homeKeysHint(storage: HintStorage | null, accountId: string): HomeKeys | null {
  let kept: unknown;
  try {
    const text = storage?.getItem(HOME_KEYS_KEY) ?? null;
    if (text === null) return null;
    kept = JSON.parse(text);
  } catch {
    return null; // Storage refused, or not JSON.
  }
  if (typeof kept !== 'object' || kept === null) return null;
  const { accountId: account, orgId, personId, profileIds } = kept as Record<string, unknown>;
  if (account !== accountId || !isId(orgId) || !isId(personId)) return null;
  if (!Array.isArray(profileIds) || profileIds.length > MAX_HINTED_PROFILES) return null;
  if (!profileIds.every(isId)) return null;
  return { accountId, orgId, personId, profileIds };
}

/** Keeps `keys` for the next visit's read; written only when they changed. */
export function rememberHomeKeys(storage: HintStorage | null, keys: HomeKeys): void {
  const { accountId, orgId, personId, profileIds } = keys;
  if (![accountId, orgId, personId, ...profileIds].every(isId)) return;
  if (profileIds.length > MAX_HINTED_PROFILES) return;
  const text = JSON.stringify({ accountId, orgId, personId, profileIds });
  try {
    if (storage?.getItem(HOME_KEYS_KEY) !== text) storage?.setItem(HOME_KEYS_KEY, text);
  } catch {
    // Only a hint: without it the next read takes three rounds.
  }
}
