/**
 * The words of the organization view. They load with these screens (the lazy
 * chunk), not with the shell's first-paint bundle.
 */
import { formatNumber } from '../../../i18n/format';
import { org, type OrgMessages } from '../../../i18n/messages/org';
import { useAreaWords, type AreaWords } from '../../area-words';

export type OrgWords = AreaWords<OrgMessages> & {
  /** A rules day (UTC) in a list or table, with its basis off UTC; sentences about a coming day use `from`. */
  date: (iso: string) => string;
  num: (n: number) => string;
};

export function useOrgWords(): OrgWords {
  const words = useAreaWords(org);
  return {
    ...words,
    date: words.day,
    num: (n) => formatNumber(n, words.lang),
  };
}
