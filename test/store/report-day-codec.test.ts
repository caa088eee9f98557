import { serialize } from 'node:v8';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store';
import { dayRecord } from '../../src/store/org-derived';
import { decodeDay, encodeDay, type StoredReportDay } from '../../src/store/report-day-codec';
import type { ReportDay, ReportRecord } from '../../src/store/records';

const ORG = 'o1';
const DAY = '2026-01-11';

/** A day's rows as `reportRecords` makes them (the same fields, in the same order). */
function row(i: number, over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    orgId: ORG,
    achievementId: `x${i}`,
    accountId: `a${i % 7}`,
    profileId: `l${i % 7}`,
    code: i % 2 === 0 ? 'AZ-900' : 'AZ-104',
    title: `Exam ${i}`,
    kind: 'certification',
    completedOn: '2026-01-01',
    startedOn: '2025-06-01',
    endedOn: i % 5 === 0 ? '2026-03-01' : null,
    endReason: i % 5 === 0 ? 'unlinked' : null,
    countsFrom: DAY,
    countsUntil: null,
    id: `l${i % 7}\u0000s${i % 7}\u0000x${i}`,
    displayName: `Person ${i % 7}`,
    email: `p${i % 7}@contoso.example`,
    ...over,
  };
}

const day = (rows: ReportRecord[]): ReportDay => dayRecord(ORG, DAY, rows);

describe('a credit day stored as columns', () => {
  it('reads back as it was written, field order included (the revision hashes its JSON)', () => {
    const written = day(Array.from({ length: 40 }, (_, i) => row(i)));
    const read = decodeDay(encodeDay(written));
    expect(read).toEqual(written);
    expect(JSON.stringify(read.rows)).toBe(JSON.stringify(written.rows));
    expect(dayRecord(ORG, DAY, read.rows).rev).toBe(written.rev);
  });

  it("leaves out what every row repeats of the day's own fields, and keeps a row that differs", () => {
    const stored = encodeDay(day([row(1), row(2)]));
    expect(stored).not.toHaveProperty('rows');
    expect(stored.same.sort()).toEqual(['countsFrom', 'orgId']);
    expect(stored.columns).not.toHaveProperty('orgId');
    expect(stored.columns.achievementId).toEqual(['x1', 'x2']);

    // Not a day's record the store makes, but the codec must not lose it.
    const odd = day([row(1), row(2, { orgId: 'o2' })]);
    const oddStored = encodeDay(odd);
    expect(oddStored.columns.orgId).toEqual([ORG, 'o2']);
    expect(decodeDay(oddStored)).toEqual(odd);
  });

  it('keeps null, and a field only some rows have', () => {
    const partial = { ...row(3) } as Partial<ReportRecord>;
    delete partial.startedOn;
    const written = day([row(1), partial as ReportRecord]);
    const read = decodeDay(encodeDay(written));
    expect(read.rows[0]?.endedOn).toBeNull();
    expect(read.rows[1]).not.toHaveProperty('startedOn');
    expect(read).toEqual(written);
  });

  it('an empty day', () => {
    expect(decodeDay(encodeDay(day([])))).toEqual(day([]));
  });

  it('is under half the bytes of the rows as objects (what IndexedDB writes)', () => {
    const written = day(Array.from({ length: 150 }, (_, i) => row(i)));
    const plain = serialize(written).length;
    const stored = serialize(encodeDay(written)).length;
    expect(stored).toBeLessThan(plain * 0.5);
  });

  it('a day stored with rows (before the columns) reads as it was', () => {
    const old = day([row(1)]);
    expect(decodeDay(old)).toBe(old);
  });
});

describe('the reportDays table through Dexie', () => {
  it('holds columns in IndexedDB and gives rows to every read', async () => {
    const name = 'codec-through-dexie';
    const db = openDb(name);
    const days = [
      day([row(1), row(2)]),
      dayRecord(ORG, '2026-02-01', [row(3, { countsFrom: '2026-02-01' })]),
    ];
    await db.reportDays.bulkPut(days);
    db.close();

    // What IndexedDB holds: a Dexie with the schema but without the codec.
    const bare = new Dexie(name);
    await bare.open();
    const stored = (await bare.table('reportDays').toArray()) as StoredReportDay[];
    expect(stored).toHaveLength(2);
    for (const s of stored) {
      expect(s).not.toHaveProperty('rows');
      expect(s.n).toBeGreaterThan(0);
    }
    bare.close();

    const again = openDb(name);
    const [first, second] = days as [ReportDay, ReportDay];
    expect(await again.reportDays.get(first.key)).toEqual(first);
    expect(await again.reportDays.bulkGet([second.key, first.key])).toEqual([second, first]);
    expect(await again.reportDays.where('key').above('').toArray()).toEqual(days);
    const seen: ReportDay[] = [];
    await again.reportDays.each((d) => {
      seen.push(d);
    });
    expect(seen).toEqual(days);
    expect(await again.reportDays.where('[orgId+rev]').equals([ORG, first.rev]).first()).toEqual(
      first,
    );
    again.close();
    await Dexie.delete(name);
  });
});
