import { registrableDomain } from '../cookies/site';
import type { Charter } from './model';

/**
 * The domains a charter entry is declared on, as matching reads them: registrable domains, with
 * the charter site's own (an entry scoped to a third party's domain still covers the site's).
 * Done by the background on what the page read: the public-suffix list stays out of the page
 * script, and the page does not choose the scope a cookie is matched in.
 */
export function scopeToSite(charter: Charter): Charter {
  const siteDomain = registrableDomain(charter.site);
  return {
    ...charter,
    entries: charter.entries.map((entry) =>
      entry.domains ? { ...entry, domains: [...new Set([...entry.domains.map(registrableDomain), siteDomain])] } : entry,
    ),
  };
}
