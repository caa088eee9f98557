/**
 * A refusal code in the reader's words. Kept out of `i18n/index.ts` so the
 * long texts of every code load with the screens that show them, not with
 * the first paint.
 */
import { codes, isMessageCode, type MessageCode } from './messages/codes';
import type { Messages } from './index';
import type { Policy } from '../rules';

export { isMessageCode };

/** Unknown codes (say, from a newer server) read as UNKNOWN. */
export function describeCode(
  messages: Messages,
  code: string,
  formattedDate: string | null,
  policy: Policy,
): string {
  const known: MessageCode = isMessageCode(code) ? code : 'UNKNOWN';
  return codes[messages.lang][known](formattedDate, policy);
}
