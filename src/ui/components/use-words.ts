/**
 * The words of the individual's screens. They live outside the shell's
 * message bundle on purpose: the bundle is in the first-paint chunk (15 KB
 * budget), these words load with the screens that use them.
 */
import { me, type MeMessages } from '../../i18n/messages/me';
import { useAreaWords, type AreaWords } from '../area-words';

/** The shell's messages and the individual's app's words. */
export type Words = AreaWords<MeMessages>;

export function useWords(): Words {
  return useAreaWords(me);
}
