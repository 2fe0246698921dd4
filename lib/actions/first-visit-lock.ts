/**
 * While a first-visit test runs, the cookies of its portal's domain in its store are the test's,
 * not the visitor's: the visitor's own are set aside, to be put back when it ends. A clear,
 * reset or undo there would act on the test's cookies and keep them in the undo log, and the
 * test's end would wipe what it restored; so each of them checks here, inside the queue
 * (queue.ts), and is refused with a sentence; automatic clearing waits for the test's end.
 * Held for the whole registrable domain: `_ga` on `issy.com` belongs to every portal under it.
 */
import { registrableDomain } from '../cookies/site';
import { t } from '../i18n/messages';

interface Held {
  site: string;
  domain: string;
  storeId: string;
  over: Promise<void>;
}

let held: Held | undefined;
/** A test found interrupted when the background started, being put back. */
let recovery: Promise<unknown> = Promise.resolve();

/** Marks a portal's domain and store as under test until the returned function is called. */
export function holdForFirstVisit(site: string, storeId: string): () => void {
  let release!: () => void;
  const over = new Promise<void>((resolve) => (release = resolve));
  const mine: Held = { site, domain: registrableDomain(site), storeId, over };
  held = mine;
  return () => {
    if (held === mine) held = undefined;
    release();
  };
}

/** The background puts an interrupted test back: what waits for tests waits for it too. */
export function recoveringFirstVisit(work: Promise<unknown>): void {
  recovery = work.catch(() => {});
}

function heldFor(host: string, storeId: string): Held | undefined {
  return held && held.storeId === storeId && held.domain === registrableDomain(host) ? held : undefined;
}

/** Throws, in the visitor’s language, when a test holds this host's domain in this store. Called inside the queue. */
export function assertNoFirstVisit(host: string, storeId: string): void {
  const test = heldFor(host, storeId);
  if (test) {
    throw new Error(t('error.firstVisitUnderWay', test.site));
  }
}

/** Resolves once no test holds this host's domain in this store (at once when none does). */
export async function firstVisitOver(host: string, storeId: string): Promise<void> {
  await recovery;
  for (let test = heldFor(host, storeId); test; test = heldFor(host, storeId)) await test.over;
}
