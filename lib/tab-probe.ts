import { browser } from 'wxt/browser';
import {
  CHARTER_FETCH_TIMEOUT_MS,
  CHARTER_PAGE_TYPES,
  fetchCharterPage,
  MAX_CHARTER_BYTES,
  type FetchedPage,
} from './charter/fetch-page';
import { opendatasoftApiAnswers } from './opendatasoft';
import { probePage, type PageProbe } from './page-probe';

/**
 * Runs one of Témoin's self-contained functions inside a tab's page. Undefined when the page
 * cannot be scripted: a browser page, a site Témoin has no permission for, a page still loading.
 */
async function inTab<Args extends unknown[], Result>(
  tabId: number,
  func: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result | undefined> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func, args } as never);
    return ((frame as { result?: Result } | undefined)?.result ?? undefined) as Result | undefined;
  } catch {
    return undefined;
  }
}

/** What the page sees: its cookie names, storage keys, Opendatasoft markup, charter links. */
export function probeTab(tabId: number): Promise<PageProbe | undefined> {
  return inTab(tabId, probePage);
}

export async function isOpendatasoftTab(tabId: number, probe?: PageProbe): Promise<boolean> {
  return probe?.opendatasoftMarkup === true || (await inTab(tabId, opendatasoftApiAnswers)) === true;
}

/** The charter page's HTML, fetched from the portal's page, without the visitor's cookies. */
export async function fetchCharterInTab(tabId: number, candidates: string[]): Promise<FetchedPage> {
  return (
    (await inTab(tabId, fetchCharterPage, candidates, MAX_CHARTER_BYTES, CHARTER_FETCH_TIMEOUT_MS, CHARTER_PAGE_TYPES)) ?? {
      ok: false,
      reason: 'la page du portail n’a pas pu être lue',
    }
  );
}
