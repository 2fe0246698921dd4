// @vitest-environment jsdom
/**
 * The popup reads its report again at each change the background signals (entrypoints/popup/App.svelte):
 * a change heard before its first report is back must not replace that report.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import App from '@/entrypoints/popup/App.svelte';
import type { CommandResult } from '@/lib/actions/result';
import { buildReport } from '@/lib/audit/report';
import { changesItem } from '@/lib/changes';
import { issyCharter } from '@/lib/charter/issy';
import { mergeInventory } from '@/lib/cookies/inventory';
import { onMessage, type ReportRequest, type ReportResult } from '@/lib/protocol';
import { KEY } from '@/lib/ui/first-report-key';
import { portalJar } from '../support/memory-cookies';

/** What the popup asked the background, and how the test's background answers. */
const io = {
  asked: [] as ReportRequest[],
  answer: undefined as ((request: ReportRequest) => Promise<ReportResult>) | undefined,
  command: undefined as (() => Promise<CommandResult>) | undefined,
};
let answering: (() => void)[] = [];

/** The first report, as /first-report.js leaves it for the popup's modules (lib/ui/take-first-report.ts). */
const firstReport = (result: Promise<ReportResult>) => ((globalThis as Record<string, unknown>)[KEY] = result);
/** Once the popup watches the background's signal: its module loads after the first paint. */
const watching = () => waitFor(() => expect(fakeBrowser.storage.session.onChanged.hasListeners()).toBe(true), { timeout: 10_000 });
/** A cookie of the portal changed, as the background signals it (lib/background/change-signal.ts). */
const portalCookieChanged = () => changesItem.setValue({ id: crypto.randomUUID(), cookies: [{ domain: '.issy.com' }], command: false });


const TAB = 7;
const page = new URL('https://data.issy.com/');
const report: ReportResult = {
  state: 'report',
  report: buildReport({ charter: issyCharter, facts: mergeInventory(portalJar(), [], page), pageUrl: page, now: new Date('2026-11-29T12:00:00Z') }),
  charterStatus: { used: 'bundled' },
  charterStale: false,
  pageRead: true,
  tabId: TAB,
};
/** What the background answers of the active tab when the popup is itself a tab: its own page. */
const itself: ReportResult = { state: 'not-covered', host: null };

beforeEach(() => {
  io.asked = [];
  answering = [
    onMessage('getReport', ({ data }) => {
      io.asked.push(data);
      return io.answer!(data);
    }),
    onMessage('resetPreferences', () => io.command!()),
  ];
});
afterEach(() => {
  for (const stop of answering) stop();
  delete (globalThis as Record<string, unknown>)[KEY];
});

describe('the popup opened in a tab (popup.html?tabId=)', () => {
  it('keeps its report when a change is heard before the first report is back', async () => {
    let firstBack!: (result: ReportResult) => void;
    firstReport(new Promise((resolve) => (firstBack = resolve)));
    io.answer = async (request) => (request.tab === TAB ? report : itself);
    render(App);
    await watching();
    // A cookie of the portal changed while the first report is on its way.
    await portalCookieChanged();
    await new Promise((resolve) => setTimeout(resolve, 300));
    firstBack(report);
    await waitFor(() => expect(io.asked.length).toBeGreaterThan(0), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(io.asked.every((request) => request.tab === TAB)).toBe(true);
    expect(screen.getByRole('button', { name: 'Réinitialiser mes préférences cookies' })).toBeInTheDocument();
    // The report and its rows' details: more than the default 5 s on a busy machine.
  }, 30_000);

  it('keeps what a command changed when a reading started before it answers last', async () => {
    firstReport(Promise.resolve(report));
    let stale!: (result: ReportResult) => void;
    const reset: ReportResult = { ...report, resetUndo: { id: 'u1', at: '2026-11-29T12:00:00Z' } };
    // A reading for a change heard just before the click: slow (the page was being probed), it
    // read the jar before the reset. The command's own reading is quick, and read it after.
    const answers = [new Promise<ReportResult>((resolve) => (stale = resolve)), Promise.resolve(reset)];
    io.answer = () => answers.shift()!;
    io.command = async () => ({ done: [{ name: 'cookies_preferences', domain: 'data.issy.com', path: '/' }], failed: [] });
    render(App);
    await watching();
    const button = await screen.findByRole('button', { name: 'Réinitialiser mes préférences cookies' }, { timeout: 5000 });
    await portalCookieChanged();
    await waitFor(() => expect(io.asked).toHaveLength(1), { timeout: 5000 });
    await fireEvent.click(button);
    await screen.findByRole('button', { name: 'Annuler la réinitialisation' }, { timeout: 5000 });
    expect(io.asked).toHaveLength(2);
    stale(report);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.getByRole('button', { name: 'Annuler la réinitialisation' })).toBeInTheDocument();
  }, 30_000);
});
