/**
 * Messages in Japanese and English. Each area of the app keeps its words in
 * its own file under messages/, typed so that Japanese has every key English
 * has (a missing translation is a compile error). Only the shell's words are
 * here; screens import their own area's words (and `describe.ts` for refusal
 * codes), so those load with the screen, not with the first paint.
 */
import { common } from './messages/common';
import type { Lang } from './lang';

export * from './lang';

function bundle(lang: Lang) {
  return {
    lang,
    common: common[lang],
  };
}

export type Messages = ReturnType<typeof bundle>;

const bundles: Record<Lang, Messages> = { en: bundle('en'), ja: bundle('ja') };

export function messagesFor(lang: Lang): Messages {
  return bundles[lang];
}
