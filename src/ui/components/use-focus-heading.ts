import { useEffect } from 'preact/hooks';

/**
 * Once a screen's content is ready, moves focus to its heading, unless the
 * person is already working inside the screen: after following a link the
 * reader hears where they are, and Tab continues from the top of the screen.
 */
export function useFocusHeading(ready: boolean, id = 'screen-title'): void {
  useEffect(() => {
    if (!ready) return;
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (main && active && active !== main && main.contains(active)) return;
    document.getElementById(id)?.focus({ preventScroll: true });
  }, [ready, id]);
}
