// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * The import direction of docs/architecture.md: rules ← store ← sync ← state ← ui.
 * Each layer lists the layers it must NOT import, with the reason shown in the
 * lint error, so a wrong import fails `npm test` and says why.
 */
const layer = (name) => ({
  regex: `(^|/)(\\.\\./)*${name}(/|$)`,
});
const forbid = (names, why) => ({
  patterns: names.map((n) => ({ ...layer(n), message: why })),
});
const LAYERS = ['rules', 'store', 'sync', 'state', 'ui', 'pwa', 'sw', 'i18n'];
const except = (...allowed) => LAYERS.filter((l) => !allowed.includes(l));

const boundary = (folder, allowed, why, extra = []) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbid(except(folder, ...allowed), why).patterns,
          ...extra.map((name) => ({ group: [name], message: why })),
        ],
      },
    ],
  },
});

/**
 * Entry points: a folder that others may enter only through some of its files.
 * `from` is the folder, `except` its entry points (relative to it).
 */
const entryPoint = (target, from, except, message) => ({ target, from, except, message });
const ENTRY_POINTS = [
  entryPoint(
    ['src/!(store|sync)/**', 'src/*.{ts,tsx}'],
    'src/store/drain.ts',
    [],
    "store/drain is the sync engine's entry point into the store (the outbox's drain side): only src/sync imports it.",
  ),
  entryPoint(
    ['src/!(store)/**', 'src/*.{ts,tsx}'],
    'src/store',
    // ops-link, ops-org, queries-org and queries-planner are loaded on first use (not on a first visit).
    [
      './index.ts',
      './drain.ts',
      './transfer.ts',
      './demo.ts',
      './ops-link.ts',
      './ops-org.ts',
      './queries-org.ts',
      './queries-planner.ts',
      './open-ahead.ts',
      './queries-me.ts',
    ],
    'Outside src/store, import the store through its entry points: store (index), store/drain, store/transfer, store/demo, the lazily loaded store/ops-link, store/ops-org, store/queries-org, store/queries-planner, store/open-ahead (the first chunk opens the database before Dexie arrives) and store/queries-me (home draws the rows read ahead before Dexie arrives).',
  ),
  entryPoint(
    ['src/!(sync)/**', 'src/*.{ts,tsx}'],
    'src/sync',
    ['./index.ts', './messages.ts'],
    'Outside src/sync, import sync through its entry point, src/sync/index.ts (or the page ↔ worker messages, src/sync/messages.ts).',
  ),
  entryPoint(
    ['src/pwa/**'],
    'src/sync',
    ['./messages.ts'],
    'src/pwa knows of sync only the page ↔ worker messages (src/sync/messages.ts), which both sides read the same way.',
  ),
  entryPoint(
    ['src/ui/!(screens)/**', 'src/ui/*.{ts,tsx}', 'src/ui/screens/!(individual)/**'],
    'src/ui/screens/individual',
    ['./index.ts'],
    "Other screens import the individual's area through its entry point, ui/screens/individual/index.ts.",
  ),
  entryPoint(
    ['src/rules/*.ts'],
    'src/rules/!(*.ts)',
    [],
    "The policy (src/rules/*.ts) imports none of the features' derivations in src/rules/<feature>/: they sit on top of it.",
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'coverage',
      'node_modules',
      'test-results',
      'screenshots',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'test/e2e/*.mjs', 'bench/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML: everything from outside renders as text.',
        },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'No raw HTML: everything from outside renders as text.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Scripts and benchmarks run in Node.
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // No import cycles, and the entry points above.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: ENTRY_POINTS }],
    },
  },
  boundary(
    'rules',
    [],
    'src/rules is the pure policy: it imports nothing of the app (docs/architecture.md).',
    ['dexie', 'preact', 'preact/*', '@preact/*', 'workbox-*'],
  ),
  boundary('store', ['rules'], 'src/store sits on rules only; sync, state and ui sit above it.', [
    'preact',
    'preact/*',
    '@preact/*',
  ]),
  boundary(
    'sync',
    ['rules', 'store'],
    'src/sync sits on store and rules; it runs in the service worker, so no UI.',
    ['preact', 'preact/*', '@preact/*'],
  ),
  boundary(
    'i18n',
    ['rules'],
    'src/i18n holds messages keyed by the rules codes; it knows no storage or UI.',
  ),
  boundary(
    'pwa',
    // Only src/sync/messages.ts (the entry points above): the protocol both sides share.
    ['sync'],
    'src/pwa is the one bridge to the service worker; it knows nothing of the domain.',
  ),
  boundary(
    'state',
    ['rules', 'store', 'sync', 'pwa', 'i18n'],
    'src/state is fed by the store and sync; the UI sits above it.',
  ),
  boundary(
    'ui',
    ['state', 'i18n', 'rules'],
    'src/ui reads and writes only through src/state (never store/ or sync/ directly).',
    ['dexie', 'workbox-*'],
  ),
  boundary('sw', ['sync', 'store', 'rules'], 'src/sw runs sync in the worker; it has no UI.', [
    'preact',
    'preact/*',
    '@preact/*',
  ]),
);
