import { issyCharter } from './charter/issy';
import type { Charter } from './charter/model';

/** The sites Témoin covers, each with the charter it matches cookies against. */
export const coveredCharters: readonly Charter[] = [issyCharter];

/** Opendatasoft portals keep the visitor's consent choice in this cookie. */
export const CONSENT_COOKIE = 'cookies_preferences';

export function charterForHost(host: string): Charter | undefined {
  return coveredCharters.find((charter) => charter.site === host.toLowerCase());
}
