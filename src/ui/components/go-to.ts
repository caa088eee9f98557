/** Navigates to a hash route; `replace` keeps a redirect out of the back history. */
export function goTo(hash: string, replace = false): void {
  if (replace) location.replace(hash);
  else location.hash = hash;
}
