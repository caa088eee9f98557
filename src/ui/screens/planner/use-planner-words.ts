/**
 * The planner's words. They load with the planner screen's chunk, not with
 * the shell's first-paint bundle.
 */
import { formatDate } from '../../../i18n';
import { planner, type PlannerMessages } from '../../../i18n/messages/planner';
import { useAreaWords, type AreaWords } from '../../context';

export type PlannerWords = AreaWords<PlannerMessages> & {
  /** A rules calendar day in the reader's locale. */
  date: (iso: string) => string;
};

export function usePlannerWords(): PlannerWords {
  const words = useAreaWords(planner);
  return { ...words, date: (iso) => formatDate(iso, words.lang) };
}
