/**
 * What the page's one live region says. The region is in the page from its load, empty (see
 * components/LiveRegion.svelte): a `role=status` element created already filled is not
 * announced by several screen readers, a region already there whose text changes is.
 */

let text = $state('');
let timer: ReturnType<typeof setTimeout> | undefined;

export const liveRegion = {
  get text() {
    return text;
  },
};

/**
 * Says one full sentence to screen-reader users. The region is emptied first and filled a moment
 * later, so that the same sentence twice in a row (two clears of one cookie) is said twice.
 */
export function announce(sentence: string) {
  clearTimeout(timer);
  text = '';
  timer = setTimeout(() => (text = sentence), 60);
}
