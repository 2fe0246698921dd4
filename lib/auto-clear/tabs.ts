/** Which covered portal each tab shows, in which cookie store: what « last tab closed » needs. */

export interface PortalTab {
  site: string;
  storeId: string;
}

/**
 * tabId → the portal it shows; a tab elsewhere is not listed. Only ever used to know which
 * portal a closed tab showed (`tabs.onRemoved` gives nothing but its id): whether a portal still
 * has a tab is always asked of the browser.
 */
export type PortalTabs = Record<string, PortalTab>;

export const samePortal = (a: PortalTab | undefined, b: PortalTab | undefined): boolean =>
  a?.site === b?.site && a?.storeId === b?.storeId;

/**
 * A tab moved (`now` undefined: closed, or showing something else). Returns the new map and the
 * portal it left, if it left one: containers and private windows each keep their own cookies, so
 * each store is judged alone. Whether the portal still has another tab is not decided here.
 */
export function tabMoved(tabs: PortalTabs, tabId: number, now: PortalTab | undefined): { tabs: PortalTabs; left?: PortalTab } {
  const before = tabs[tabId];
  const next = { ...tabs };
  if (now) next[tabId] = now;
  else delete next[tabId];
  if (!before || samePortal(before, now)) return { tabs: next };
  return { tabs: next, left: before };
}

/**
 * The record made true to the tabs really open (the background starting): each tab recorded
 * that is gone or shows something else has left its portal — its close may be the very event
 * that woke the background, not delivered yet.
 */
export function reconcile(recorded: PortalTabs, open: PortalTabs): { tabs: PortalTabs; left: PortalTab[] } {
  const left = Object.entries(recorded)
    .filter(([id, portal]) => !samePortal(portal, open[id]))
    .map(([, portal]) => portal);
  return { tabs: { ...open }, left: unique(left) };
}

export function hasTab(tabs: PortalTabs, portal: PortalTab): boolean {
  return Object.values(tabs).some((t) => samePortal(t, portal));
}

export const portalKey = (portal: PortalTab): string => JSON.stringify([portal.site, portal.storeId]);

function unique(portals: PortalTab[]): PortalTab[] {
  return [...new Map(portals.map((p) => [portalKey(p), p])).values()];
}
