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
  return csvStart(header) + csvLines(rows);
}

/**
 * The start of a CSV document written in parts: the BOM and the header.
 * `csvStart(h) + csvLines(a) + csvLines(b)` equals `toCsv(h, [...a, ...b])`,
 * so a long export is built a chunk at a time.
 */
export function csvStart(header: readonly string[]): string {
  return `${BOM}${header.map(csvCell).join(',')}\r\n`;
}

/** Records as CSV lines, each ending in CRLF (empty for no records). */
export function csvLines(rows: Iterable<readonly (string | number | null)[]>): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvCell).join(',')}\r\n`;
  return text;
}
