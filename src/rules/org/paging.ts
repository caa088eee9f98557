/**
 * Paging for the organization's long lists (10,000 users, 100,000 report
 * rows): the screen renders one page, so the DOM stays small whatever the
 * size of the organization.
 */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface Page<T> {
  items: T[];
  /** 0-based, clamped into range. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 when empty). */
  from: number;
  to: number;
  total: number;
}

export function isPageSize(n: number): n is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(n);
}

/** The page shown when `page` is asked for: a page past the end is the last one. */
export function clampPage(page: number, size: number, total: number): number {
  const pages = Math.max(1, Math.ceil(total / size));
  return Math.min(Math.max(0, Math.floor(page)), pages - 1);
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = clampPage(page, size, total);
  const start = current * size;
  const slice = items.slice(start, start + size);
  return {
    items: slice,
    page: current,
    pages,
    from: total === 0 ? 0 : start + 1,
    to: start + slice.length,
    total,
  };
}

/** Case- and width-insensitive text matching for the filter boxes ("ＡＺ" finds "az"). */
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string')
    .join('\u0001')
    .normalize('NFKC')
    .toLowerCase();
}

/** What the filter box's text is compared as; made once per keystroke, not once per row. */
export function queryKey(query: string): string {
  return query.normalize('NFKC').toLowerCase().trim();
}

/** Whether a row's search key holds the query (already through `queryKey`). */
export function matches(key: string, q: string): boolean {
  return q === '' || key.includes(q);
}

/**
 * The order of names in the organization's lists, as one string compared by
 * code units — what an index keeps, so a page of 10,000 people is read in
 * order without sorting them all (the store indexes this same key). Close to
 * the reader's collation: the name without accents, case or width first
 * ("Émile" beside "emile", "ä" beside "a"), then, among those, unaccented
 * and lower case first, then the email.
 */
export function nameOrderKey(displayName: string, email: string): string {
  const name = displayName.normalize('NFKC');
  const base = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return `${base}\u0000${swapCase(name)}\u0000${email}`;
}

// Lower case before upper case among names equal but for case, as collations do.
function swapCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += ch === lower ? ch.toUpperCase() : lower;
  }
  return out;
}
