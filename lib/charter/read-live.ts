import { guardCharterHtml } from './guard';
import { reasonOf } from '../actions/result';
import { charterLang } from './lang';
import { sendMessage } from '../protocol';

/**
 * How long the popup waits for the charter page. The page's own fetch gives up sooner (8 s a
 * page); this bounds everything else, so « Lecture de la charte… » always ends.
 */
export const CHARTER_READING_LIMIT_MS = 15_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Reads a portal's published charter: the background fetches the page from inside the portal's
 * tab, and this extension page, which has a DOM, parses it, once the page has been measured (a
 * page built to choke the parser is refused before it is parsed). The parser is loaded only then,
 * so it costs nothing to the popup's first paint. Every way it ends is recorded, in French.
 */
export async function readLiveCharter(tabId: number, site: string): Promise<void> {
  const fail = (reason: string, url?: string) =>
    sendMessage('recordCharterReading', { site, failure: { reason, ...(url && { url }) } });
  const fetched = await within(sendMessage('fetchCharterPage', tabId), CHARTER_READING_LIMIT_MS);
  if (fetched === 'late') return fail('le site n’a pas répondu à temps');
  const { page } = fetched;
  if (!page.ok) return fail(page.reason, page.url);
  const verdict = guardCharterHtml(page.html);
  if (!verdict.ok) return fail(`charte refusée\u00a0: ${verdict.reason}`, page.url);
  try {
    const { parseCharter } = await import('./parse');
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const { charter, warnings } = parseCharter(doc, { site, url: page.url, fetchedAt: new Date().toISOString() });
    const lang = charterLang(doc);
    if (lang) charter.lang = lang;
    if (charter.entries.length === 0) return fail('charte illisible\u00a0: aucun cookie reconnu', page.url);
    await sendMessage('recordCharterReading', { site, charter, warnings });
  } catch (error) {
    await fail(`charte illisible\u00a0: ${reasonOf(error)}`, page.url);
  }
}
