import { flushSync } from 'svelte';
import type CookieDetails from '../../components/CookieDetails.svelte';

/**
 * A cookie row's details (components/CookieDetails.svelte), for every row of the popup, the
 * first-visit report and the options page: one import, started once the lists are painted, or
 * as soon as the visitor points at or focuses a row. A row being opened gets them at once; the
 * folded rows get theirs a few at a time while the browser is idle, so that they stay in each
 * row's text (read with it, found by it) without delaying the painted list: with 180 rows, the
 * folded details are as many elements again as the rows themselves.
 */
let loaded = $state.raw<typeof CookieDetails | undefined>();
let loading: Promise<unknown> | undefined;

export const rowDetails = {
  /** The details' component, once loaded. */
  get component() {
    return loaded;
  },
  load(): Promise<unknown> {
    return (loading ??= import('../../components/CookieDetails.svelte').then((module) => (loaded = module.default)));
  },
};

/** Folded rows waiting for their details, in the order they were rendered. */
const waiting = new Set<() => void>();
let scheduled = false;
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

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // The list is painted before its folded details are made.
  afterNextFrame(() => whenBrowserIdle(fill, { timeout: 300 }));
}

function fill(deadline: { timeRemaining(): number }) {
  scheduled = false;
  if (!loaded) {
    void rowDetails.load().then(schedule);
    return;
  }
  let done = 0;
  for (const give of waiting) {
    waiting.delete(give);
    give();
    flushSync(); // the row's details made now, within this slice, not in a microtask after it
    if (++done >= AT_LEAST && deadline.timeRemaining() < 2) break;
  }
  if (waiting.size) schedule();
}

/**
 * Asks for a folded row's details when the browser is idle: `give` is called then (it sets the
 * row's state). Returns what cancels the request, for a row gone before (a filter, a new report).
 */
export function detailsWhenIdle(give: () => void): () => void {
  waiting.add(give);
  schedule();
  return () => waiting.delete(give);
}
