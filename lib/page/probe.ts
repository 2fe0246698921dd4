/**
 * What Témoin reads inside a portal page. `probePage` is injected on demand with
 * `scripting.executeScript` when the visitor opens Témoin, so nothing runs in the portal's pages
 * otherwise. The browser serialises the function: it must stay self-contained (no imports, no
 * helpers from outside its body).
 */

export interface PageProbe {
  /** Every name in `document.cookie`, repeated when several cookies share a name. */
  cookieNames: string[];
  /** Names only, never values; the first 500 of each area. */
  localStorageKeys: string[];
  sessionStorageKeys: string[];
  /** How many keys each area holds in all, listed or not. */
  localStorageCount: number;
  sessionStorageCount: number;
  /** The page carries Opendatasoft's markup. */
  opendatasoftMarkup: boolean;
  /** Same-origin links of the page's footer, in page order (at most 20); judged by `isCharterLink`. */
  charterLinks: string[];
  /** `<html lang>`, e.g. `fr`. */
  lang: string;
}

export function probePage(): PageProbe {
  // As many as a report lists (report.ts); the rest are only counted. The function is serialised alone.
  const MAX_KEYS = 500;
  const cookieText = document.cookie;
  const cookieNames =
    cookieText.trim() === ''
      ? []
      : cookieText.split(';').map((pair) => {
          const eq = pair.indexOf('=');
          // A pair without `=` is a cookie whose name is empty (RFC 6265bis §5.6).
          return (eq === -1 ? '' : pair.slice(0, eq)).trim();
        });

  const keysOf = (area: 'localStorage' | 'sessionStorage'): [string[], number] => {
    try {
      const storage = window[area];
      const count = storage.length;
      const keys: string[] = [];
      for (let i = 0; i < Math.min(count, MAX_KEYS); i++) {
        const key = storage.key(i);
        if (key !== null) keys.push(key.slice(0, 256));
      }
      return [keys, count];
    } catch {
      return [[], 0]; // storage disabled or blocked for this page
    }
  };
  const [localStorageKeys, localStorageCount] = keysOf('localStorage');
  const [sessionStorageKeys, sessionStorageCount] = keysOf('sessionStorage');

  // Only the footer's links, where portals link their charter; the background keeps those whose
  // path names a charter, never what their text says (the page writes it).
  const charterLinks: string[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('footer a[href], .ods-front-footer a[href]')) {
    if (link.origin === location.origin && !charterLinks.includes(link.href)) charterLinks.push(link.href);
    if (charterLinks.length >= 20) break;
  }

  return {
    cookieNames,
    localStorageKeys,
    sessionStorageKeys,
    localStorageCount,
    sessionStorageCount,
    opendatasoftMarkup:
      document.querySelector('.ods-front-header, .ods-front-footer, [class^="ods-"], [class*=" ods-"]') !== null,
    charterLinks,
    lang: document.documentElement.lang,
  };
}
