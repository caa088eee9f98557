/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, a field quoted when it
 * holds a comma, a quote, CR or LF, quotes doubled inside. The text starts
 * with a UTF-8 byte order mark so that Excel reads Japanese names as UTF-8
 * rather than the system code page.
 *
 * Formula injection: a name typed by someone else could be `=HYPERLINK(…)`.
 * A cell that starts with = + - @ (or a tab or CR, which some spreadsheets
 * skip before looking) gets a leading apostrophe, so it opens as text.
 */

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header, then one record per row. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly (string | number | null)[]>,
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
