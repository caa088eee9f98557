/**
 * Whether this device had a work account chosen when it was last used, kept
 * in localStorage so the shell can send a first visit to "who am I" before
 * the database has even opened (its code and Dexie are the longest wait of a
 * first visit). The database stays the truth: once the settings are read,
 * they decide; the hint only picks what to show while they load.
 */
export const CHOSEN_KEY = 'mcid-link.chosen';

type HintStorage = Pick<Storage, 'getItem' | 'setItem'>;

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

export function rememberChosen(storage: HintStorage | null, chosen: boolean): void {
  try {
    storage?.setItem(CHOSEN_KEY, chosen ? '1' : '0');
  } catch {
    // Only a hint: without it a later visit waits for the settings.
  }
}
