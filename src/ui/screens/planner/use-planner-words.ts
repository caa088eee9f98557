/**
 * The planner's words. They load with the planner screen's chunk, not with
 * the shell's first-paint bundle.
 */
import { formatDate, type Lang, type Messages } from '../../../i18n';
import { planner, type PlannerMessages } from '../../../i18n/messages/planner';
import { useShell } from '../../context';

export interface PlannerWords {
  lang: Lang;
  m: Messages;
  t: PlannerMessages;
  /** A rules calendar day in the reader's locale. */
  date: (iso: string) => string;
}

export function usePlannerWords(): PlannerWords {
  const shell = useShell();
  const lang = shell.lang.value;
  return {
    lang,
    m: shell.messages.value,
    t: planner[lang],
    date: (iso) => formatDate(iso, lang),
  };
}
