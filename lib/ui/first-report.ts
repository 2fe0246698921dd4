import { sendMessage, type ReportResult } from '../protocol';

/**
 * Asks the background for the popup's report: `popup.html?tabId=N` reports on tab N; opened from
 * the toolbar, on the active tab, which the background looks up in the same round trip. No
 * webextension polyfill here (messaging uses `chrome` directly), so the classic script that runs
 * it first stays small.
 */
export function askFirstReport(): Promise<ReportResult> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param === null ? 'active' : /^\d+$/.test(param) ? Number(param) : undefined;
  if (tab === undefined) return Promise.resolve({ state: 'error', message: 'Aucun onglet à examiner.' });
  return sendMessage('getReport', { tab }).catch((error: unknown) => ({
    state: 'error' as const,
    message: error instanceof Error ? error.message : String(error),
  }));
}

/** Where the classic script leaves the request it started. */
const KEY = 'temoinFirstReport';

/** Run by /first-report.js in the popup's <head>, before the interface's modules load. */
export function startFirstReport(): void {
  (globalThis as Record<string, unknown>)[KEY] = askFirstReport();
}

/** The request /first-report.js started, or a new one should that script not have run. */
export function takeFirstReport(): Promise<ReportResult> {
  return ((globalThis as Record<string, unknown>)[KEY] as Promise<ReportResult> | undefined) ?? askFirstReport();
}
