import type { TargetedEvent } from 'preact';
import { PAGE_SIZES, isPageSize, type Page, type PageSize } from '../../../rules/org/paging';
import { useOrgWords } from './org-words';

interface PagerProps {
  id: string;
  page: Page<unknown>;
  size: PageSize;
  onPage: (page: number) => void;
  onSize: (size: PageSize) => void;
}

/** "51–100 of 10,000", previous and next, and the page size. */
export function Pager({ id, page, size, onPage, onSize }: PagerProps) {
  const { t, num } = useOrgWords();
  return (
    <nav class="pager" aria-label={t.pager.label}>
      <p class="pager-range">{t.pager.range(num(page.from), num(page.to), num(page.total))}</p>
      <button
        type="button"
        class="small"
        disabled={page.page === 0}
        onClick={() => {
          onPage(page.page - 1);
        }}
      >
        {t.pager.previous}
      </button>
      <button
        type="button"
        class="small"
        disabled={page.page >= page.pages - 1}
        onClick={() => {
          onPage(page.page + 1);
        }}
      >
        {t.pager.next}
      </button>
      <label class="pager-size" for={`${id}-size`}>
        {t.pager.pageSize}
      </label>
      <select
        id={`${id}-size`}
        value={String(size)}
        onChange={(e: TargetedEvent<HTMLSelectElement>) => {
          const n = Number(e.currentTarget.value);
          if (isPageSize(n)) onSize(n);
        }}
      >
        {PAGE_SIZES.map((s) => (
          <option key={s} value={String(s)}>
            {s}
          </option>
        ))}
      </select>
    </nav>
  );
}
