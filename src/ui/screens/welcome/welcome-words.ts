/**
 * The words of "who am I": the shell's messages and this screen's own, not
 * the individual's whole set (a first visit lands here: it loads only these).
 */
import { welcome, type WelcomeMessages } from '../../../i18n/messages/welcome';
import type { Lang, Messages } from '../../../i18n';
import { useShell } from '../../context';

export interface WelcomeWords {
  lang: Lang;
  m: Messages;
  t: WelcomeMessages;
}

export function useWelcomeWords(): WelcomeWords {
  const shell = useShell();
  const lang = shell.lang.value;
  return { lang, m: shell.messages.value, t: welcome[lang] };
}
