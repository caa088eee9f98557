/**
 * An iCalendar writer (RFC 5545) for all-day reminders, small enough to read
 * in one go: CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, TEXT values escaped, and every event carrying a stable UID
 * (so importing the file again updates events instead of doubling them).
 */
import { addDays, parseIsoDate } from '..';

export interface CalendarEntry {
  /** Stable across exports for the same fact; letters, digits, `.`, `-`, `_`. */
  uid: string;
  /** The all-day event's calendar day, `YYYY-MM-DD`. */
  on: string;
  summary: string;
  description?: string;
  /** When set, a display alarm at 09:00 of that day with this text. */
  alarm?: string;
}

export interface CalendarOptions {
  /** e.g. `-//MCID Link//Planner//EN`. */
  prodId: string;
  /** The calendar's name (X-WR-CALNAME) in the reader's language. */
  name: string;
  /** The language of the texts (RFC 5646 tag), written as each text's LANGUAGE parameter. */
  lang: string;
  /** The moment of export, for DTSTAMP. */
  stamp: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const UID_DOMAIN = 'mcid-link.invalid';

/** Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // Other control characters are not allowed in TEXT at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** UTF-8 length of one code point. */
function octetsOf(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Folds one content line (§3.1): at most 75 octets a line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = octetsOf(char);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function basicDate(isoDay: string): string {
  parseIsoDate(isoDay, 'on');
  return isoDay.replace(/-/g, '');
}

function basicDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function cleanUid(uid: string): string {
  const safe = uid.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe}@${UID_DOMAIN}`;
}

function languageParam(lang: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? `;LANGUAGE=${lang}` : '';
}

function eventLines(entry: CalendarEntry, stamp: string, lang: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${cleanUid(entry.uid)}`,
    `DTSTAMP:${stamp}`,
    // The rules' day is a UTC day: the event spans it in UTC, so a phone
    // calendar shows it at the moment it starts on the person's own clock
    // (09:00 in Tokyo, 16:00 the day before in Los Angeles), not as a local
    // all-day date that is already, or not yet, that day. DTEND is exclusive.
    `DTSTART:${basicDate(entry.on)}T000000Z`,
    `DTEND:${basicDate(addDays(entry.on, 1))}T000000Z`,
    `SUMMARY${lang}:${escapeText(entry.summary)}`,
  ];
  if (entry.description) lines.push(`DESCRIPTION${lang}:${escapeText(entry.description)}`);
  lines.push('TRANSP:TRANSPARENT');
  if (entry.alarm) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      // At the moment it becomes possible, wherever the person is.
      'TRIGGER;RELATED=START:PT0S',
      `DESCRIPTION${lang}:${escapeText(entry.alarm)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole file, ending with CRLF as every content line does. */
export function writeIcs(entries: readonly CalendarEntry[], options: CalendarOptions): string {
  const stamp = basicDateTime(options.stamp);
  const lang = languageParam(options.lang);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...entries.flatMap((e) => eventLines(e, stamp, lang)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
