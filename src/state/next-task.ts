/**
 * A task boundary: input and rendering may run before what follows. Each
 * step of the boot is its own short task, never one long one (a phone at a
 * quarter of this speed must still answer a tap at once).
 */
export function nextTask(): Promise<void> {
  const yielder = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof yielder?.yield === 'function') return yielder.yield();
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}
