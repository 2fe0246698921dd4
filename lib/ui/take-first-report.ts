import type { ReportResult } from '../protocol';
import { KEY } from './first-report-key';

/**
 * The request /first-report.js started, or a new one should that script not have run (the
 * popup's modules then load what asks for it: it is not part of their first paint otherwise).
 */
export function takeFirstReport(): Promise<ReportResult> {
  const started = (globalThis as Record<string, unknown>)[KEY] as Promise<ReportResult> | undefined;
  return started ?? import('./first-report').then(({ askFirstReport }) => askFirstReport());
}
