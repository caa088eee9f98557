/**
 * A refused import's problems in the reader's words: the first few named
 * (path and reason), the rest counted. A rule problem (`code`) gets its
 * words from the messages; a format problem keeps the validator's reason.
 */
import { type Lang } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import type { SettingsMessages } from '../../../i18n/messages/settings';
import { IMPORT_ISSUES_SHOWN, type ImportIssue } from '../../../state/result';

export function importIssueLines(
  m: SettingsMessages,
  lang: Lang,
  issues: readonly ImportIssue[],
  total: number = issues.length,
): string[] {
  const shown = issues.slice(0, IMPORT_ISSUES_SHOWN);
  const lines = shown.map((issue) => {
    const path = issue.path || '(file)';
    if (issue.code === undefined) return m.importIssue(path, issue.reason);
    const date = issue.date === undefined ? '—' : formatDate(issue.date, lang);
    const see = issue.other === undefined ? '' : m.importSee(issue.other);
    const rule = m.importRules[issue.code];
    return m.importIssue(path, (typeof rule === 'string' ? rule : rule(date)) + see);
  });
  const more = Math.max(total, issues.length) - shown.length;
  if (more > 0) lines.push(m.importMore(more));
  return lines;
}
