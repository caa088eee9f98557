// Every test file gets a fresh in-memory IndexedDB (fake-indexeddb), so
// store and sync tests run in Node without a browser. The browser tests in
// test/e2e use the real IndexedDB of Chromium.
import 'fake-indexeddb/auto';
