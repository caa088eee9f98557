/**
 * Messages in Japanese and English. Each area of the app keeps its words in
 * its own file under messages/, typed so that Japanese has every key English
 * has (a missing translation is a compile error).
 */
import { codes, isMessageCode, type MessageCode } from './messages/codes';
import { common } from './messages/common';
import type { Lang } from './lang';

export * from './lang';
export type { MessageCode } from './messages/codes';
export { isMessageCode };

function bundle(lang: Lang) {
  return {
    lang,
    common: common[lang],
    codes: codes[lang],
  };
}

export type Messages = ReturnType<typeof bundle>;

const bundles: Record<Lang, Messages> = { en: bundle('en'), ja: bundle('ja') };

export function messagesFor(lang: Lang): Messages {
  return bundles[lang];
}

/** A refusal in the reader's words; unknown codes (say, from a newer server) read as UNKNOWN. */
export function describeCode(
  messages: Messages,
  code: string,
  formattedDate: string | null,
): string {
  const known: MessageCode = isMessageCode(code) ? code : 'UNKNOWN';
  return messages.codes[known](formattedDate);
}
