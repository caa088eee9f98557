import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { SECURITY_HEADERS, cacheControlFor } from './scripts/security-headers';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// A build id makes two builds of the same source differ (the update test deploys a second one).
const version = process.env.MCID_BUILD_ID
  ? `${pkg.version}+${process.env.MCID_BUILD_ID}`
  : pkg.version;

/**
 * One build serves any path: assets are referenced relative to the page
 * (`base: './'` with hash routes, so a deep link is always the same document),
 * and the service worker is registered relative to the page (src/pwa/).
 */
/** `npm start` (vite preview) sends the headers README.md asks a static host to send. */
function hostHeaders(): Plugin {
  return {
    name: 'mcid-link-host-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        res.setHeader('Cache-Control', cacheControlFor(req.url?.split('?')[0] ?? '/'));
        next();
      });
    },
  };
}

/**
 * The shell's head runs the `early` chunk (src/early.ts) as an async module:
 * it runs as soon as it arrives, while the entry's other imports are still on
 * their way, and opens the database for home from there. The entry imports
 * the same file, so it runs once. Its tag goes after the
 * Content-Security-Policy's meta tag, which covers it.
 */
function earlyScript(): Plugin {
  return {
    name: 'mcid-link-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.name === 'early',
        );
        if (!chunk) throw new Error('no early chunk in the build (vite.config.ts groups)');
        // Before the entry's tag, after the Content-Security-Policy, which covers it.
        const at = html.indexOf('<script type="module"');
        if (at < 0) throw new Error('no module script in index.html');
        const tag = `<script type="module" async crossorigin src="./${chunk.fileName}"></script>\n    `;
        return html.slice(0, at) + tag + html.slice(at);
      },
    },
  };
}

export default defineConfig({
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(version),
  },
  plugins: [
    hostHeaders(),
    earlyScript(),
    preact({ devToolsEnabled: false, prefreshEnabled: false }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // We register through workbox-window ourselves (src/pwa/sw-bridge.ts):
      // no injected inline script, which the CSP would refuse anyway.
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,json}'],
      },
      manifest: {
        id: './',
        name: 'MCID Link — Microsoft Learn profile linkage',
        short_name: 'MCID Link',
        description:
          'Link your Microsoft Learn certification profile (MCID) or Partner University account to your Partner Center work account, offline first.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
  resolve: {
    alias: [
      // Its package's `module` field is the ES5 build (2.3 KB gzip); the
      // ES2015+ build (1.3 KB) runs in every browser that runs this app
      // (target es2022, module scripts), and a first visit downloads it.
      { find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' },
      // Dexie's `import` entry is a wrapper around its UMD build, which makes
      // the bundler add CommonJS interop; its own ES module build needs none.
      // Everything here imports this one copy, so the wrapper's guard against
      // two copies has nothing to guard.
      { find: /^dexie$/, replacement: 'dexie/dist/dexie.mjs' },
    ],
  },
  build: {
    target: 'es2022',
    // The polyfill would be an extra script; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Read by scripts/size.mjs to tell first-paint chunks from lazy ones.
    manifest: true,
    // Fewer, larger chunks on the way to home: a returning visit's files come
    // from the worker's cache one after another, ~5 ms each here. The storage
    // layer (Dexie, the schema, the store's first-visit modules and
    // src/data-root.ts) is one chunk, what "who am I", home and the link
    // screen share another, the small pieces home shares with the other
    // screens a third. Only modules named here: their dependencies stay where
    // they were (a first visit, "who am I", loads none of the screens' pieces).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The page's first script (src/early.ts, which the shell's head runs
              // as it arrives) with preact and signals, which the entry needs
              // first too: one file fewer on the way to home (129 vs 137 ms
              // median, 25 alternated samples each; 2026-12-08).
              name: 'early',
              includeDependenciesRecursively: false,
              test: /([\\/]src[\\/](early\.ts|state[\\/]chosen-hint\.ts|store[\\/](open-ahead|db-name)\.ts)$)|([\\/]node_modules[\\/](preact([\\/]hooks)?|@preact[\\/]signals(-core)?)[\\/]dist[\\/])/,
            },
            {
              // What "who am I", home and the link screen share (a first visit
              // has it already), with home's view of the person's rows
              // (store/queries-me `meViewOf`) and the rules it and the store's
              // first-visit reads run: home draws the page's first rows with
              // it before the storage code, which imports it too, has loaded
              // (src/main.tsx). In this file rather than one of its own: a
              // first visit downloads it either way.
              name: 'screen-base',
              includeDependenciesRecursively: false,
              test: /[\\/]src[\\/](ui[\\/](components[\\/](notice\.tsx|use-busy\.ts|busy-button\.tsx|use-focus-heading\.ts|skeleton\.tsx)|screens[\\/]individual[\\/](index|use-me-data|account-view)\.ts)|store[\\/]queries-me\.ts|rules[\\/](dates|credit|world|limits|policy-check|errors)\.ts)$/,
            },
            {
              name: 'screen-parts',
              includeDependenciesRecursively: false,
              test: /[\\/]src[\\/](rules[\\/]org[\\/]users-base\.ts|ui[\\/](area-words\.ts|screens[\\/]org[\\/]read-ahead\.ts|components[\\/](confirm-dialog\.tsx|refusal\.ts|date-text\.tsx|sync-news\.tsx|sync-words\.ts|use-words\.ts)|screens[\\/]individual[\\/]profile-view\.ts)|i18n[\\/](describe|format|messages[\\/](server-news|me|calls|codes))\.ts)$/,
            },
            {
              // Dexie, the schema, what every write runs (the days' codec, the
              // report's upkeep), and the store and state the data state starts
              // with: loaded together on every visit, so one file.
              name: 'data-root',
              includeDependenciesRecursively: false,
              test: /([\\/]node_modules[\\/]dexie[\\/])|([\\/]src[\\/](data-root\.ts|store[\\/](db|report-upkeep|report-day-codec|derived-tables|index|storage|errors|reset|settings|catalog|check|outbox|sync-news-read|import-limit)\.ts|state[\\/](app-state|result|live|me)\.ts)$)/,
            },
          ],
        },
      },
    },
  },
});
