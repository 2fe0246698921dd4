import type { FirstVisitStatus } from '../first-visit/run';
import { DEFAULT_DURATION } from '../first-visit/durations';

/**
 * « Tester une première visite » in the popup: its button sits with the other commands, its
 * report below the list; both read this one state. The background runs the test alone; the
 * popup asks it to start, stop, and how it goes (lib/ui/first-visit-commands.ts, loaded at the
 * first of these, after the first paint).
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
    if (this.tabId !== undefined) await (await import('./first-visit-commands')).refresh(this);
  }

  async start() {
    if (this.tabId === undefined) return;
    const seconds = this.seconds;
    this.error = undefined;
    this.busy = true;
    try {
      await (await import('./first-visit-commands')).start(this, seconds);
    } finally {
      this.busy = false;
    }
  }

  async stop() {
    if (this.tabId !== undefined) await (await import('./first-visit-commands')).stop(this);
  }

  async export(format: 'json' | 'csv' | 'html') {
    if (this.status?.report) await (await import('./first-visit-commands')).exportTest(this, format);
  }
}
