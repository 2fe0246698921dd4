import type CookieDetails from '../../components/CookieDetails.svelte';

/**
 * A cookie row's details (components/CookieDetails.svelte), for every row of the popup, the
 * first-visit report: one import for all the rows, started by the first row rendered. A row
 * being opened gets them as soon as they are loaded; the folded rows get theirs a few at a time once the list is painted,
 * while the browser is idle (lib/ui/row-details-fill.ts), so that they stay in each row's text
 * (read with it, found by it) without delaying the painted list: with 180 rows, the folded
 * details are as many elements again as the rows themselves. What stays here is what the
 * popup loads before its first paint.
 */
let loaded = $state.raw<typeof CookieDetails | undefined>();
let loading: Promise<unknown> | undefined;
/** Folded rows waiting for their details, in the order they were rendered. */
const waiting = new Set<() => void>();
let schedule: (() => void) | undefined;

export const rowDetails = {
  /** The details' component, once loaded. */
  get component() {
    return loaded;
  },
  load(): Promise<unknown> {
    return (loading ??= import('./row-details-fill').then((module) => {
      loaded = module.CookieDetails;
      (schedule = module.filler(waiting))();
    }));
  },
};

/**
 * Asks for a folded row's details, made when the browser is idle: `give` is called then (it
 * sets the row's state). Returns what cancels the request, for a row gone before (a filter, a
 * new report).
 */
export function detailsWhenIdle(give: () => void): () => void {
  waiting.add(give);
  if (schedule) schedule();
  else void rowDetails.load();
  return () => waiting.delete(give);
}
