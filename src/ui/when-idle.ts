/** Runs `task` when the page has nothing else to do (soon, where the browser cannot tell). */
export function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(task, { timeout: 1_000 });
  else setTimeout(task, 0);
}
