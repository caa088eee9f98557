/**
 * The store's entry point for the sync engine: picking the outbox's entries, marking
 * them in flight, settling the remote's answers and reconciling with its
 * state. Apart from the store's index so that a page with nothing to deliver
 * (a first visit) does not download it: only src/sync imports this.
 */
export {
  dueEntries,
  failEntries,
  markSending,
  requeueInterrupted,
  scheduleRetry,
  settleResult,
} from './outbox-drain';
export { reconcileAccountState, reconcileAccountStates } from './reconcile';
export { reconcileDue, setReconcileDue } from './reconcile-due';
export { settleResults } from './settle-batch';
export { pullAccountIds, type PullScope } from './pull';
export type { ReconcileOptions } from './reconcile';
