import { restoredSentences } from '../first-visit/shown';
import { plural } from '../french/format';
import type { FirstVisitControl } from './first-visit.svelte';
import { announce } from './live-region.svelte';
import { reasonLater } from './reason';
import { saveFile } from './save-file';
import { send } from './send';

/** What the popup asks of the background about a first-visit test, for FirstVisitControl. */

export async function refresh(control: FirstVisitControl): Promise<void> {
  try {
    const wasRunning = control.status?.running !== undefined;
    control.status = await send('getFirstVisit', control.tabId!);
    const report = control.status.report;
    if (wasRunning && !control.status.running && report) {
      announce(
        `Test de première visite terminé : ${plural(report.cookies.length, 'cookie déposé', 'cookies déposés')} avant tout choix. ` +
          restoredSentences(report.restored).join(' '),
      );
    }
  } catch {
    // The tab is gone; the popup says so elsewhere.
  }
}

/** Starts a test; `busy` is the control's to set, from the click on. */
export async function start(control: FirstVisitControl, seconds: number): Promise<void> {
  try {
    control.status = await send('startFirstVisit', { tabId: control.tabId!, seconds });
    announce(`Test de première visite commencé pour ${seconds} secondes : ne faites aucun choix dans le bandeau du portail.`);
  } catch (error) {
    control.error = await reasonLater(error);
  }
}

export async function stop(control: FirstVisitControl): Promise<void> {
  control.status = await send('stopFirstVisit', control.tabId!);
}

export async function exportTest(control: FirstVisitControl, format: 'json' | 'csv' | 'html'): Promise<void> {
  const { firstVisitFile } = await import('../first-visit/export');
  saveFile(firstVisitFile(control.status!.report!, format));
}
