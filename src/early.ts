/**
 * The page's first script: it runs as soon as it arrives (an async module in
 * the shell's head, vite.config.ts), while the entry and its imports are
 * still downloading and compiling. A returning visit opens the database and
 * reads home's rows from here, so they are in before the entry has run.
 */
import {
  chosenAccountHint,
  homeKeysHint,
  likelyNobodyChosen,
  pageStorage,
  rememberHomeKeys,
} from './state/chosen-hint';
import { homeKeysOf, openAhead } from './store/open-ahead';

export const storage = pageStorage();
export const nobodyChosen = likelyNobodyChosen(
  storage,
  'serviceWorker' in navigator && navigator.serviceWorker.controller !== null,
);
// Home reads this person's data while the settings are read (they decide).
export const hintedAccount = nobodyChosen ? null : chosenAccountHint(storage);
// The database opens while the code that reads it downloads, and home's rows
// are read: at once where the last visit's keys still hold.
export const homeRows = nobodyChosen
  ? null
  : openAhead({
      accountId: hintedAccount,
      keys: hintedAccount === null ? null : homeKeysHint(storage, hintedAccount),
    });
// What this read found is the next visit's guess.
void homeRows?.then((rows) => {
  if (rows) rememberHomeKeys(storage, homeKeysOf(rows));
});
