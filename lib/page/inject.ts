import { browser } from 'wxt/browser';
import type { StorageEntries } from '../first-visit/model';
import { putPageStorage, takePageStorage } from '../first-visit/page-storage';
import {
  CHARTER_FETCH_TIMEOUT_MS,
  CHARTER_PAGE_TYPES,
  fetchCharterPage,
  MAX_CHARTER_BYTES,
  type FetchedPage,
} from '../charter/fetch-page';
import { opendatasoftApiAnswers } from './opendatasoft';
import { probePage, type PageProbe } from './probe';

/** How long a page may take to answer. A page whose scripts keep it busy never would. */
export const PAGE_PROBE_LIMIT_MS = 3000;
const API_PROBE_LIMIT_MS = 6000;
const CHARTER_FETCH_LIMIT_MS = CHARTER_FETCH_TIMEOUT_MS * 2;

/**
 * Runs one of Témoin's self-contained functions inside a tab's page, for `limitMs` at most.
 * Undefined when the page cannot be scripted (a browser page, a site Témoin has no permission
 * for, a page still loading) or does not answer in time.
 */
async function inTab<Args extends unknown[], Result>(
  tabId: number,
  limitMs: number,
  func: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const run = browser.scripting.executeScript({ target: { tabId }, func, args } as never);
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), limitMs);
    });
    const frames = await Promise.race([run, late]);
    if (!frames) return undefined;
    const [frame] = frames;
    return ((frame as { result?: Result } | undefined)?.result ?? undefined) as Result | undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** What the page sees: its cookie names, storage keys, Opendatasoft markup, charter links. */
export function probeTab(tabId: number): Promise<PageProbe | undefined> {
  return inTab(tabId, PAGE_PROBE_LIMIT_MS, probePage);
}

export async function isOpendatasoftTab(tabId: number, probe?: PageProbe): Promise<boolean> {
  return probe?.opendatasoftMarkup === true || (await inTab(tabId, API_PROBE_LIMIT_MS, opendatasoftApiAnswers)) === true;
}

/** The charter page's HTML, fetched from the portal's page, without the visitor's cookies. */
export async function fetchCharterInTab(tabId: number, candidates: string[]): Promise<FetchedPage> {
  return (
    (await inTab(tabId, CHARTER_FETCH_LIMIT_MS, fetchCharterPage, candidates, MAX_CHARTER_BYTES, CHARTER_FETCH_TIMEOUT_MS, CHARTER_PAGE_TYPES)) ?? {
      ok: false,
      reason: 'la page du portail n’a pas pu être lue',
    }
  );
}

const STORAGE_LIMIT_MS = 15_000;

/** A first-visit test takes the page's storage aside (lib/first-visit/page-storage.ts). */
export function takeStorageInTab(tabId: number): Promise<StorageEntries | undefined> {
  // Long: the page's storage is emptied by the same call that reads it, so giving up early could lose it.
  return inTab(tabId, STORAGE_LIMIT_MS, takePageStorage);
}

/** …and puts it back; false when the page could not be written. */
export async function putStorageInTab(tabId: number, entries: StorageEntries): Promise<boolean> {
  return (await inTab(tabId, STORAGE_LIMIT_MS, putPageStorage, entries)) === true;
}
