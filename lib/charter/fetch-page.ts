/**
 * Reading the published charter page from inside the portal's own page: the request is
 * same-origin, as the visitor's browser would make it. Injected with `scripting.executeScript`,
 * so `fetchCharterPage` must stay self-contained.
 */

export type FetchedPage =
  | { ok: true; url: string; html: string; truncated: boolean }
  | { ok: false; reason: string; url?: string };

/** Where Opendatasoft portals publish their charter, after any link the page itself gives. */
export function charterCandidates(pageUrl: string, links: string[], lang: string): string[] {
  const origin = new URL(pageUrl).origin;
  const flg = lang ? `?flg=${encodeURIComponent(lang.slice(0, 2))}` : '';
  const known = ['/terms/cookies-policy/', '/terms/cookies-information'].map((path) => `${origin}${path}${flg}`);
  const linked = links.filter((link) => link.startsWith(`${origin}/`) && !link.includes('#'));
  return [...new Set([...linked, ...known])].slice(0, 6);
}

export async function fetchCharterPage(candidates: string[], maxBytes: number): Promise<FetchedPage> {
  let last: FetchedPage = { ok: false, reason: 'aucune adresse de charte à essayer' };
  for (const url of candidates) {
    if (new URL(url, location.href).origin !== location.origin) continue;
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin', redirect: 'follow', cache: 'no-cache' });
    } catch {
      last = { ok: false, reason: 'site injoignable', url };
      continue;
    }
    if (!response.ok) {
      last = { ok: false, reason: `page introuvable (erreur ${response.status})`, url };
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/html/i.test(type)) {
      last = { ok: false, reason: 'la page de la charte n’est pas une page web', url };
      continue;
    }
    const html = await response.text();
    // A cookie-related page without any table (a banner's "manage cookies" page) is not the charter.
    if (!/<table[\s>]/i.test(html)) {
      last = { ok: false, reason: 'aucun tableau de cookies dans la page', url };
      continue;
    }
    return { ok: true, url: response.url || url, html: html.slice(0, maxBytes), truncated: html.length > maxBytes };
  }
  return last;
}
