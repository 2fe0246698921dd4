import { said, saidOf, type Said } from '../i18n/said';
import { guardCharterHtml } from '../charter/guard';
import { charterLang } from '../charter/lang';
import type { Charter } from '../charter/model';
import { parseCharter } from '../charter/parse';
import { charterCandidates, fetchCharterPage, footerLinks } from './fetch-charter';

/** What the page read of its published charter, or why it could not. The background checks it all. */
export type PageCharterReading = { charter: Charter; warnings: Said[] } | { failure: { reason: Said; url?: string } };

/**
 * Reads the portal's published charter where its HTML is: fetched from this page (same origin,
 * no cookies), measured before anything parses it (a page built to choke the parser is refused
 * first), then parsed. Why it failed is kept as data, said in the visitor's language where it is
 * shown: the page has the browser's language at most, not the one the visitor chose.
 */
export async function readCharterInPage(site: string): Promise<PageCharterReading> {
  const fail = (reason: Said, url?: string): PageCharterReading => ({ failure: { reason, ...(url && { url }) } });
  const page = await fetchCharterPage(charterCandidates(location.href, footerLinks(), document.documentElement.lang));
  if (!page.ok) return fail(page.reason, page.url);
  const verdict = guardCharterHtml(page.html);
  if (!verdict.ok) return fail(said('error.charter.refused', verdict.reason), page.url);
  try {
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const { charter, warnings } = parseCharter(doc, { site, url: page.url, fetchedAt: new Date().toISOString() });
    const lang = charterLang(doc);
    if (lang) charter.lang = lang;
    if (charter.entries.length === 0) return fail(said('error.charter.noCookie'), page.url);
    return { charter, warnings };
  } catch (error) {
    return fail(said('error.charter.unreadable', saidOf(error)), page.url);
  }
}
