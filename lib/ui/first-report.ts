import type { ProtocolMap, ReportRequest, ReportResult } from '../protocol';
import { KEY } from './first-report-key';
import { t } from '../i18n/messages';

/**
 * The popup's one message sent before its first paint, written as @webext-core/messaging writes
 * its messages (lib/protocol.ts: `{ id, type, data, timestamp }` out, `{ res }` or `{ err }`
 * back) but without the library: this classic script runs before the interface's modules, and
 * the library would be most of its weight. tests/unit/ui/first-report.test.ts sends it to the
 * library's own listener.
 */
export function requestReport(request: ReportRequest): Promise<ReportResult> {
  const message = { id: Math.floor(Math.random() * 1e4), type: 'getReport' satisfies keyof ProtocolMap, data: request, timestamp: Date.now() };
  return new Promise((resolve, reject) =>
    chrome.runtime.sendMessage(message, (response?: { res?: ReportResult; err?: { message?: unknown } }) => {
      if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
      else if (response?.err != null) reject(new Error(String(response.err.message ?? response.err)));
      else if (response?.res === undefined) reject(new Error('No response'));
      else resolve(response.res);
    }),
  );
}

/**
 * Asks the background for the popup's report: `popup.html?tabId=N` reports on tab N; opened from
 * the toolbar, on the active tab, which the background looks up in the same round trip.
 */
export function askFirstReport(): Promise<ReportResult> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param === null ? 'active' : /^\d+$/.test(param) ? Number(param) : undefined;
  if (tab === undefined) return Promise.resolve({ state: 'error', message: t('popup.noTab') });
  return requestReport({ tab }).catch((error: unknown) => ({
    state: 'error' as const,
    message: error instanceof Error ? error.message : String(error),
  }));
}


/** Run by /first-report.js in the popup's <head>, before the interface's modules load. */
export function startFirstReport(): void {
  (globalThis as Record<string, unknown>)[KEY] = askFirstReport();
}
