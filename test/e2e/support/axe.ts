/**
 * axe-core in the page. Add `AXE_SCRIPT` with `context.addInitScript({ path })`:
 * an init script is added by the browser, not the page, so the page's CSP
 * does not block it.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact?: string | null; nodes: { target: string[] }[] }[];
}

/** The violations on the page now, one line each, prefixed with `where` when given. */
export async function axeViolations(page: Page, where?: string): Promise<string[]> {
  const found = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } };
    const r = await w.axe.run(document);
    return r.violations.map(
      (v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  return where === undefined ? found : found.map((v) => `${where}: ${v}`);
}
