/**
 * Whether the popup's report has drawn every row of its lists: what the popup shows below them
 * (the report's other sections, the first-visit test) waits for it, so that loading them does
 * not hold the list back. It stays true once set: those sections then stay put while a
 * first-visit test takes the tab off the portal and back.
 */
export const listDrawn = $state({ done: false });
