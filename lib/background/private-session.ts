import { browser } from 'wxt/browser';
import { queued } from '../actions/queue';
import { privateStoreIds } from '../cookies/stores';
import { forgetStore } from '../actions/undo-log';

/**
 * When the last private window closes, the browser drops its cookies: every undo of that store
 * is forgotten, so that none can write them into the next private session (which reuses the
 * store's id). Called on each window closed.
 */
export async function endPrivateSessionIfOver(): Promise<void> {
  const windows = await browser.windows.getAll();
  if (windows.some((window) => window.incognito)) return;
  await queued(async () => {
    for (const store of privateStoreIds()) await forgetStore(store);
  });
}
