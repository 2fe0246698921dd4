import { reasonOf } from './command-result';
import { sendMessage } from './messaging';

/**
 * Reads a portal's published charter: the background fetches the page from inside the portal's
 * tab, and this extension page, which has a DOM, parses it. The parser is loaded only then, so
 * it costs nothing to the popup's first paint.
 */
export async function readLiveCharter(tabId: number): Promise<void> {
  const { site, page } = await sendMessage('fetchCharterPage', tabId);
  if (!page.ok) {
    await sendMessage('recordCharterReading', { site, failure: { reason: page.reason, ...(page.url && { url: page.url }) } });
    return;
  }
  try {
    const { parseCharter } = await import('./charter/parse');
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const { charter, warnings } = parseCharter(doc, { site, url: page.url, fetchedAt: new Date().toISOString() });
    if (page.truncated) warnings.unshift('Page de la charte tronquée à 5 Mo\u00a0: la fin n’a pas été lue.');
    if (charter.entries.length === 0) {
      await sendMessage('recordCharterReading', { site, failure: { reason: 'charte illisible\u00a0: aucun cookie reconnu', url: page.url } });
      return;
    }
    await sendMessage('recordCharterReading', { site, charter, warnings });
  } catch (error) {
    await sendMessage('recordCharterReading', { site, failure: { reason: `charte illisible\u00a0: ${reasonOf(error)}`, url: page.url } });
  }
}
