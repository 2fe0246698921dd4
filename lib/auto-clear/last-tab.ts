/**
 * « Quand je ferme le dernier onglet du portail »: when a tab leaves a portal (closed, or gone
 * elsewhere), a clearing of that portal and store falls due after the grace delay; when it is
 * due, the browser is asked which tabs are really open, and the portal is cleared only if none
 * of them shows it in that store.
 *
 * Why it is built this way (a Chrome service worker, or a Firefox MV3 event page, is stopped
 * after about 30 s without events and started again by the next one):
 * - `tabs.onRemoved` gives only the closed tab's id, so the portal each tab shows is recorded
 *   (in session storage, to outlive the worker). The record can only say which portal a closed
 *   tab left; it never decides that a portal has no tab left.
 * - Every read-change-write of the record, and every decision, runs one after the other:
 *   events arrive together (a window closing with several tabs, tabs opening at once).
 * - When the background starts, the record is made true to the tabs open, and a recorded tab
 *   that is gone counts as having left its portal: the close that woke the background may not
 *   have been delivered yet, and rebuilding the record must not lose it.
 * - A clearing due is kept with its due time in session storage: a worker stopped during the
 *   grace delay takes it up again when the next event starts it.
 */
import { hasTab, portalKey, reconcile, samePortal, tabMoved, type PortalTab, type PortalTabs } from './tabs';

/** A tab the browser has open: its address (or the one it is loading) and its cookie store. */
export interface OpenTab {
  id: number;
  urls: string[];
  storeId: string;
}

export interface Slot<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** A clearing due: which portal, and when (ms since 1970). */
export interface Due extends PortalTab {
  at: number;
}

export interface LastTabIo {
  /** Every tab open now, as the browser says. */
  openTabs(): Promise<OpenTab[]>;
  /** The covered portal an address belongs to (its site), if any. */
  portalOf(url: string | undefined): Promise<string | undefined>;
  /** The cookie store of a tab that is open. */
  storeOf(tabId: number): Promise<string>;
  /** Automatic clearing on leaving is chosen for this portal. */
  chosen(site: string): Promise<boolean>;
  clear(portal: PortalTab): Promise<unknown>;
  grace(): Promise<number>;
  now(): number;
  later(run: () => void, ms: number): void;
  tabs: Slot<PortalTabs>;
  due: Slot<Record<string, Due>>;
}

export function lastTabWatch(io: LastTabIo) {
  let tail: Promise<unknown> = Promise.resolve();
  /** One at a time, in the order asked: each step reads and writes the stored record whole. */
  function serial<T>(step: () => Promise<T>): Promise<T> {
    const run = tail.then(step, step);
    tail = run.catch(() => {});
    return run;
  }

  async function portalOfTab(tabId: number, urls: (string | undefined)[], storeId?: string): Promise<PortalTab | undefined> {
    for (const url of urls) {
      const site = await io.portalOf(url);
      if (site) return { site, storeId: storeId ?? (await io.storeOf(tabId)) };
    }
    return undefined;
  }

  /** Inside `serial`: a portal was left; its clearing falls due after the grace delay. */
  async function leave(portals: PortalTab[]): Promise<void> {
    const due = { ...(await io.due.getValue()) };
    const ms = await io.grace();
    const scheduled: PortalTab[] = [];
    for (const portal of portals) {
      if (!(await io.chosen(portal.site))) continue;
      due[portalKey(portal)] = { ...portal, at: io.now() + ms };
      scheduled.push(portal);
    }
    if (!scheduled.length) return;
    await io.due.setValue(due);
    for (const portal of scheduled) io.later(() => void check(portal), ms);
  }

  /** The portals that have a tab really open now. */
  async function openPortals(): Promise<PortalTabs> {
    const open: PortalTabs = {};
    for (const tab of await io.openTabs()) {
      const portal = await portalOfTab(tab.id, tab.urls, tab.storeId);
      if (portal) open[tab.id] = portal;
    }
    return open;
  }

  /** When a clearing falls due: cleared only if no tab really open shows the portal in that store. */
  async function check(portal: PortalTab): Promise<void> {
    const go = await serial(async () => {
      const due = await io.due.getValue();
      const entry = due[portalKey(portal)];
      if (!entry) return false; // done already, or the portal came back
      const wait = entry.at - io.now();
      if (wait > 0) {
        io.later(() => void check(portal), wait); // left again since: due later
        return false;
      }
      const { [portalKey(portal)]: _done, ...rest } = due;
      await io.due.setValue(rest); // once: whatever follows, this clearing is not run twice
      return !hasTab(await openPortals(), portal) && (await io.chosen(portal.site));
    });
    if (go) await io.clear(portal);
  }

  return {
    /** The background starts: the record made true to the tabs open, and clearings due taken up. */
    start(): Promise<void> {
      return serial(async () => {
        const { tabs, left } = reconcile(await io.tabs.getValue(), await openPortals());
        await io.tabs.setValue(tabs);
        await leave(left);
        const now = io.now();
        for (const due of Object.values(await io.due.getValue())) {
          io.later(() => void check(due), Math.max(0, due.at - now));
        }
      });
    },

    /** A tab loaded an address (or the tab closed: `url` undefined, `closed` true). */
    changed(tabId: number, url: string | undefined, closed = false): Promise<void> {
      return serial(async () => {
        const now = closed ? undefined : await portalOfTab(tabId, [url]).catch(() => undefined);
        const recorded = await io.tabs.getValue();
        if (samePortal(recorded[tabId], now)) return;
        const { tabs, left } = tabMoved(recorded, tabId, now);
        await io.tabs.setValue(tabs);
        if (left) await leave([left]);
      });
    },
  };
}

export type LastTabWatch = ReturnType<typeof lastTabWatch>;
