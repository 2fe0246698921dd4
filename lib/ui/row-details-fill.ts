import { flushSync } from 'svelte';

/**
 * What fills the folded rows' details, loaded with them after the first paint
 * (lib/ui/row-details.svelte.ts keeps only the list of rows waiting, before it).
 */
export { default as CookieDetails } from '../../components/CookieDetails.svelte';

/** Rows filled per idle slice at least, when the browser gives no idle time (a busy page). */
const AT_LEAST = 10;

type Idle = (run: (deadline: { timeRemaining(): number }) => void, options: { timeout: number }) => void;
const whenBrowserIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (run, options) => requestIdleCallback(run, options)
    : (run) => setTimeout(() => run({ timeRemaining: () => 0 }), 1);

/** After the next frame (or 100 ms, in a page that gets no frame: a hidden tab, a test's document). */
function afterNextFrame(run: () => void) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 100);
}

/**
 * Returns what to call whenever rows are added to `waiting`: each row's `give` is then called a
 * few at a time, after the next frame, while the browser is idle.
 */
export function filler(waiting: Set<() => void>): () => void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // The list is painted before its folded details are made.
    afterNextFrame(() => whenBrowserIdle(fill, { timeout: 300 }));
  };
  const fill = (deadline: { timeRemaining(): number }) => {
    scheduled = false;
    let done = 0;
    for (const give of waiting) {
      waiting.delete(give);
      give();
      flushSync(); // the row's details made now, within this slice, not in a microtask after it
      if (++done >= AT_LEAST && deadline.timeRemaining() < 2) break;
    }
    if (waiting.size) schedule();
  };
  return schedule;
}
