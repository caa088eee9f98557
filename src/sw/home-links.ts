/**
 * The files a returning visit's home needs first, in the order it needs them,
 * as the value of a Link header on the shell the worker answers a navigation
 * with. The page then asks for all of them while it parses the shell,
 * instead of for the storage code and home's screen only once its entry
 * script has run. Those files arrived ~30 ms sooner; home itself gained less,
 * its main thread being the limit after them (156 → 150 ms median, 25
 * alternated samples, bare 99 ms). The page's first script (`early`, which
 * opens the database) comes first; the storage code (`data-root`) is not
 * named: home draws the first rows without it, and it loads after that.
 * Only a navigation the worker answers, where the device has chosen an account
 * (`sw.ts`), gets it: a first visit and "who am I" download what they need, no
 * more.
 */

/** Chunk names (vite.config.ts and the bundler's own) and how each is preloaded. */
const HOME_FILES = [
  ['early', 'js'],
  ['index', 'js'],
  ['index', 'css'],
  ['rolldown-runtime', 'js'],
  ['screen-base', 'js'],
  ['me-screen', 'js'],
  ['screen-parts', 'js'],
] as const;

/** Module scripts are fetched with CORS, and the shell's stylesheet link says `crossorigin`: the preloads match them. */
const REL = { js: 'rel=modulepreload', css: 'rel=preload; as=style; crossorigin' } as const;

/**
 * The Link header for the precached `urls` (relative to the worker's `base`):
 * a file missing from the build is left out, never guessed.
 */
export function homeLinkHeader(urls: readonly string[], base: string): string {
  return HOME_FILES.flatMap(([name, ext]) => {
    const file = new RegExp(`(^|/)assets/${name.replace('.', '\\.')}-[\\w-]+\\.${ext}$`);
    const url = urls.find((u) => file.test(u));
    return url === undefined ? [] : [`<${new URL(url, base).href}>; ${REL[ext]}`];
  }).join(', ');
}
