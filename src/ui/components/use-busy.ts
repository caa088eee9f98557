import { useState } from 'preact/hooks';

/**
 * Whether a task this component started is still running, and `run` to start
 * one: its button is disabled (and `aria-busy`) until the task settles.
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  async function run<T>(task: () => Promise<T>): Promise<T> {
    setBusy(true);
    try {
      return await task();
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
