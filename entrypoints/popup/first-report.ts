import { browser } from 'wxt/browser';
import { sendMessage, type ReportResult } from '@/lib/messaging';

/** `popup.html?tabId=N` reports on tab N; opened from the toolbar, on the active tab. */
export async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null) return /^\d+$/.test(param) ? Number(param) : undefined;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The first report, asked for as soon as this module runs (main.ts imports it first), so the
 * background works while the interface is still being built.
 */
export const tabReady = targetTab();
export const firstReport: Promise<ReportResult> = tabReady.then((tabId) =>
  tabId === undefined
    ? { state: 'error', message: 'Aucun onglet à examiner.' }
    : sendMessage('getReport', tabId).catch((error: unknown) => ({
        state: 'error' as const,
        message: error instanceof Error ? error.message : String(error),
      })),
);
