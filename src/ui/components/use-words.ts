/**
 * The words of the individual's screens. They live outside the shell's
 * message bundle on purpose: the bundle is in the first-paint chunk (15 KB
 * budget), these words load with the screens that use them.
 */
import { me, type MeMessages } from '../../i18n/messages/me';
import type { Lang, Messages } from '../../i18n';
import { useShell } from '../context';

export interface Words {
  lang: Lang;
  /** The shell's messages: common words and refusal codes. */
  m: Messages;
  /** The individual's app. */
  t: MeMessages;
}

export function useWords(): Words {
  const shell = useShell();
  const lang = shell.lang.value;
  return { lang, m: shell.messages.value, t: me[lang] };
}
