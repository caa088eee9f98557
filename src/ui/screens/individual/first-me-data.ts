/**
 * Home before the data state has started (a returning visit): the rows the
 * page read first (state/first-rows), as the data the individual's screens
 * need.
 */
import { signal } from '@preact/signals';
import type { FirstRows } from '../../../state/first-rows';
import { dataStarted, firstView } from '../../../state/first-view';
import type { MeData } from './me-data';
import { meData } from './use-me-data';

/**
 * Home's data made of the rows the page read first, with the settings they
 * hold deciding whose view it is. Nothing else is known yet: no queue (the
 * data state's outbox follows at once), no accounts to choose from. An
 * action waits for the data state, then is the data state's.
 */
export function firstMeData({ rows, data }: FirstRows, now: () => Date = () => new Date()): MeData {
  const { today, currentAccountId, view } = firstView(rows, now);
  const later = dataStarted(data).then(meData);
  return {
    today,
    currentAccountId: signal(currentAccountId),
    // No view (another account's settings, or rows that cannot make it): loading, not "gone".
    my: signal(view ?? undefined),
    outbox: signal([]),
    accounts: signal(undefined),
    chooseAccount: async (accountId) => (await later).chooseAccount(accountId),
    confirmSelf: async () => (await later).confirmSelf(),
    loadDemo: async () => (await later).loadDemo(),
    checkLink: async (profileId) => (await later).checkLink(profileId),
    checkTyped: async (typed) => (await later).checkTyped(typed),
    linkTyped: async (typed) => (await later).linkTyped(typed),
    link: async (profileId) => (await later).link(profileId),
    unlink: async (profileId) => (await later).unlink(profileId),
    removeWrongMcid: async (profileId) => (await later).removeWrongMcid(profileId),
    dismiss: async (entryId) => {
      await (await later).dismiss(entryId);
    },
  };
}
