/** The Web Lock that makes one drainer at a time across tabs and the worker. */
export const DRAIN_LOCK = 'mcid-link-drain';
/** The Background Sync tag the page registers after queueing an action. */
export const OUTBOX_SYNC_TAG = 'mcid-link-outbox';
