import { registrableDomain } from '../cookies/site';

/**
 * The permission Témoin asks for a portal: its whole registrable domain, since a portal's
 * analytics cookies live on the parent domain (`_ga` on `issy.com` for `data.issy.com`) and the
 * cookies API hides them without it.
 */
export function permissionFor(host: string): string {
  return `*://*.${registrableDomain(host)}/*`;
}
