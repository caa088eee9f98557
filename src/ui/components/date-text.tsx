import { formatDate } from '../../i18n';
import { useShell } from '../context';

/** A rules calendar day in the reader's locale, machine-readable in `datetime`. */
export function DateText({ iso, style }: { iso: string; style?: 'medium' | 'long' }) {
  const lang = useShell().lang.value;
  return <time dateTime={iso}>{formatDate(iso, lang, style)}</time>;
}
