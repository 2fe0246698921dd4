import { askFirstReport, FIRST_REPORT_KEY, type FirstReport } from '@/lib/first-report';

/** The request /first-report.js started, or a new one should that script not have run. */
const early = ((globalThis as Record<string, unknown>)[FIRST_REPORT_KEY] as FirstReport | undefined) ?? askFirstReport();

export const tabReady = early.tabReady;
export const firstReport = early.report;
