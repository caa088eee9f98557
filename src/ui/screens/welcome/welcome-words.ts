/**
 * The words of "who am I": the shell's messages and this screen's own, not
 * the individual's whole set (a first visit lands here: it loads only these).
 */
import { welcome, type WelcomeMessages } from '../../../i18n/messages/welcome';
import { useAreaWords, type AreaWords } from '../../area-words';

export type WelcomeWords = AreaWords<WelcomeMessages>;

export function useWelcomeWords(): WelcomeWords {
  return useAreaWords(welcome);
}
