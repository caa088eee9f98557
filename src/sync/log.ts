/** Where sync says what it did; the worker forwards warnings and errors to the console. */
export type SyncLog = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
