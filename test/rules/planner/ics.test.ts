/**
 * The .ics file, parsed back with ical.js (a well-kept iCalendar parser) and
 * checked line by line against RFC 5545: CRLF, 75-octet folding that keeps
 * UTF-8 characters whole, TEXT escaping, all-day dates, UIDs and DTSTAMP.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n';
import { planner } from '../../../src/i18n/messages/planner';
import { escapeText, foldLine, writeIcs } from '../../../src/rules/planner/ics';
import { plannerCalendar } from '../../../src/rules/planner/calendar';
import { anaData, assoc } from './fixtures';

const NOW = new Date('2026-11-25T08:30:05.123Z');
const TRICKY = 'Ana; 佐藤, "AI-102" \\ 認定資格\nline two';

function parse(ics: string) {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]);
}

function octets(line: string) {
  return new TextEncoder().encode(line).length;
}

function checkLines(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  // No bare LF or CR: every line break is CRLF.
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n').slice(0, -1)) {
    expect(octets(line)).toBeLessThanOrEqual(75);
    expect(line).not.toContain('\uFFFD');
  }
}

describe('escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('drops control characters that TEXT may not hold', () => {
    expect(escapeText('a\u0007b\u001bc')).toBe('abc');
  });

  it('folds at 75 octets with a leading space, never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'日本語のテキスト'.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    });
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    // A 3-octet character fits 25 to a first line of 75 octets, after "SUMMARY:" (8) → 22.
    expect(parts[0]).toBe(line.slice(0, 8 + 22));
  });

  it('leaves a line of exactly 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}Y`)).toBe(`${line}\r\n Y`);
  });
});

describe('writeIcs parsed back with ical.js', () => {
  const ics = writeIcs(
    [
      { uid: 'next-association-learn ana', on: '2026-12-10', summary: TRICKY, alarm: 'Go, link' },
      { uid: 'credit-x', on: '2026-12-31', summary: 'plain', description: 'a; b, c' },
    ],
    { prodId: '-//MCID Link//Planner//JA', name: 'MCID Link の日付', lang: 'ja', stamp: NOW },
  );

  it('is well formed line by line', () => {
    checkLines(ics);
    expect(
      ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MCID Link//Planner//JA\r\n'),
    ).toBe(true);
  });

  it('round-trips the texts, the UTC days, UIDs, DTSTAMP and the alarm', () => {
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//MCID Link//Planner//JA');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('MCID Link の日付');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const first = new ICAL.Event(events[0]);
    expect(first.summary).toBe(TRICKY);
    expect(first.uid).toBe('next-association-learn_ana@mcid-link.invalid');
    // A rules day is a UTC day: the event starts when it starts in UTC.
    expect(first.startDate.isDate).toBe(false);
    expect(first.startDate.toString()).toBe('2026-12-10T00:00:00Z');
    expect(first.endDate.toString()).toBe('2026-12-11T00:00:00Z');
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-12-10T00:00:00.000Z');
    expect(events[0]?.getFirstProperty('summary')?.getParameter('language')).toBe('ja');
    const stamp = events[0]?.getFirstPropertyValue('dtstamp');
    expect(String(stamp)).toBe('2026-11-25T08:30:05Z');
    const alarm = events[0]?.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm?.getFirstPropertyValue('description')).toBe('Go, link');
    const second = new ICAL.Event(events[1]);
    expect(second.description).toBe('a; b, c');
    // A year's last day ends on the next year's first.
    expect(second.endDate.toString()).toBe('2027-01-01T00:00:00Z');
  });

  it('refuses a malformed date rather than writing a broken file', () => {
    expect(() =>
      writeIcs([{ uid: 'x', on: '2026-02-30', summary: 's' }], {
        prodId: 'p',
        name: 'n',
        lang: 'en',
        stamp: NOW,
      }),
    ).toThrow();
  });
});

describe.each<Lang>(['en', 'ja'])('the coming dates in %s', (lang) => {
  const messages = planner[lang];
  // Linked to A on 2026-11-10 (cool-off to 12-10); an old B link ended 2026-11-10
  // schedules a removal; AI-102 completed on 11-20 reaches A on 11-30.
  const data = anaData(
    [assoc('ana-b', '2026-02-01', '2026-11-10'), assoc('ana-a', '2026-11-10')],
    [
      { id: 'ai-102', title: 'AI-102, Azure; 認定', completedOn: '2026-11-20' },
      { id: 'az-900', title: 'AZ-900', completedOn: '2026-01-20' },
    ],
  );
  data.organizations = data.organizations.map((o) =>
    o.id === 'org-a' ? { ...o, name: 'Contoso, 株式会社' } : o,
  );
  const file = plannerCalendar(data, messages, lang, NOW);
  const cal = parse(file.ics);
  const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

  it('is well formed and holds each coming date once', () => {
    checkLines(file.ics);
    // The long summaries had to be folded, and came back whole.
    expect(file.ics).toContain('\r\n ');
    expect(file.count).toBe(events.length);
    const rows = events.map((e) => [e.startDate.toString().slice(0, 10), e.summary]);
    expect(rows).toEqual([
      ['2026-11-30', messages.calendar.creditArrives('AI-102, Azure; 認定', 'Contoso, 株式会社')],
      ['2026-12-10', messages.calendar.creditLeaves('AZ-900', 'Fabrikam')],
      ['2026-12-10', messages.calendar.nextAssociation],
    ]);
    expect(file.fileName).toMatch(/\.ics$/);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(messages.calendar.name);
  });

  it('keeps its UIDs from one export to the next, and they are unique', () => {
    const again = plannerCalendar(data, messages, lang, new Date('2026-11-26T00:00:00Z'));
    const uids = events.map((e) => e.uid);
    const againUids = parse(again.ics)
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c).uid);
    expect(againUids).toEqual(uids);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('says the language of its texts', () => {
    const first = cal.getAllSubcomponents('vevent')[0];
    expect(first?.getFirstProperty('summary')?.getParameter('language')).toBe(lang);
  });
});
