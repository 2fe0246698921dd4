/**
 * What Témoin reads inside a portal page, what only the page knows: the cookie names its scripts
 * see, its storage keys, its Opendatasoft markup. Returned by the page script
 * (entrypoints/page.content.ts) each time the background runs it.
 */

/** As many storage keys as a report lists (lib/audit/report.ts); the rest are only counted. */
const MAX_KEYS = 500;

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

  return {
    cookieNames,
    localStorageKeys,
    sessionStorageKeys,
    localStorageCount,
    sessionStorageCount,
    opendatasoftMarkup:
      document.querySelector('.ods-front-header, .ods-front-footer, [class^="ods-"], [class*=" ods-"]') !== null,
  };
}
