/**
 * Fetching the published charter page from inside the portal's own page. The page is hostile
 * ground: it chooses its links, its server chooses redirects, types and timing. So Témoin asks
 * only for known charter paths and at most two footer links judged by their path, with a GET that
 * carries no cookie, gives up after a few seconds, and takes nothing but a web page of this origin.
 * Why a page is refused is kept as data (lib/i18n/said.ts): the visitor's language is not loaded here.
 */
import { said, type Said } from '../i18n/said';

export type FetchedPage =
  | { ok: true; url: string; html: string }
  | { ok: false; reason: Said; url?: string };

/** Where Opendatasoft portals publish their charter. */
export const KNOWN_CHARTER_PATHS = ['/terms/cookies-policy/', '/terms/cookies-information'];
/** Links taken from the page's footer, at most. */
export const MAX_LINKED_CANDIDATES = 2;
/** How long one charter page may take, headers and body. */
export const CHARTER_FETCH_TIMEOUT_MS = 8000;
/** The largest charter page Témoin reads; a larger one is refused, not cut. */
export const MAX_CHARTER_BYTES = 2 * 1024 * 1024;

/** Words in a path that mark an action or an account page, never a charter. */
const ACTION_PATH = /(log-?out|log-?in|sign-?(in|out|up)|account|compte|admin|auth|api|session|password|delete|remove|unsubscribe|user|backoffice|settings)/i;
const CHARTER_PATH = /(cookie|charte|traceur)/i;

/**
 * May a link the page gives be fetched as its charter? Same origin, judged by its path alone
 * (the page writes its link texts), no query but the language, never an account or action page.
 */
export function isCharterLink(link: string, origin: string): boolean {
  return isPortalPageLink(link, origin, CHARTER_PATH);
}

/** The same judgement for another page the portal publishes, named in its path by `pathWords`. */
export function isPortalPageLink(link: string, origin: string, pathWords: RegExp): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.origin !== origin || url.username || url.password || url.hash) return false;
  // Not iterated: in a Firefox content script, the page's URLSearchParams gives no iterable keys.
  let otherQuery = false;
  url.searchParams.forEach((_value, key) => (otherQuery ||= key !== 'flg'));
  if (otherQuery) return false;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  return pathWords.test(path) && !ACTION_PATH.test(path);
}

/** Footer links looked at, at most. */
const MAX_FOOTER_LINKS = 20;

/**
 * Same-origin links of the footer, where portals link their charter, in page order; those whose
 * path names a charter are fetched (`isCharterLink`), never for what their text says (the page writes it).
 */
export function footerLinks(): string[] {
  const links: string[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('footer a[href], .ods-front-footer a[href]')) {
    if (link.origin === location.origin && !links.includes(link.href)) links.push(link.href);
    if (links.length >= MAX_FOOTER_LINKS) break;
  }
  return links;
}

/** The page's charter links that pass `isCharterLink` (two at most), then the known paths. */
export function charterCandidates(pageUrl: string, links: string[], lang: string): string[] {
  const origin = new URL(pageUrl).origin;
  const code = lang.slice(0, 2).toLowerCase();
  const flg = /^[a-z]{2}$/.test(code) ? `?flg=${code}` : '';
  const known = KNOWN_CHARTER_PATHS.map((path) => `${origin}${path}${flg}`);
  const linked = links.filter((link) => isCharterLink(link, origin)).slice(0, MAX_LINKED_CANDIDATES);
  return [...new Set([...linked, ...known])];
}

/** What a charter page may be served as (the media type, before any parameter). */
export const CHARTER_PAGE_TYPES = ['text/html', 'application/xhtml+xml'];

export async function fetchCharterPage(
  candidates: string[],
  maxBytes = MAX_CHARTER_BYTES,
  timeoutMs = CHARTER_FETCH_TIMEOUT_MS,
  pageTypes = CHARTER_PAGE_TYPES,
): Promise<FetchedPage> {
  // The reason told is the first page found but refused, rather than a later address that does not exist.
  let failure: FetchedPage | undefined;
  let last: FetchedPage = { ok: false, reason: said('error.charter.noAddress') };
  // A page without any table may be a banner's "manage cookies" page, or a charter that declares its
  // cookies in text and lists: a later address with a table is preferred, else the first such page is read.
  let withoutTable: FetchedPage | undefined;
  const refused = (page: FetchedPage) => {
    failure ??= page;
    return page;
  };
  for (const url of candidates) {
    if (new URL(url, location.href).origin !== location.origin) continue;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'GET',
          credentials: 'omit',
          redirect: 'follow',
          cache: 'no-cache',
          referrerPolicy: 'no-referrer',
          signal: controller.signal,
        });
      } catch {
        if (controller.signal.aborted) return { ok: false, reason: said('error.charter.late'), url };
        // A redirect to another site fails where that site does not allow the request (Firefox
        // MV2): asked again without following, the answer says whether there was one.
        const redirects = await fetch(url, {
          method: 'GET',
          credentials: 'omit',
          redirect: 'manual',
          cache: 'no-cache',
          referrerPolicy: 'no-referrer',
          signal: controller.signal,
        }).then(
          (answer) => answer.type === 'opaqueredirect',
          () => false,
        );
        last = redirects
          ? refused({ ok: false, reason: said('error.charter.redirected'), url })
          : { ok: false, reason: said('error.charter.unreachable'), url };
        continue;
      }
      // A redirect may lead anywhere; only a page of the portal's own origin is its charter.
      const finalUrl = response.url || url;
      if (new URL(finalUrl).origin !== location.origin) {
        response.body?.cancel().catch(() => {});
        last = refused({ ok: false, reason: said('error.charter.redirectedTo', new URL(finalUrl).host), url });
        continue;
      }
      if (!response.ok) {
        response.body?.cancel().catch(() => {});
        last = { ok: false, reason: said('error.charter.notFound', response.status), url };
        continue;
      }
      // `application/octet-stream; name=charte.html` is no web page: only the type before `;` counts.
      const type = (response.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
      if (!pageTypes.includes(type)) {
        response.body?.cancel().catch(() => {});
        last = refused({ ok: false, reason: said('error.charter.notWebPage', type.slice(0, 60) || said('error.charter.noType')), url });
        continue;
      }
      const length = Number(response.headers.get('content-length'));
      if (length > maxBytes) {
        response.body?.cancel().catch(() => {});
        return { ok: false, reason: said('error.charter.pageTooBig', Math.round(maxBytes / 1048576)), url };
      }
      let html: string;
      try {
        // Read piece by piece, to stop as soon as the page is too large.
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        const parts: string[] = [];
        let size = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxBytes) {
            reader.cancel().catch(() => {});
            return { ok: false, reason: said('error.charter.pageTooBig', Math.round(maxBytes / 1048576)), url };
          }
          parts.push(decoder.decode(value, { stream: true }));
        }
        parts.push(decoder.decode());
        html = parts.join('');
      } catch {
        if (controller.signal.aborted) return { ok: false, reason: said('error.charter.late'), url };
        last = refused({ ok: false, reason: said('error.charter.cutShort'), url });
        continue;
      }
      if (!/<table[\s>]/i.test(html)) {
        withoutTable ??= { ok: true, url: finalUrl, html };
        continue;
      }
      return { ok: true, url: finalUrl, html };
    } finally {
      clearTimeout(timer);
    }
  }
  return withoutTable ?? failure ?? last;
}
