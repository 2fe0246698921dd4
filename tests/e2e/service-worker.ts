/**
 * The extension's service worker, stopped as Chromium stops an idle one. An attached automation
 * session keeps the worker alive, so a test stops it through the debugging protocol
 * (`ServiceWorker.stopWorker`) and lets the next event start it again.
 * https://chromedevtools.github.io/devtools-protocol/tot/ServiceWorker/
 */
import type { CDPSession, Page } from 'puppeteer-core';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** Watches the worker's versions through one of the extension's pages. */
export async function workerControl(page: Page, origin: string) {
  const session: CDPSession = await page.createCDPSession();
  const versions = new Map<string, Version>();
  // Every status heard and every refusal, said when a wait fails.
  const heard: string[] = [];
  session.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: Version[] }) => {
    for (const version of updated.filter((v) => v.scriptURL.startsWith(origin))) {
      versions.set(version.versionId, version);
      heard.push(`${version.versionId} ${version.runningStatus}`);
    }
  });
  await session.send('ServiceWorker.enable');

  const running = () => [...versions.values()].filter((v) => v.runningStatus === 'running' || v.runningStatus === 'starting');
  async function until(test: () => boolean, what: string, ms = 10_000, fail = true) {
    for (let waited = 0; waited < ms && !test(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!test() && fail) throw new Error(`the service worker is not ${what} (heard: ${heard.slice(-12).join(', ')})`);
    return test();
  }

  return {
    /**
     * Stops the running worker and waits until it is stopped. An event arriving meanwhile (a page
     * still settling, a busy machine) may start it again at once: it is stopped again, up to five times.
     */
    async stop(): Promise<void> {
      await until(() => running().length > 0, 'running');
      for (let attempt = 0; attempt < 5; attempt++) {
        for (const { versionId } of running()) {
          await session.send('ServiceWorker.stopWorker', { versionId }).catch((error: Error) => heard.push(`refused: ${error.message}`));
        }
        if (await until(() => running().length === 0, 'stopped', 4_000, false)) return;
      }
      await until(() => running().length === 0, 'stopped', 0);
    },
    isRunning: () => running().length > 0,
    /** Waits until an event has started the worker again. */
    started: () => until(() => running().length > 0, 'started again'),
  };
}
