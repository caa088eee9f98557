// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportView } from '../../src/ui/screens/org/report-view';
import { orgData } from './org-fixtures';
import { choose, click, mount, settle, type, until, type Rendered } from './org-support';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
  vi.restoreAllMocks();
});

const rowsText = (view: Rendered) =>
  view
    .qa('tbody tr')
    .map(
      (tr) => `${tr.querySelector('th')?.firstChild?.textContent ?? ''}|${tr.dataset.status ?? ''}`,
    );

describe("company A's report", () => {
  it('lists counted, pending and leaving rows with their dates', async () => {
    r = mount(<ReportView data={await orgData('a')} />);
    // Default order: counts-from ascending. Ann (moved 20 Nov) leaves on 10 Dec,
    // Ken (deleted 3 Nov) also on 10 Dec, Mei's SC-300 arrives 2 Dec.
    expect(rowsText(r)).toEqual([
      'Ken Gone|scheduled-removal',
      'Ann Moved|scheduled-removal',
      '山田 芽衣|counted',
      '山田 芽衣|pending',
    ]);
    const pending = r.q('tr[data-status=pending]');
    expect(pending.textContent).toContain('arrives Dec 2, 2026');
    const ann = r.qa('tr[data-status=scheduled-removal]')[1];
    expect(ann?.textContent).toContain('Link ended Nov 20, 2026 (moved to another organization)');
    expect(ann?.textContent).toContain('leaves Dec 10, 2026');
    expect(r.q('[data-testid=report-summary]').textContent).toBe(
      'Counted1Pending1Scheduled removal2Removed0',
    );
  });

  it('has column headers with scope and sort buttons that set aria-sort', async () => {
    r = mount(<ReportView data={await orgData('a')} />);
    const headers = r.qa('thead th');
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(r.qa('tbody th').every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    const countsFrom = headers[3];
    expect(countsFrom?.getAttribute('aria-sort')).toBe('ascending');
    await click(r.byText('Counts from', 'th button'));
    expect(countsFrom?.getAttribute('aria-sort')).toBe('descending');
    expect(rowsText(r)[0]).toBe('山田 芽衣|pending');
    await click(r.byText('Person', 'th button'));
    expect(headers[0]?.getAttribute('aria-sort')).toBe('ascending');
    expect(countsFrom?.hasAttribute('aria-sort')).toBe(false);
    expect(rowsText(r)[0]).toBe('Ann Moved|scheduled-removal');
  });

  it('filters by status and text, announcing the number of rows', async () => {
    r = mount(<ReportView data={await orgData('a')} />);
    await choose(r.q<HTMLSelectElement>('#report-status'), 'scheduled-removal');
    expect(rowsText(r)).toEqual(['Ken Gone|scheduled-removal', 'Ann Moved|scheduled-removal']);
    const shown = r;
    await type(shown.q<HTMLInputElement>('#report-filter'), 'az-305');
    await until(() => {
      expect(rowsText(shown)).toEqual(['Ken Gone|scheduled-removal']);
    });
    const count = r.q('[data-testid=report-count]');
    expect(count.getAttribute('role')).toBe('status');
    expect(count.textContent).toBe('1 rows');
  });
});

describe("company B's report (the move seen from B)", () => {
  it('shows Ann’s credit as pending, arriving 30 November', async () => {
    r = mount(<ReportView data={await orgData('b', 'annB')} />);
    expect(rowsText(r)).toEqual(['Ann|pending']);
    expect(r.q('tbody tr').textContent).toContain('arrives Nov 30, 2026');
  });
});

describe('CSV export', () => {
  it('downloads the selected rows as UTF-8 CSV with a BOM through a Blob URL', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    r = mount(<ReportView data={await orgData('a')} />, 'ja');
    await click(r.byText('CSV をエクスポート'));
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicked[0]?.download).toBe('skills-report-2026-11-25.csv');
    expect(clicked[0]?.href).toBe('blob:test/1');
    const blob = blobs[0];
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe(
      '名前,メール,試験,タイトル,完了日,リンク日,反映開始日,反映終了日,状態,リンク終了日,終了理由',
    );
    expect(lines).toContain(
      '山田 芽衣,mei@contoso.example,SC-300,SC-300 exam,2026-11-22,2026-06-01,2026-12-02,,反映待ち,,',
    );
    expect(lines).toHaveLength(6); // header, 4 rows, and the final CRLF
    await settle();
    expect(r.q('[data-testid=export-result]').textContent).toBe(
      '4 行を CSV にエクスポートしました。',
    );
  });
});

describe('CSV export of a large selection, in chunks', () => {
  /** An export held before each chunk until the test lets it go on. */
  function held() {
    const waiting: (() => void)[] = [];
    return {
      beforeChunk: () =>
        new Promise<void>((resolve) => {
          waiting.push(resolve);
        }),
      next: async () => {
        await act(async () => {
          waiting.shift()?.();
          await settle();
        });
      },
    };
  }

  it('shows its progress in a polite live region, disables the button, and downloads at the end', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/2';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const gate = held();
    r = mount(<ReportView data={await orgData('a', 'admin', true, { chunk: 2, ...gate })} />);
    const button = r.byText('Export CSV') as HTMLButtonElement;
    await click(button);
    const status = r.q('[data-testid=export-status]');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Exporting: 0 of 4 rows…');
    expect(button.disabled).toBe(true);
    await gate.next();
    expect(status.textContent).toBe('Exporting: 2 of 4 rows…');
    const bar = r.q<HTMLProgressElement>('[data-testid=export-progress] progress');
    expect(bar.getAttribute('aria-label')).toBe('Export progress');
    expect([bar.value, bar.max]).toEqual([2, 4]);
    expect(blobs).toHaveLength(0);
    await gate.next();
    expect(blobs).toHaveLength(1);
    expect(r.qa('[data-testid=export-progress] progress')).toHaveLength(0);
    expect(status.textContent).toBe('');
    expect(button.disabled).toBe(false);
    expect(r.q('[data-testid=export-result]').textContent).toBe('Exported 4 rows as CSV.');
    const text = new TextDecoder().decode(await (blobs[0] as Blob).arrayBuffer());
    // One header, then every row of the selection (the BOM is decoded away).
    expect(text.split('\r\n').filter((l) => l.startsWith('Name,'))).toHaveLength(1);
    expect(text.split('\r\n')).toHaveLength(6);
  });

  it('stops on Cancel: nothing is downloaded, and it says so', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test/3');
    const gate = held();
    r = mount(<ReportView data={await orgData('a', 'admin', true, { chunk: 1, ...gate })} />, 'ja');
    await click(r.byText('CSV をエクスポート'));
    await gate.next();
    expect(r.q('[data-testid=export-status]').textContent).toBe('エクスポート中: 4 行中 1 行…');
    await click(r.byText('エクスポートを中止'));
    await gate.next();
    expect(create).not.toHaveBeenCalled();
    expect(r.q('[data-testid=export-result]').textContent).toBe(
      'エクスポートを中止しました。ファイルは保存されていません。',
    );
    expect(r.q('[data-testid=export-status]').textContent).toBe('');
    expect((r.byText('CSV をエクスポート') as HTMLButtonElement).disabled).toBe(false);
  });
});
