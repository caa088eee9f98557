import { describeCode } from '../../i18n/describe';
import type { Words } from './use-words';

/**
 * A refusal code (from the rules, the store or the remote) in the reader's
 * words, with its date (a day from which a link is possible: with its basis).
 */
export function refusalText(
  words: Pick<Words, 'm' | 'policy' | 'from'>,
  code: string,
  nextAllowedOn: string | null | undefined,
): string {
  const date = nextAllowedOn ? words.from(nextAllowedOn, 'long') : null;
  return describeCode(words.m, code, date, words.policy);
}
