import { browser } from 'wxt/browser';
import type { PageCharterReading } from './charter';
import { CONTACT_SEARCH_BUDGET_MS, type PageContactSearch } from './contact';
import { CHARTER_FETCH_TIMEOUT_MS } from './fetch-charter';
import type { PageProbe } from './probe';
import { pageEntry, type PageRequests } from './requests';
import type { StorageEntries } from './storage';

/**
 * The background's one door into portal pages: it runs the page script there and asks it
 * (lib/page/requests.ts). Nothing else injects anything.
 */

/** Where WXT writes the page script (entrypoints/page.content.ts). */
const PAGE_SCRIPT = '/content-scripts/page.js';

/** How long a page may take to answer. A page whose scripts keep it busy never would. */
export const PAGE_PROBE_LIMIT_MS = 3000;
const API_PROBE_LIMIT_MS = 6000;
/** The page's own fetch gives up sooner (8 s a page): this bounds the rest, parsing included. */
export const CHARTER_READING_LIMIT_MS = CHARTER_FETCH_TIMEOUT_MS + 7000;
/** Long: the page's storage is emptied by the same call that reads it, so giving up early could lose it. */
const STORAGE_LIMIT_MS = 15_000;

/** What a page answered, or that it did not: it could not be scripted, or was `late`. */
export type PageAnswer<T> = { ok: true; value: T } | { ok: false; late: boolean };

type Injection = { files: string[] } | { func: typeof callPageScript; args: Parameters<typeof callPageScript> };

/**
 * Runs an injection in a tab's page (its top frame), for `limitMs` at most. Not ok when the
 * page cannot be scripted (a browser page, a site Témoin has no permission for, a page still
 * loading), gives nothing back, or does not answer in time.
 */
async function inTab<T>(tabId: number, limitMs: number, injection: Injection): Promise<PageAnswer<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const run = browser.scripting.executeScript({ target: { tabId }, ...injection } as never);
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limitMs);
    });
    const frames = await Promise.race([run, late]);
    if (frames === 'late') return { ok: false, late: true };
    const value = (frames?.[0] as { result?: T } | undefined)?.result;
    return value === undefined || value === null ? { ok: false, late: false } : { ok: true, value };
  } catch {
    return { ok: false, late: false };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Serialised by the browser into the page, so it refers to nothing outside its body: it only
 * calls the answering function the page script left in the extension's world of the page.
 */
function callPageScript(entry: string, name: string, args: unknown[]): unknown {
  const answer = (globalThis as Record<string, unknown>)[entry];
  return typeof answer === 'function' ? answer(name, args) : undefined;
}

const entry = () => pageEntry(browser.runtime.getManifest().version);

/**
 * What the page sees (its cookie names, storage keys, Opendatasoft markup), from the page script:
 * asked of the one already in the page, or injected when the page has none (it went to another
 * page since, or never had one), so that a page is not given the whole script at every opening.
 */
export async function probeTab(tabId: number): Promise<PageProbe | undefined> {
  const asked = await inTab<PageProbe>(tabId, PAGE_PROBE_LIMIT_MS, { func: callPageScript, args: [entry(), 'probe', []] });
  if (asked.ok) return asked.value;
  if (asked.late) return undefined;
  const injected = await inTab<PageProbe>(tabId, PAGE_PROBE_LIMIT_MS, { files: [PAGE_SCRIPT] });
  return injected.ok ? injected.value : undefined;
}

/** Makes sure the page script is in the page the tab shows now, then asks it `name`. */
async function askPage<Name extends keyof PageRequests>(
  tabId: number,
  limitMs: number,
  name: Name,
  ...args: Parameters<PageRequests[Name]>
): Promise<PageAnswer<Awaited<ReturnType<PageRequests[Name]>>>> {
  if (!(await probeTab(tabId))) return { ok: false, late: false };
  return inTab(tabId, limitMs, { func: callPageScript, args: [entry(), name, args] });
}

export async function isOpendatasoftTab(tabId: number, probe?: PageProbe): Promise<boolean> {
  if (probe?.opendatasoftMarkup) return true;
  const answer = await askPage(tabId, API_PROBE_LIMIT_MS, 'portalApiAnswers');
  return answer.ok && answer.value === true;
}

/** The site's published charter, read and parsed in the portal's page (lib/page/charter.ts). Untrusted. */
export function readCharterInTab(tabId: number, site: string): Promise<PageAnswer<PageCharterReading>> {
  return askPage(tabId, CHARTER_READING_LIMIT_MS, 'readCharter', site);
}

/** The DPO's contact, looked for in the portal's pages (lib/page/contact.ts). Untrusted. */
export function findContactInTab(tabId: number, charterUrl: string | undefined): Promise<PageAnswer<PageContactSearch>> {
  // The last page may start just before the budget ends, and take its 8 seconds.
  return askPage(tabId, CONTACT_SEARCH_BUDGET_MS + CHARTER_FETCH_TIMEOUT_MS + 3000, 'findContact', charterUrl);
}

/** A first-visit test takes the page's storage aside (lib/page/storage.ts). */
export async function takeStorageInTab(tabId: number): Promise<StorageEntries | undefined> {
  const answer = await askPage(tabId, STORAGE_LIMIT_MS, 'takeStorage');
  return answer.ok ? answer.value : undefined;
}

/** …and puts it back; false when the page could not be written. */
export async function putStorageInTab(tabId: number, entries: StorageEntries): Promise<boolean> {
  const answer = await askPage(tabId, STORAGE_LIMIT_MS, 'putStorage', entries);
  return answer.ok && answer.value === true;
}

/** …or only the tab's sessionStorage, when the visitor comes back to the portal after the test. */
export async function putSessionStorageInTab(tabId: number, entries: [string, string][]): Promise<boolean> {
  const answer = await askPage(tabId, STORAGE_LIMIT_MS, 'putSessionStorage', entries);
  return answer.ok && answer.value === true;
}
