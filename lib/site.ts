import { getDomain } from 'tldts';

/** `data.issy.com` → `issy.com`; a host without a public suffix (localhost, an IP) stays as it is. */
export function registrableDomain(host: string): string {
  const bare = host.startsWith('.') ? host.slice(1) : host;
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** The "schemeful site" browsers key partitioned cookies by: `https://issy.com`. */
export function topLevelSite(url: URL): string {
  return `${url.protocol}//${registrableDomain(url.hostname)}`;
}
