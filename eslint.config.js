// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The import direction of DESIGN.md §3: rules ← store ← sync ← state ← ui.
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
  boundary(
    'rules',
    [],
    'src/rules is the pure policy: it imports nothing of the app (DESIGN.md §2).',
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
    [],
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
