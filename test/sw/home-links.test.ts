/**
 * The worker's Link header for a returning visit's shell (src/sw/home-links.ts):
 * home's files in the order home needs them, each preloaded as the page will
 * ask for it, and nothing named that the build does not have.
 */
import { describe, expect, it } from 'vitest';
import { homeLinkHeader } from '../../src/sw/home-links';

const BASE = 'https://example.test/apps/mcid/sw.js';
const BUILD = [
  'index.html',
  'assets/screen-parts-Cc3.js',
  'assets/me-screen-Bb2.js',
  'assets/data-root-Aa1_x.js',
  'assets/index-Dl6_j1Lc.css',
  'assets/index-DN0WuR-M.js',
  'assets/early-Hh8.js',
  'assets/rolldown-runtime-Dd4.js',
  'assets/screen-base-Ee5.js',
  'assets/org-screen-Ff6.js',
  'assets/sw-bridge-Gg7.js',
];

describe('the Link header of a returning visit’s shell', () => {
  it('names home’s files in the order home needs them, as the page asks for them', () => {
    expect(homeLinkHeader(BUILD, BASE).split(', ')).toEqual([
      '<https://example.test/apps/mcid/assets/early-Hh8.js>; rel=modulepreload',
      '<https://example.test/apps/mcid/assets/index-DN0WuR-M.js>; rel=modulepreload',
      '<https://example.test/apps/mcid/assets/index-Dl6_j1Lc.css>; rel=preload; as=style; crossorigin',
      '<https://example.test/apps/mcid/assets/rolldown-runtime-Dd4.js>; rel=modulepreload',
      '<https://example.test/apps/mcid/assets/screen-base-Ee5.js>; rel=modulepreload',
      '<https://example.test/apps/mcid/assets/me-screen-Bb2.js>; rel=modulepreload',
      '<https://example.test/apps/mcid/assets/screen-parts-Cc3.js>; rel=modulepreload',
    ]);
  });

  it('leaves out what the build does not have, and never takes a look-alike', () => {
    const header = homeLinkHeader(
      ['assets/me-screen-A.js', 'assets/me-screenX-B.js', 'assets/not-index-C.js', 'x/index.js'],
      BASE,
    );
    expect(header).toBe(
      '<https://example.test/apps/mcid/assets/me-screen-A.js>; rel=modulepreload',
    );
    expect(homeLinkHeader([], BASE)).toBe('');
  });
});
