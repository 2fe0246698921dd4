import { sendMessage, type ReportResult } from './messaging';

export interface FirstReport {
  tabReady: Promise<number | undefined>;
  report: Promise<ReportResult>;
}

/**
 * Asks the background for the popup's report: `popup.html?tabId=N` reports on tab N, opened
 * from the toolbar on the active tab. No webextension polyfill here (messaging uses `chrome`
 * directly), so the classic script that runs it first stays small.
 */
export function askFirstReport(): FirstReport {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  const tabReady = (async () => {
    const param = new URLSearchParams(location.search).get('tabId');
    if (param !== null) return /^\d+$/.test(param) ? Number(param) : undefined;
    const [active] = await api.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  })();
  const report: Promise<ReportResult> = tabReady.then((tabId) =>
    tabId === undefined
      ? { state: 'error', message: 'Aucun onglet à examiner.' }
      : sendMessage('getReport', tabId).catch((error: unknown) => ({
          state: 'error' as const,
          message: error instanceof Error ? error.message : String(error),
        })),
  );
  return { tabReady, report };
}

/** Where the classic script leaves the request it started. */
const KEY = 'temoinFirstReport';

/** Run by /first-report.js in the popup's <head>, before the interface's modules load. */
export function startFirstReport(): void {
  (globalThis as Record<string, unknown>)[KEY] = askFirstReport();
}

/** The request /first-report.js started, or a new one should that script not have run. */
export function takeFirstReport(): FirstReport {
  return ((globalThis as Record<string, unknown>)[KEY] as FirstReport | undefined) ?? askFirstReport();
}
