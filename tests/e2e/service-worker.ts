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
  session.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: Version[] }) => {
    for (const version of updated) if (version.scriptURL.startsWith(origin)) versions.set(version.versionId, version);
  });
  await session.send('ServiceWorker.enable');

  const running = () => [...versions.values()].filter((v) => v.runningStatus === 'running' || v.runningStatus === 'starting');
  async function until(test: () => boolean, what: string) {
    for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!test()) throw new Error(`the service worker is not ${what}`);
  }

  return {
    /** Stops the running worker and waits until it is stopped. */
    async stop(): Promise<void> {
      await until(() => running().length > 0, 'running');
      for (const version of running()) await session.send('ServiceWorker.stopWorker', { versionId: version.versionId });
      await until(() => running().length === 0, 'stopped');
    },
    isRunning: () => running().length > 0,
    /** Waits until an event has started the worker again. */
    started: () => until(() => running().length > 0, 'started again'),
  };
}
