import type { PageSize } from '../../../rules/org/paging';

/**
 * The size of a list's pages until the person picks another; its own module,
 * since the shell reads an admin's first users page ahead (src/ui/screens).
 */
export const FIRST_PAGE_SIZE: PageSize = 50;
