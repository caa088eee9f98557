/**
 * The individual's screens' entry point to the app state: the readings they need,
 * shaped once per app state, and actions that act as the chosen account only
 * (the actor is always the account this device acts as: rule 2, only yourself).
 */
import { computed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { AppState } from '../../../state/app-state';
import { useData, useFirstRows, type FirstRows } from '../../data-context';
import type { MeData } from './me-data';
import type { ActionResult } from './view-model';

/**
 * The data state's readings. A screen that can draw the page's first rows
 * (home: `fromFirstRows`) has them until the data state has its view: a
 * returning visit, before the storage code has even loaded.
 */
export function useMeData(fromFirstRows?: (first: FirstRows) => MeData): MeData | null {
  const app = useData();
  const first = useFirstRows();
  const fromRows = fromFirstRows !== undefined && first !== null && !app?.meReady.value;
  return useMemo(
    () => (fromRows ? fromFirstRows(first) : app ? meData(app) : null),
    [fromRows, fromFirstRows, first, app],
  );
}

export function meData(app: AppState): MeData {
  const currentAccountId = computed(() =>
    app.settings.value === null ? undefined : app.settings.value.currentAccountId,
  );
  // Requests name the current account as both actor and account: the app
  // offers no way to act for anyone else.
  const asMe = (profileId: string) => {
    const me = currentAccountId.value;
    return me ? { actorAccountId: me, accountId: me, profileId } : null;
  };
  const noAccount: ActionResult = { ok: false, code: 'NO_ACCESS' };
  return {
    today: app.today,
    currentAccountId,
    my: computed(() => (app.meReady.value ? app.me.value : undefined)),
    outbox: app.outbox,
    accounts: computed(() => app.accounts.value ?? undefined),
    // Choosing only says which account this device acts as: the person's
    // first sign-in is recorded when they act (link, unlink, "this is me").
    chooseAccount: (accountId) => app.setCurrentAccount(accountId),
    confirmSelf: async () => {
      const me = currentAccountId.value;
      return me ? app.signIn(me) : noAccount;
    },
    loadDemo: () => app.loadDemo(),
    checkLink: async (profileId) => {
      const req = asMe(profileId);
      if (!req) return noAccount;
      const answer = await app.previewLink('link', req);
      if (!answer.ok) return answer;
      return answer.value.ok ? { ok: true } : answer.value;
    },
    checkTyped: async (typed) => {
      const me = currentAccountId.value;
      if (!me) return noAccount;
      const answer = await app.previewTyped({ actorAccountId: me, accountId: me, ...typed });
      if (!answer.ok) return answer;
      const { decision, profileId } = answer.value;
      return decision.ok ? { ok: true, profileId } : decision;
    },
    linkTyped: async (typed) => {
      const me = currentAccountId.value;
      return me ? app.requestLinkTyped({ actorAccountId: me, accountId: me, ...typed }) : noAccount;
    },
    link: async (profileId) => {
      const req = asMe(profileId);
      return req ? app.requestLink(req) : noAccount;
    },
    unlink: async (profileId) => {
      const req = asMe(profileId);
      return req ? app.requestUnlink(req) : noAccount;
    },
    removeWrongMcid: async (profileId) => {
      const me = currentAccountId.value;
      return me ? app.removeWrongMcid({ actorAccountId: me, profileId }) : noAccount;
    },
    dismiss: async (entryId) => {
      await app.dismiss(entryId);
    },
  };
}
