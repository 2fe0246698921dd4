/**
 * How the background talks to the page script (entrypoints/page.content.ts). Injected, the
 * script reads the page and returns what it saw (`PageProbe`); it also leaves, in the extension's
 * own world of the page (which the page's scripts cannot reach), a function that answers the
 * requests below until the page goes away. The background asks them with a one-line injected
 * call (lib/page/inject.ts), which carries their arguments (a file injection cannot), and
 * injects the script again only when the page no longer has it.
 */
import type { PageCharterReading } from './charter';
import type { PageContactSearch } from './contact';
import type { PageProbe } from './probe';
import type { StorageEntries } from './storage';

/** What the background may ask the page script once it runs in a page, by name. */
export interface PageRequests {
  /** What the page shows now, as the script returns when injected: asked again at later openings. */
  probe(): PageProbe;
  /** Reads the site's published charter, when it is due (lib/background/charter-reading.ts). */
  readCharter(site: string): Promise<PageCharterReading>;
  /** Looks for the data protection officer's contact in the portal's pages (lib/page/contact.ts). */
  findContact(charterUrl?: string): Promise<PageContactSearch>;
  /** Does the page's origin answer Opendatasoft's catalogue API? */
  portalApiAnswers(): Promise<boolean>;
  /** A first-visit test takes the page's storage aside, then puts it back (lib/first-visit/run.ts). */
  takeStorage(): StorageEntries;
  putStorage(entries: StorageEntries): boolean;
  putSessionStorage(entries: [string, string][]): boolean;
}

/**
 * The global the page script's answering function is left under, in the extension's world; by
 * version, so that a page script left by an older version is never asked (the newer one is injected).
 */
export function pageEntry(version: string): string {
  return `temoinPage@${version}`;
}

export type PageEntry = <Name extends keyof PageRequests>(
  name: Name,
  args: Parameters<PageRequests[Name]>,
) => ReturnType<PageRequests[Name]>;
