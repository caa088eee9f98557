import { describe, expect, it } from 'vitest';
import { skillsReport } from '../../../src/rules/report';
import { BOM, csvCell, csvLines, csvStart, toCsv } from '../../../src/rules/org/csv';
import { reportCsvRecords, type CsvLabels } from '../../../src/rules/org/report-rows';
import { account, cert, link } from './fixtures';

/** A strict RFC 4180 reader, to check that what we write reads back the same. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quoted) {
      if (c === '"' && next === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && next === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('AZ-104')).toBe('AZ-104');
    expect(csvCell('2026-02-10')).toBe('2026-02-10');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('Smith, Ann')).toBe('"Smith, Ann"');
    expect(csvCell('Ann "the admin"')).toBe('"Ann ""the admin"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it('turns a cell that a spreadsheet would run as a formula into text', () => {
    expect(csvCell('=HYPERLINK("http://x.example","click")')).toBe(
      '"\'=HYPERLINK(""http://x.example"",""click"")"',
    );
    expect(csvCell('+81 3 1234')).toBe("'+81 3 1234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Only the start matters: a dash inside an exam code is fine.
    expect(csvCell('AZ-104 = pass')).toBe('AZ-104 = pass');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends records with CRLF, and reads back unchanged', () => {
    const rows = [
      ['山田 太郎', 'yamada@contoso.example', 'Azure 管理者, 中級'],
      ['O"Brien', 'line\nbreak', null],
    ];
    const text = toCsv(['名前', 'email', 'title'], rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text.slice(1))).toEqual([
      ['名前', 'email', 'title'],
      ['山田 太郎', 'yamada@contoso.example', 'Azure 管理者, 中級'],
      ['O"Brien', 'line\nbreak', ''],
    ]);
  });

  it('is UTF-8 with the BOM bytes EF BB BF when encoded for download', () => {
    const bytes = new TextEncoder().encode(toCsv(['名'], [['山田']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('名\r\n山田\r\n');
  });
});

describe('the report as CSV', () => {
  const labels: CsvLabels = {
    header: [
      'name',
      'email',
      'code',
      'title',
      'completed',
      'linked',
      'from',
      'until',
      'status',
      'ended',
      'why',
    ],
    status: {
      counted: 'Counted',
      pending: 'Pending',
      'scheduled-removal': 'Leaving',
      removed: 'Removed',
    },
    endReason: { unlinked: 'Unlinked', moved: 'Moved', 'account-deleted': 'Deleted' },
  };

  it('writes one record per row with ISO dates and words for status and reason', () => {
    const input = {
      accounts: [account('u', 'a', { displayName: '=cmd|x', deletedOn: '2026-11-20' })],
      associations: [link('p', 'u', '2026-01-01', '2026-11-20', 'account-deleted')],
      achievements: [cert('c', 'p', 'AZ-104', '2026-03-01')],
    };
    const rows = skillsReport(input, 'a', '2026-11-25').map((r) => ({
      ...r,
      displayName: '=cmd|x',
      email: 'u@a.example',
    }));
    const text = toCsv(labels.header, reportCsvRecords(rows, labels));
    expect(readCsv(text.slice(1))[1]).toEqual([
      "'=cmd|x",
      'u@a.example',
      'AZ-104',
      'AZ-104 exam',
      '2026-03-01',
      '2026-01-01',
      '2026-03-11',
      '2026-12-10',
      'Leaving',
      '2026-11-20',
      'Deleted',
    ]);
  });
});

describe('a CSV written in parts', () => {
  it('is the same text as the whole document: the BOM and header once, then each part', () => {
    const header = ['a', 'b'];
    const rows = [
      ['1', '=2'],
      ['x,y', null],
      ['"q"', 'line\nbreak'],
    ];
    expect(
      csvStart(header) + csvLines(rows.slice(0, 2)) + csvLines([]) + csvLines(rows.slice(2)),
    ).toBe(toCsv(header, rows));
    expect(csvLines([])).toBe('');
  });
});
