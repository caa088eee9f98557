import { useEffect, useState } from 'preact/hooks';

/** How long typing pauses before a filter box's search runs. */
export const SEARCH_PAUSE_MS = 250;

/**
 * `value` once it has stayed the same for `ms`: a filter box shows each
 * keystroke at once, while the search it starts (which reads a whole
 * organization) runs only for the text the person paused on.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return undefined;
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, settled, ms]);
  return settled;
}
