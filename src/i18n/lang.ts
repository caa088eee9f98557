/**
 * The languages. Their formatting of numbers, times and the rules' calendar
 * days is in ./format (screens load it; the shell's first paint needs none).
 */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** The first supported language among the browser's preferences; English otherwise. */
export function detectLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/** Each language in its own words: the same in every language, so one definition. */
export const LANG_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };
