import { browser } from 'wxt/browser';
import { probePage, type PageProbe } from './page-probe';

/**
 * Reads a tab's page (see page-probe.ts). Undefined when the page cannot be scripted: a browser
 * page, a site Témoin has no permission for, a page still loading its first document.
 */
export async function probeTab(tabId: number): Promise<PageProbe | undefined> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: probePage });
    return (frame?.result as PageProbe | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}
