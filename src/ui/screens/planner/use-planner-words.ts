/**
 * The planner's words. They load with the planner screen's chunk, not with
 * the shell's first-paint bundle.
 */
import { planner, type PlannerMessages } from '../../../i18n/messages/planner';
import { useAreaWords, type AreaWords } from '../../area-words';

export type PlannerWords = AreaWords<PlannerMessages> & {
  /** A rules calendar day (UTC) in the reader's locale, with its basis off UTC (`from` for a coming day). */
  date: (iso: string) => string;
};

export function usePlannerWords(): PlannerWords {
  const words = useAreaWords(planner);
  return { ...words, date: words.day };
}
