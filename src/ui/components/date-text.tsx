import { formatRuleDay } from '../../i18n/format';
import { useShell } from '../context';

/**
 * A rules calendar day (UTC) in the reader's locale, machine-readable in
 * `datetime`. Off UTC it says its basis, and a `from` day (one from which
 * something holds) the moment it starts on this device.
 */
export function DateText({
  iso,
  style,
  from = false,
}: {
  iso: string;
  style?: 'medium' | 'long';
  from?: boolean;
}) {
  const shell = useShell();
  const text = formatRuleDay(iso, shell.lang.value, { timeZone: shell.timeZone, style, from });
  return <time dateTime={iso}>{text}</time>;
}
