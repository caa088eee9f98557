/* global window, document, MutationObserver, addEventListener, requestAnimationFrame -- runs in the page */
/**
 * What the benchmarks watch inside a page, installed before any of the
 * page's own scripts (playwright addInitScript):
 *  - `__seen(selector)`: performance.now() of the first time it matched
 *    (a MutationObserver, so the time is the DOM change, not a poll);
 *  - `__until(selector, timeoutMs)`: a promise of that time (null on time-out);
 *  - Event Timing entries (`event`, durationThreshold 16 ms, the minimum),
 *    and, per click, a next-paint estimate (rAF then a task) for clicks
 *    whose entries stay under the threshold.
 */
export function installProbes() {
  const w = /** @type {any} */ (window);
  const seen = new Map();
  const waiting = [];
  const check = () => {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const item = waiting[i];
      if (document.querySelector(item.selector)) {
        seen.set(item.selector, performance.now());
        waiting.splice(i, 1);
        item.resolve(seen.get(item.selector));
      }
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
  w.__until = (selector, timeoutMs = 60_000) =>
    new Promise((resolve) => {
      setTimeout(() => resolve(null), timeoutMs);
      if (seen.has(selector)) resolve(seen.get(selector));
      else if (document.querySelector(selector)) {
        seen.set(selector, performance.now());
        resolve(seen.get(selector));
      } else waiting.push({ selector, resolve });
    });
  w.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const t = /** @type {PerformanceEventTiming} */ (e);
      w.__events.push({
        name: t.name,
        id: t.interactionId,
        duration: t.duration,
        start: t.startTime,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  w.__clicks = [];
  addEventListener(
    'click',
    (event) => {
      const item = { at: event.timeStamp, paint: null };
      w.__clicks.push(item);
      requestAnimationFrame(() => {
        setTimeout(() => {
          item.paint = performance.now() - item.at;
        }, 0);
      });
    },
    true,
  );
}

export const RESULT_TIMEOUT_MS = 60_000;

/**
 * Clicks `selector` and waits (at most RESULT_TIMEOUT_MS) for `result` to appear.
 * @returns {Promise<{ inp: number, toResult: number | null }>} the INP-like
 *   latency (longest Event Timing entry of the click's interaction, or the
 *   next-paint estimate under 16 ms) and the time from click to result
 *   (null when it did not appear in time).
 */
export async function timedClick(page, selector, result) {
  const before = await page.evaluate(() => /** @type {any} */ (window).__clicks.length);
  const resultAt = page.evaluate(
    ([sel, ms]) => /** @type {any} */ (window).__until(sel, ms),
    /** @type {const} */ ([result, RESULT_TIMEOUT_MS]),
  );
  await page.click(selector);
  const at = await resultAt;
  // Event Timing entries arrive after the next paint: give them a moment.
  await page.waitForTimeout(250);
  return page.evaluate(
    ({ before, at }) => {
      const w = /** @type {any} */ (window);
      const click = w.__clicks[before];
      // The click's own entry gives the interaction id that its pointer events share.
      const own = w.__events.find((e) => e.name === 'click' && Math.abs(e.start - click.at) < 2);
      const entries = own ? w.__events.filter((e) => e.id === own.id) : [];
      const longest = Math.max(0, ...entries.map((e) => e.duration));
      return {
        inp: longest > 0 ? longest : (click.paint ?? 16),
        toResult: at === null ? null : at - click.at,
      };
    },
    { before, at },
  );
}
