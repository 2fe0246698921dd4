/**
 * What Témoin reads inside a portal page. `probePage` is injected on demand with
 * `scripting.executeScript` when the visitor opens Témoin, so nothing runs in the portal's pages
 * otherwise. The browser serialises the function: it must stay self-contained (no imports, no
 * helpers from outside its body).
 */

export interface PageProbe {
  /** Every name in `document.cookie`, repeated when several cookies share a name. */
  cookieNames: string[];
  /** Names only, never values. */
  localStorageKeys: string[];
  sessionStorageKeys: string[];
  /** The page carries Opendatasoft's markup. */
  opendatasoftMarkup: boolean;
  /** Same-origin links that look like the cookie charter, in page order. */
  charterLinks: string[];
  /** `<html lang>`, e.g. `fr`. */
  lang: string;
}

export function probePage(): PageProbe {
  const cookieText = document.cookie;
  const cookieNames =
    cookieText.trim() === ''
      ? []
      : cookieText.split(';').map((pair) => {
          const eq = pair.indexOf('=');
          // A pair without `=` is a cookie whose name is empty (RFC 6265bis §5.6).
          return (eq === -1 ? '' : pair.slice(0, eq)).trim();
        });

  const keysOf = (area: 'localStorage' | 'sessionStorage') => {
    try {
      return Object.keys(window[area]);
    } catch {
      return []; // storage disabled or blocked for this page
    }
  };

  const charterLinks: string[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const text = `${link.getAttribute('href')} ${link.textContent ?? ''}`.toLowerCase();
    if (link.origin === location.origin && /cookie/.test(text) && !charterLinks.includes(link.href)) {
      charterLinks.push(link.href);
    }
    if (charterLinks.length >= 5) break;
  }

  return {
    cookieNames,
    localStorageKeys: keysOf('localStorage'),
    sessionStorageKeys: keysOf('sessionStorage'),
    opendatasoftMarkup:
      document.querySelector('.ods-front-header, .ods-front-footer, [class^="ods-"], [class*=" ods-"]') !== null,
    charterLinks,
    lang: document.documentElement.lang,
  };
}
