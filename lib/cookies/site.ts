import { getDomain } from 'tldts-icann';

// A report asks for the same few domains over and over (every cookie of a site shares one).
const known = new Map<string, string>();

/**
 * `data.issy.com` → `issy.com`; a host without a public suffix (localhost, an IP) stays as it
 * is. ICANN suffixes only (tldts-icann): a portal is never hosted under a private suffix, and the
 * full list would double the extension's size.
 */
export function registrableDomain(host: string): string {
  let domain = known.get(host);
  if (domain === undefined) {
    const bare = host.startsWith('.') ? host.slice(1) : host;
    domain = getDomain(bare) ?? bare;
    if (known.size > 1000) known.clear();
    known.set(host, domain);
  }
  return domain;
}

/** The "schemeful site" browsers key partitioned cookies by: `https://issy.com`. */
export function topLevelSite(url: URL): string {
  return `${url.protocol}//${registrableDomain(url.hostname)}`;
}
