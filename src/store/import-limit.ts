/** Apart from the import schema: the app checks a file's size before it loads the importer. */
/**
 * The largest file import reads. An organization of 10,000 users with 100,000
 * achievements exports about 30 MB (bench/store.bench.mjs); a tab parses
 * 64 MB of JSON comfortably, and anything larger is not ours.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
