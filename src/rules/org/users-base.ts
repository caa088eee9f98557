/**
 * What the shell needs of the organization's users list without the list's
 * rules coming with it (src/ui/screens reads an admin's first page ahead):
 * who manages the users, and the query the list starts with.
 */
import type { Role } from '../types';
import type { UsersQuery } from './users';

/** Whether the account may manage its organization's users: a global or account admin (rule 1). */
export function isOrgAdmin(
  account: { roles: readonly Role[]; deletedOn: string | null } | null,
): boolean {
  return account !== null && account.deletedOn === null && account.roles.length > 0;
}

/** The list's first query: every account not deleted, in name order. */
export const DEFAULT_USERS_QUERY: UsersQuery = { text: '', state: 'active' };
