/**
 * « Tester une première visite »: what a portal sets before a visitor makes any choice. The
 * visitor's own cookies and storage are set aside, the tab is reloaded as a first-time visitor's,
 * and what appears is classified by the charter and dated against the choice (none yet).
 */
import type { CharterStatus } from '../charter/choose';
import type { Charter } from '../charter/model';
import type { ClassifiedCookie, StorageItem } from '../audit/classify';
import type { CookieRef } from '../actions/result';
import type { CookieFacts, StoredCookie } from '../cookies/model';
import { cookieKey } from '../cookies/model';
import { jsonBytes } from '../storage-budget';
import { buildReport, type Report } from '../audit/report';
import type { Timeline } from '../cookies/timeline';
import type { StorageEntries } from '../page/storage';


/**
 * What a test set aside, values and all, to put back exactly. Kept in the extension's local
 * storage (on disk) from before anything is removed until it is all put back, so that a browser
 * closed mid-test gets the visitor's cookies back at its next start; the page's sessionStorage,
 * which dies with the browser anyway, is kept in session storage only (run.ts).
 */
export interface SetAside {
  /** This test, told apart from one of an earlier browser session whose tab ids mean nothing now. */
  id: string;
  tabId: number;
  site: string;
  page: string;
  storeId: string;
  scheme: 'https' | 'http';
  seconds: number;
  /** When the tab was reloaded as a first visitor's (ms), and when the watch ends. */
  startedAt: number;
  endsAt: number;
  cookies: StoredCookie[];
  storage: StorageEntries;
  /** The page's storage was read and emptied (and so is to be put back). */
  storageTaken?: boolean;
  /** How many sessionStorage entries the tab had (the entries themselves are not kept on disk). */
  sessionKeys?: number;
  /** The visitor's pages of the portal in this store, unloaded for the test and reloaded after it. */
  unloaded: { tabId: number; url: string }[];
  /** Cookies left where they are during the test: this browser cannot remove and recreate them exactly. */
  untouched: CookieRef[];
  /**
   * The visitor's cookies have begun to be removed (their copy was written first): the end
   * recreates them. Until then, the end touches no cookie.
   */
  swapped?: boolean;
}

/** What a test's end put back, and what it could not: the report says exactly this. */
export interface Restored {
  /** The visitor's cookies recreated. */
  cookies: number;
  failed: { cookie: CookieRef; reason: string }[];
  /** The page's storage is as it was before the test. */
  storage: boolean;
  /** Why it is not, or what of it waits for the visitor (a sentence). */
  storageNote?: string;
  /** The visitor's cookies the test left in place (see SetAside.untouched). */
  untouched?: CookieRef[];
  /** Cookies the portal set during the test that the browser refused to remove. */
  leftover?: { cookie: CookieRef; reason: string }[];
}

/** A cookie the portal set during the test. */
export interface Observed {
  cookie: Omit<StoredCookie, 'value'>;
  firstSetAt: number;
  lastChangedAt: number;
}

export interface FirstVisitReport {
  /** The tab tested: its report stays with it when the visitor left the portal. */
  tabId: number;
  site: string;
  page: string;
  storeId: string;
  startedAt: string;
  endedAt: string;
  seconds: number;
  /** Why the test ended before its time, if it did. */
  stopped?: string;
  /** The visitor made a choice in the banner during the test: only what came before it is listed. */
  choiceMadeAt?: string;
  charter: Report['charter'];
  charterUsed: CharterStatus['used'];
  /** Every cookie the portal set before any choice, classified, with its findings. */
  cookies: ClassifiedCookie[];
  /** Storage keys the page held at the end of the test (names only). */
  storage: StorageItem[];
  /** The visitor's cookies and storage put back. */
  restored: Restored;
  /** How many cookies and storage keys the report leaves out, to fit in the room Témoin keeps for it. */
  leftOut?: { cookies: number; storage: number };
  /** Why the browser did not keep the report (a sentence): it lasts only as long as the background. */
  notSaved?: string;
}

export interface ReportInput {
  charter: Charter;
  status: CharterStatus;
  aside: Pick<SetAside, 'tabId' | 'site' | 'page' | 'storeId' | 'seconds' | 'startedAt'>;
  observed: Observed[];
  storageKeys?: { local: string[]; session: string[] };
  endedAt: number;
  choiceMadeAt?: number;
  stopped?: string;
}

/**
 * The test's findings: the cookies set before the choice (all of them when the visitor made
 * none), classified as the popup does, each dated, with the charter's verdict and the CNIL's
 * rules (a tracker present without consent, set before any choice).
 */
export function firstVisitReport(input: ReportInput): Omit<FirstVisitReport, 'restored'> {
  const { aside, choiceMadeAt } = input;
  const before = input.observed.filter((o) => choiceMadeAt === undefined || o.firstSetAt < choiceMadeAt);
  const timeline: Timeline = {
    watchStartedAt: aside.startedAt,
    entries: Object.fromEntries(
      before.map((o) => [
        cookieKey(o.cookie),
        {
          name: o.cookie.name,
          domain: o.cookie.domain,
          path: o.cookie.path,
          storeId: o.cookie.storeId,
          firstSetAt: o.firstSetAt,
          lastChangedAt: o.lastChangedAt,
          setBy: 'site' as const,
        },
      ]),
    ),
  };
  const facts: CookieFacts[] = before.map((o) => ({ ...o.cookie, seenByPage: false, seenByApi: true }));
  const report = buildReport({
    charter: input.charter,
    facts,
    pageUrl: new URL(aside.page),
    now: new Date(input.endedAt),
    timeline,
    ...(input.storageKeys && { storageKeys: input.storageKeys }),
  });
  return {
    tabId: aside.tabId,
    site: aside.site,
    page: aside.page,
    storeId: aside.storeId,
    startedAt: new Date(aside.startedAt).toISOString(),
    endedAt: new Date(input.endedAt).toISOString(),
    seconds: aside.seconds,
    ...(input.stopped && { stopped: input.stopped }),
    ...(choiceMadeAt !== undefined && { choiceMadeAt: new Date(choiceMadeAt).toISOString() }),
    charter: report.charter,
    charterUsed: input.status.used,
    // Without any finding about the whole site: it concerns the visitor's jar, not this test.
    cookies: report.cookies,
    storage: report.storage,
  };
}


/**
 * The report cut to `maxBytes` as JSON: the cookies and storage keys that fit are kept in
 * order, and the report counts those it leaves out. A page that sets 1,200 cookies with names
 * of 3,000 characters would otherwise fill the room every report shares.
 */
export function reportWithin(report: FirstVisitReport, maxBytes: number): FirstVisitReport {
  if (jsonBytes(report) <= maxBytes) return report;
  const leftOut = { cookies: report.cookies.length + (report.leftOut?.cookies ?? 0), storage: report.storage.length + (report.leftOut?.storage ?? 0) };
  // Room for the counts at their largest (each only goes down).
  let used = jsonBytes({ ...report, cookies: [], storage: [], leftOut });
  const take = <T>(items: T[]): T[] => {
    const kept: T[] = [];
    for (const item of items) {
      const more = jsonBytes(item) + 1;
      if (used + more > maxBytes) break;
      used += more;
      kept.push(item);
    }
    return kept;
  };
  const cookies = take(report.cookies);
  const storage = take(report.storage);
  leftOut.cookies -= cookies.length;
  leftOut.storage -= storage.length;
  return { ...report, cookies, storage, leftOut };
}
