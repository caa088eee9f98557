/** The Web Lock that makes one drainer at a time across tabs and the worker. */
export const DRAIN_LOCK = 'mcid-link-drain';
