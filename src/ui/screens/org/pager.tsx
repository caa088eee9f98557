import type { TargetedEvent } from 'preact';
import type { ReadonlySignal } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import { SEARCH_PAUSE_MS, useDebounced } from '../../components/use-debounced';
import { PAGE_SIZES, isPageSize, type PageSize } from '../../../rules/org/paging';
import { FIRST_PAGE_SIZE } from './first-page';
import { useOrgWords } from './org-words';

/** The page a list asks for and its size; a new size starts again from the first page. */
export interface Paging {
  pageNo: number;
  size: PageSize;
  onPage: (page: number) => void;
  onSize: (size: PageSize) => void;
  /** Back to the first page (the query changed). */
  first: () => void;
}

export function usePaging(initial: PageSize = FIRST_PAGE_SIZE): Paging {
  const [pageNo, setPageNo] = useState(0);
  const [size, setSize] = useState<PageSize>(initial);
  return {
    pageNo,
    size,
    onPage: setPageNo,
    onSize: (next) => {
      setSize(next);
      setPageNo(0);
    },
    first: () => {
      setPageNo(0);
    },
  };
}

/**
 * The page of a list the screen shows: read by the state layer for the query
 * (its text once typing pauses), the page and the size; while the next page
 * loads, the last one stays (no flash to a skeleton) and `loading` is true.
 * `page` is null before the first.
 */
export function useListPage<Q extends { text: string }, P>(
  read: (query: Q, page: number, size: PageSize) => ReadonlySignal<P | null>,
  query: Q,
  paging: Paging,
): { page: P | null; loading: boolean } {
  const typed = useDebounced(query.text, SEARCH_PAUSE_MS);
  const searched = typed === query.text ? query : { ...query, text: typed };
  const asked = read(searched, paging.pageNo, paging.size).value;
  const last = useRef<P | null>(null);
  if (asked) last.current = asked;
  // Busy while typing has not paused yet, too: the rows shown are not the box's.
  return { page: asked ?? last.current, loading: asked === null || typed !== query.text };
}

interface PagerProps {
  id: string;
  /** The page shown (0-based, as the store clamped it) and how many items the query selects. */
  at: { page: number; total: number };
  /** How many items the page shown has. */
  shown: number;
  paging: Paging;
}

/** "51–100 of 10,000", previous and next, and the page size. */
export function Pager({ id, at, shown, paging }: PagerProps) {
  const { page, total } = at;
  const { size, onPage, onSize } = paging;
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
