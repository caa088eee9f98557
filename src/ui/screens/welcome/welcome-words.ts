/**
 * The words of "who am I": the shell's messages and this screen's own, not
 * the individual's whole set (a first visit lands here: it loads only these).
 * No day is shown here but a refusal's, so ui/area-words' day formatting
 * (i18n/format) loads with a refusal's words (welcome-view), not on a first visit.
 */
import { welcome, type WelcomeMessages } from '../../../i18n/messages/welcome';
import type { AreaWords } from '../../area-words';
import { useShell } from '../../context';

export type WelcomeWords = Omit<AreaWords<WelcomeMessages>, 'day' | 'from'> & {
  /** The device's zone, read on first use: for a refusal's date. */
  timeZone: () => string;
};

export function useWelcomeWords(): WelcomeWords {
  const shell = useShell();
  const lang = shell.lang.value;
  return {
    lang,
    m: shell.messages.value,
    t: welcome[lang],
    policy: shell.policy,
    timeZone: () => shell.timeZone,
  };
}
