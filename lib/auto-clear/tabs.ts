/** Which covered portal each tab shows, in which cookie store: what « last tab closed » needs. */

export interface PortalTab {
  site: string;
  storeId: string;
}

/** tabId → the portal it shows; a tab elsewhere is not listed. */
export type PortalTabs = Record<string, PortalTab>;

/**
 * A tab moved (`now` undefined: closed, or showing something else). Returns the new map and the
 * portal it left, if it left one and no other tab of that portal remains in the same store:
 * containers and private windows each keep their own cookies, so each is judged alone.
 */
export function tabMoved(tabs: PortalTabs, tabId: number, now: PortalTab | undefined): { tabs: PortalTabs; left?: PortalTab } {
  const before = tabs[tabId];
  const next = { ...tabs };
  if (now) next[tabId] = now;
  else delete next[tabId];
  if (!before || (now && now.site === before.site && now.storeId === before.storeId)) return { tabs: next };
  return { tabs: next, ...(!hasTab(next, before) && { left: before }) };
}

export function hasTab(tabs: PortalTabs, portal: PortalTab): boolean {
  return Object.values(tabs).some((t) => t.site === portal.site && t.storeId === portal.storeId);
}
