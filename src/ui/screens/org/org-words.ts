/**
 * The words of the organization view. They load with these screens (the lazy
 * chunk), not with the shell's first-paint bundle.
 */
import { formatDate, formatNumber, type Lang, type Messages } from '../../../i18n';
import { org, type OrgMessages } from '../../../i18n/messages/org';
import { useShell } from '../../context';

export interface OrgWords {
  lang: Lang;
  m: Messages;
  t: OrgMessages;
  date: (iso: string) => string;
  num: (n: number) => string;
}

export function useOrgWords(): OrgWords {
  const shell = useShell();
  const lang = shell.lang.value;
  return {
    lang,
    m: shell.messages.value,
    t: org[lang],
    date: (iso) => formatDate(iso, lang),
    num: (n) => formatNumber(n, lang),
  };
}
