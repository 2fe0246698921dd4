import type { FirstVisitStatus } from '../first-visit/run';
import { cookiesSet, reportSentences, restoredSentences } from '../first-visit/shown';
import { t, tn } from '../i18n/messages';
import { announce } from './live-region.svelte';
import { reasonLater } from './reason';
import { saveFile } from './save-file';
import { send } from './send';

/** What the popup asks of the background about a first-visit test, for FirstVisitControl. */

/** The state these commands read and write: FirstVisitControl's (lib/ui/first-visit.svelte.ts). */
export interface FirstVisitState {
  status: FirstVisitStatus | null;
  error: string | undefined;
  tabId: number | undefined;
}

export async function refresh(control: FirstVisitState): Promise<void> {
  try {
    settle(control, await send('getFirstVisit', control.tabId!));
  } catch {
    // The tab is gone; the popup says so elsewhere.
  }
}

/** The status the background gave; the end of a test is announced once, however it ended. */
function settle(control: FirstVisitState, status: FirstVisitStatus): void {
  const wasRunning = control.status?.running !== undefined;
  control.status = status;
  const report = status.report;
  if (wasRunning && !status.running && report) {
    announce(
      [t('firstVisit.finished', tn('firstVisit.cookiesSet', cookiesSet(report))), ...restoredSentences(report.restored), ...reportSentences(report)].join(' '),
    );
  }
}

/** Starts a test; `busy` is the control's to set, from the click on. */
export async function start(control: FirstVisitState, seconds: number): Promise<void> {
  try {
    control.status = await send('startFirstVisit', { tabId: control.tabId!, seconds });
    announce(t('firstVisit.started', tn('firstVisit.seconds', seconds)));
  } catch (error) {
    control.error = await reasonLater(error);
  }
}

export async function stop(control: FirstVisitState): Promise<void> {
  settle(control, await send('stopFirstVisit', control.tabId!));
}

export async function exportTest(control: FirstVisitState, format: 'json' | 'csv' | 'html'): Promise<void> {
  const { firstVisitFile } = await import('../first-visit/export');
  saveFile(firstVisitFile(control.status!.report!, format));
}
