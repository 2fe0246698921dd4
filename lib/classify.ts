import type { Flag, ShownCategory } from './categories';
import { bareDomain, type CookieFacts } from './cookie';
import { findEntry, type CompiledCharter } from './charter/match';
import type { CharterEntry } from './charter/model';
import { lifetimeInWords } from './lifetime';
import { registrableDomain } from './site';

export interface ClassifiedCookie {
  /** Unique within a report. */
  id: string;
  cookie: CookieFacts;
  declared: boolean;
  entry?: CharterEntry;
  category: ShownCategory;
  lifetime: string;
  flags: Flag[];
}

function flagsOf(cookie: CookieFacts, host: string): Flag[] {
  const flags: Flag[] = [];
  if (cookie.httpOnly) flags.push('httpOnly');
  if (cookie.secure) flags.push('secure');
  if (cookie.partitionKey?.topLevelSite) flags.push('partitioned');
  const domain = bareDomain(cookie.domain);
  if (registrableDomain(domain) !== registrableDomain(host)) flags.push('thirdParty');
  else if (!cookie.hostOnly && domain !== host) flags.push('parentDomain');
  if (!cookie.seenByApi) flags.push('pageOnly');
  return flags;
}

export function classifyCookie(
  charter: CompiledCharter,
  cookie: CookieFacts,
  host: string,
  nowSeconds: number,
  id: string,
): ClassifiedCookie {
  const entry = findEntry(charter, cookie);
  return {
    id,
    cookie,
    declared: entry !== undefined,
    entry,
    category: entry?.category ?? 'undeclared',
    lifetime: lifetimeInWords(cookie, nowSeconds),
    flags: flagsOf(cookie, host),
  };
}

/** Is this cookie one that clearing must never touch? Only the charter can say a cookie is necessary. */
export function isNecessary(classified: Pick<ClassifiedCookie, 'category'>): boolean {
  return classified.category === 'necessary';
}
