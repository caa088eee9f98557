/**
 * The three builds a benchmark run makes with vite's JS API, each into a
 * fresh temporary folder (nothing built is committed):
 *  - the app, from vite.config.ts, as `npm run build` makes it;
 *  - the BARE baseline: preact + @preact/signals + dexie + workbox-window
 *    rendering one button, with a workbox precaching worker — the same stack
 *    with none of the app on top. Its sources are written here, to the temp
 *    folder, never to src/;
 *  - the harness: a page that imports the real store (src/store) so the
 *    store benchmarks run in Chromium's IndexedDB, on the app's origin.
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const ROOT = resolve(import.meta.dirname, '..');

/** A temp folder that resolves packages from the project's node_modules. */
export async function workDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), `mcid-bench-${prefix}-`));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export async function buildApp(outDir) {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const BARE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="The bare stack: one button." />
    <title>Bare stack</title>
    <script type="module" src="./main.js"></script>
  </head>
  <body>
    <main id="app"></main>
  </body>
</html>
`;

// One button whose label is a signal fed by a Dexie read: every library of
// the stack is used, so none is tree-shaken away.
const BARE_MAIN = `import { h, render } from 'preact';
import { signal } from '@preact/signals';
import { Dexie } from 'dexie';
import { Workbox } from 'workbox-window';
import './style.css';

const count = signal(null);
const db = new Dexie('bare');
db.version(1).stores({ items: 'id' });

function App() {
  const ready = count.value !== null;
  return h(
    'button',
    {
      type: 'button',
      'data-testid': ready ? 'bare-ready' : 'bare-button',
      onClick: () => {
        count.value = (count.value ?? 0) + 1;
      },
    },
    ready ? 'Items: ' + String(count.value) : 'Loading',
  );
}

render(h(App, null), document.getElementById('app'));
void db.items.count().then((n) => {
  count.value = n;
});
if ('serviceWorker' in navigator) void new Workbox('./sw.js').register();
`;

const BARE_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; }
button { font: inherit; padding: 0.75rem 1.25rem; min-height: 48px; }
`;

const BARE_SW = `import { precacheAndRoute, createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
`;

export async function buildBare(outDir) {
  const src = await workDir('bare-src');
  await writeFile(join(src, 'index.html'), BARE_HTML);
  await writeFile(join(src, 'main.js'), BARE_MAIN);
  await writeFile(join(src, 'style.css'), BARE_CSS);
  await writeFile(join(src, 'sw.js'), BARE_SW);
  await build({
    root: src,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [
      VitePWA({
        strategies: 'injectManifest',
        srcDir: '.',
        filename: 'sw.js',
        injectRegister: false,
        injectManifest: { rollupFormat: 'iife', globPatterns: ['**/*.{js,css,html,webmanifest}'] },
        manifest: {
          name: 'Bare stack',
          short_name: 'Bare',
          start_url: './',
          display: 'standalone',
          theme_color: '#0b5cad',
          background_color: '#ffffff',
          icons: [],
        },
      }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      manifest: true,
    },
  });
  return outDir;
}

const HARNESS_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>bench harness</title>
  <script type="module" src="./harness.js"></script></head>
  <body><p id="status">loading</p></body>
</html>
`;

export async function buildHarness(outDir) {
  const src = await workDir('harness-src');
  await mkdir(src, { recursive: true });
  await writeFile(join(src, 'index.html'), HARNESS_HTML);
  await writeFile(join(src, 'harness.js'), `import '@bench/harness-entry.mjs';\n`);
  await build({
    root: src,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: { alias: { '@bench': join(ROOT, 'bench') } },
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  return outDir;
}
