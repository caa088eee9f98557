import type { TargetedEvent } from 'preact';
import { PAGE_SIZES, isPageSize, type PageSize } from '../../../rules/org/paging';
import { useOrgWords } from './org-words';

interface PagerProps {
  id: string;
  /** The page shown (0-based), as the store clamped it. */
  page: number;
  /** How many items the page shown has. */
  shown: number;
  /** How many items the query selects. */
  total: number;
  size: PageSize;
  onPage: (page: number) => void;
  onSize: (size: PageSize) => void;
}

/** "51–100 of 10,000", previous and next, and the page size. */
export function Pager({ id, page, shown, total, size, onPage, onSize }: PagerProps) {
  const { t, num } = useOrgWords();
  const pages = Math.max(1, Math.ceil(total / size));
  const from = shown === 0 ? 0 : page * size + 1;
  const to = page * size + shown;
  return (
    <nav class="pager" aria-label={t.pager.label}>
      <p class="pager-range">{t.pager.range(num(from), num(to), num(total))}</p>
      <button
        type="button"
        class="small"
        disabled={page === 0}
        onClick={() => {
          onPage(page - 1);
        }}
      >
        {t.pager.previous}
      </button>
      <button
        type="button"
        class="small"
        disabled={page >= pages - 1}
        onClick={() => {
          onPage(page + 1);
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
