import type { FirstVisitStatus } from '../first-visit/run';
import { cookiesSet, DEFAULT_DURATION, reportSentences, restoredSentences } from '../first-visit/shown';
import { plural } from '../french/format';
import { sendMessage } from '../protocol';
import { announce } from './live-region.svelte';
import { reasonLater } from './reason';
import { saveFile } from './save-file';

/**
 * « Tester une première visite » in the popup: its button sits with the other commands, its
 * report below the list; both read this one state. The background runs the test alone; the
 * popup asks it to start, stop, and how it goes.
 */
export class FirstVisitControl {
  status = $state.raw<FirstVisitStatus | null>(null);
  error = $state<string | undefined>();
  seconds = $state<number>(DEFAULT_DURATION);
  /** A command is running (this one or another of the popup's): one at a time. */
  busy = $state(false);
  tabId: number | undefined;

  get running() {
    return this.status?.running;
  }

  async refresh() {
    if (this.tabId === undefined) return;
    try {
      const wasRunning = this.status?.running !== undefined;
      this.status = await sendMessage('getFirstVisit', this.tabId);
      const report = this.status.report;
      if (wasRunning && !this.status.running && report) {
        announce(
          `Test de première visite terminé : ${plural(cookiesSet(report), 'cookie déposé', 'cookies déposés')} avant tout choix. ` +
            [...restoredSentences(report.restored), ...reportSentences(report)].join(' '),
        );
      }
    } catch {
      // The tab is gone; the popup says so elsewhere.
    }
  }

  async start() {
    if (this.tabId === undefined) return;
    const seconds = this.seconds;
    this.error = undefined;
    this.busy = true;
    try {
      this.status = await sendMessage('startFirstVisit', { tabId: this.tabId, seconds });
      announce(`Test de première visite commencé pour ${seconds} secondes : ne faites aucun choix dans le bandeau du portail.`);
    } catch (error) {
      this.error = await reasonLater(error);
    } finally {
      this.busy = false;
    }
  }

  async stop() {
    if (this.tabId === undefined) return;
    this.status = await sendMessage('stopFirstVisit', this.tabId);
  }

  async export(format: 'json' | 'csv' | 'html') {
    if (!this.status?.report) return;
    const { firstVisitFile } = await import('../first-visit/export');
    saveFile(firstVisitFile(this.status.report, format));
  }
}
