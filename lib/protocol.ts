/**
 * The one protocol between the extension's parts. Queries return one complete snapshot;
 * commands return `{ done, failed }`. Thrown errors reach the caller as rejections.
 */
import { defineExtensionMessaging, type GetDataType, type GetReturnType, type MaybePromise } from '@webext-core/messaging';
import type { Browser } from 'wxt/browser';
import type { CharterStatus } from './charter/choose';
import type { ClearPreview } from './actions/clear';
import type { CookieStore } from './cookies/stores';
import type { CommandResult } from './actions/result';
import type { CoveredPortals } from './portals/coverage';
import type { Report } from './audit/report';
import type { FirstVisitStatus } from './first-visit/run';
import type { JournalEntry } from './auto-clear/settings';
import type { DpoSearch } from './letter/validate-contact';

export type ReportResult = (
  | {
      state: 'report';
      report: Report;
      charterStatus: CharterStatus;
      /** The published charter is due to be read, or being read: ask again with `readCharter`. */
      charterStale: boolean;
      /** The charter asked for was read but could not be kept (storage full, for one): why. */
      charterError?: string;
      /** The page itself could be read (document.cookie, storage keys). */
      pageRead: boolean;
      resetUndo?: { id: string; at: string };
      /** The latest reset, when it can no longer be undone: the browser was closed since. */
      resetUndoGone?: { at: string; givenUp?: boolean };
    }
  /** `portal` when the page is an Opendatasoft portal Témoin may analyse, with the permission to ask. */
  | { state: 'not-covered'; host: string | null; portal?: { permission: string } }
  | { state: 'error'; message: string }
) & {
  /** The tab reported on, also when the active tab was asked for; absent when there was none. */
  tabId?: number;
};

export interface ClearState {
  preview: ClearPreview;
  /** The language of the charter the preview is made from: its own words are shown in it. */
  charterLang?: string;
  /** The latest clearing in this store that can be undone; `interrupted` when it was cut short. */
  lastClear?: { id: string; at: string; count: number; interrupted?: boolean };
  /** The latest clearing, when it can no longer be undone: the browser was closed since. */
  undoGone?: { at: string; count: number; givenUp?: boolean };
}

/**
 * A report on a tab by its id (`popup.html?tabId=`), or on the active one (toolbar). With
 * `readCharter`, the site's published charter is read first (`when-due`: only if it is due;
 * `now`: « Relire la charte »), and the report answered once it is kept.
 */
export interface ReportRequest {
  tab: number | 'active';
  readCharter?: 'when-due' | 'now';
}

export interface ProtocolMap {
  /** popup → background */
  getReport(request: ReportRequest): ReportResult;
  resetPreferences(tabId: number): CommandResult;
  addPortal(tabId: number): { host: string };
  /** Cookie values by report cookie id, only when the visitor asks to export them. */
  getCookieValues(tabId: number): Record<string, string>;
  /** « Écrire au délégué à la protection des données »: the DPO's contact the portal publishes, and where Témoin looked. */
  findDpoContact(tabId: number): DpoSearch;
  /** options → background: the cookie stores that page works in (a private one only from a private window). */
  getCookieStores(): CookieStore[];
  /** Without `storeId`, the default store. */
  getClearState(request: { site: string; storeId?: string }): ClearState;
  clearNonEssential(request: { site: string; ids: string[]; storeId?: string }): CommandResult;
  /** options → background: the covered sites, each added portal checked against its permission. */
  getPortals(): CoveredPortals;
  removePortal(host: string): void;
  /** « Tester une première visite » on a tab, for 5, 10, 20 or 30 seconds. */
  startFirstVisit(request: { tabId: number; seconds: number }): FirstVisitStatus;
  getFirstVisit(tabId: number): FirstVisitStatus;
  /** Stops the test early; the visitor's cookies come back. */
  stopFirstVisit(tabId: number): FirstVisitStatus;
  /** « Historique des nettoyages »: each automatic clearing, and whether it can still be undone. */
  getClearJournal(): (JournalEntry & { undoable: boolean })[];
  /** popup or options → background */
  undo(undoId: string): CommandResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

export type MessageName = keyof ProtocolMap;

/**
 * What answers a message in the background: its data (and the page that sent it) in, its answer
 * out. The background's handlers `satisfies` this map, so a handler that takes or answers
 * anything else than its message says does not compile.
 */
export type Handlers = {
  [Name in MessageName]: (
    data: GetDataType<ProtocolMap[Name]>,
    sender: Browser.runtime.MessageSender,
  ) => MaybePromise<GetReturnType<ProtocolMap[Name]>>;
};
