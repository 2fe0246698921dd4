/**
 * Looking for the data protection officer's contact in the portal's own pages, when the visitor
 * asks to write to them. The same limits as the charter's reading (lib/page/fetch-charter.ts):
 * the page the visitor is on is read first, without any request; then the charter page read
 * before, at most two footer links whose path names a legal notice or a privacy page, and the
 * platform's own privacy and terms pages; same origin, without cookies, 8 seconds and 2 MB a
 * page, measured before parsing. The search stops at the first page that gives an address.
 */
import { guardCharterHtml } from '../charter/guard';
import { findDpoContact, type DpoContact } from './find-contact';
import { fetchCharterPage, footerLinks, isPortalPageLink, MAX_LINKED_CANDIDATES } from './fetch-charter';

/** Where Opendatasoft portals publish their privacy policy and terms. */
export const KNOWN_LEGAL_PATHS = ['/terms/privacy-policy/', '/terms/terms-and-conditions/'];
/** Words in a path that name a legal notice or a privacy page. */
export const LEGAL_PATH = /(mentions|l[ée]gal|donn[ée]es|privacy|confidentialit|vie-priv|rgpd|gdpr|protection|dpo|cgu|conditions|terms)/i;
/** After this long, no further page is asked for (one page may still take its 8 seconds). */
export const CONTACT_SEARCH_BUDGET_MS = 12_000;

export interface PageContactSearch {
  contact?: DpoContact;
  /** The addresses read, in order (the page itself first). */
  looked: string[];
}

/** The pages to read, after the page itself: the charter, legal footer links, the known paths. */
export function contactCandidates(pageUrl: string, links: string[], charterUrl: string | undefined, lang: string): string[] {
  const origin = new URL(pageUrl).origin;
  const code = lang.slice(0, 2).toLowerCase();
  const flg = /^[a-z]{2}$/.test(code) ? `?flg=${code}` : '';
  const charter = charterUrl && isPortalPageLink(charterUrl, origin, /./) ? [charterUrl] : [];
  const linked = links.filter((link) => isPortalPageLink(link, origin, LEGAL_PATH)).slice(0, MAX_LINKED_CANDIDATES);
  const known = KNOWN_LEGAL_PATHS.map((path) => `${origin}${path}${flg}`);
  return [...new Set([...charter, ...linked, ...known])].filter((url) => url !== pageUrl);
}

export async function findContactInPage(charterUrl?: string): Promise<PageContactSearch> {
  const looked = [location.href];
  const here = findDpoContact(document, location.href);
  if (here?.kind === 'email') return { contact: here, looked };
  let form = here;
  const started = Date.now();
  for (const url of contactCandidates(location.href, footerLinks(), charterUrl, document.documentElement.lang)) {
    if (Date.now() - started > CONTACT_SEARCH_BUDGET_MS) break;
    looked.push(url);
    const page = await fetchCharterPage([url]);
    if (!page.ok || !guardCharterHtml(page.html).ok) continue;
    const contact = findDpoContact(new DOMParser().parseFromString(page.html, 'text/html'), page.url);
    if (contact?.kind === 'email') return { contact, looked };
    form ??= contact;
  }
  return { ...(form && { contact: form }), looked };
}
