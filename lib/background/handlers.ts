import { browser, type Browser } from 'wxt/browser';
import { cookieKey } from '../cookies/model';
import { storeIdOfTab } from '../cookies/jar';
import { defaultStoreId, isPrivateStore, storesFor } from '../cookies/stores';
import { readSiteCookies } from '../cookies/read-site';
import { clearNonEssential, previewClear } from '../actions/clear';
import { queueIdle } from '../actions/queue';
import type { Handlers } from '../protocol';
import { coveredPortals } from '../portals/coverage';
import { charterFor } from '../portals/charter';
import { portalOfTab } from '../portals/tab';
import { resetPreferences } from '../actions/reset';
import { undo } from '../actions/undo';
import { latestUndo, lostUndo } from '../actions/undo-log';
import { siteCookies } from './cookie-copy';
import { getReport } from './get-report';
import { addPortal, removePortal } from '../portals/manage';
import { journalItem } from '../auto-clear/settings';
import { findUndo } from '../actions/undo-log';
import { endFirstVisit, firstVisitStatus, startFirstVisit } from '../first-visit/run';
import { findDpoContact } from './dpo-contact';
import { signalChanges } from './change-signal';
import { t } from '../i18n/messages';

/**
 * Témoin's own change to the jar, at a page's command: its copy in the background is read again
 * after it, and the pages are told before the answer (the one that asked reads again with it).
 */
async function changingCookies<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    siteCookies.forget();
    await signalChanges(null, true);
  }
}

/** Is the asking page in a private window? Only such a page may work in a private store. */
function privateSender(sender?: Browser.runtime.MessageSender): boolean {
  return sender?.tab?.incognito === true;
}

/** The store a page asks to work in, refused when it is private and the page is not (or the reverse). */
function storeFor(storeId: string | undefined, sender?: Browser.runtime.MessageSender): string {
  const id = storeId ?? defaultStoreId();
  if (isPrivateStore(id) !== privateSender(sender)) {
    throw new Error(isPrivateStore(id) ? t('error.refused.privateOnly') : t('error.refused.privateWindow'));
  }
  return id;
}

/**
 * What the extension's pages may ask of the background, by message name: one handler for each
 * message of the protocol, taking its data and answering its result (checked by `satisfies`).
 */
export const handlers = {
  // Asked while a command removes or restores cookies one by one (a page refreshes at each
  // change), the report and the clearing state wait for its end: computed meanwhile, they would
  // hold the background up and be out of date at once.
  async getReport(request) {
    await queueIdle();
    return getReport(request);
  },
  addPortal,
  removePortal,

  getPortals: coveredPortals,
  findDpoContact,

  startFirstVisit: ({ tabId, seconds }) => changingCookies(startFirstVisit(tabId, seconds)),
  getFirstVisit: firstVisitStatus,
  async getClearJournal() {
    const journal = await journalItem.getValue();
    return Promise.all(journal.map(async (entry) => ({ ...entry, undoable: entry.undoId !== undefined && (await findUndo(entry.undoId)) !== undefined })));
  },
  async stopFirstVisit(tabId) {
    await changingCookies(endFirstVisit(t('command.stoppedByYou')));
    return firstVisitStatus(tabId);
  },

  async getCookieValues(tabId) {
    const { url, coverage } = await portalOfTab(tabId);
    if (!url || !coverage) throw new Error(t('error.notCoveredTab'));
    const cookies = await readSiteCookies(url, await storeIdOfTab(tabId));
    return Object.fromEntries(cookies.map((c) => [cookieKey(c), c.value]));
  },

  async resetPreferences(tabId) {
    const { url, coverage } = await portalOfTab(tabId);
    if (!url || !coverage) throw new Error(t('error.notCoveredTab'));
    const result = await changingCookies(resetPreferences(url, await storeIdOfTab(tabId), tabId));
    // Reloaded, the portal finds no choice and shows its banner again.
    if (result.done.length) await browser.tabs.reload(tabId);
    return result;
  },

  getCookieStores: (_, sender) => storesFor(privateSender(sender)),

  async getClearState({ site, storeId }, sender) {
    await queueIdle();
    const store = storeFor(storeId, sender);
    const charter = await charterFor(site);
    const [preview, last, gone] = await Promise.all([
      previewClear(charter, store),
      latestUndo(site, 'clear', store),
      lostUndo(site, 'clear', store),
    ]);
    return {
      preview,
      charterLang: charter.lang ?? 'fr',
      ...(last && {
        lastClear: { id: last.id, at: last.at, count: last.cookies.length, ...(last.interrupted && { interrupted: true }) },
      }),
      ...(gone && { undoGone: { at: gone.at, count: gone.count, ...(gone.givenUp && { givenUp: true }) } }),
    };
  },

  async clearNonEssential({ site, ids, storeId }, sender) {
    const store = storeFor(storeId, sender);
    return changingCookies(clearNonEssential(await charterFor(site), ids, store));
  },

  async undo(undoId) {
    const { entry, ...result } = await changingCookies(undo(undoId));
    if (entry.kind === 'reset' && entry.tabId !== undefined && result.done.length) {
      await browser.tabs.reload(entry.tabId).catch(() => {}); // the tab may be gone; the cookies are back
    }
    return result;
  },
} satisfies Handlers;
