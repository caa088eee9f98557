import { formatDate } from '../../i18n';
import { describeCode } from '../../i18n/describe';
import type { Words } from './use-words';

/** A refusal code (from the rules, the store or the remote) in the reader's words, with its date. */
export function refusalText(
  words: Pick<Words, 'lang' | 'm'>,
  code: string,
  nextAllowedOn: string | null | undefined,
): string {
  const date = nextAllowedOn ? formatDate(nextAllowedOn, words.lang, 'long') : null;
  return describeCode(words.m, code, date);
}
