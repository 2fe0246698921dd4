/** A cookie as the browser stores it, and the facts Témoin shows about it. */
import { t } from '../i18n/messages';

export interface PartitionKey {
  topLevelSite?: string;
  hasCrossSiteAncestor?: boolean;
}

/**
 * Everything needed to recreate a cookie exactly (the cookies API's `Cookie`, minus what the
 * browser derives). Undo keeps these, values included; reports never carry values.
 */
export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  session: boolean;
  expirationDate?: number;
  storeId: string;
  partitionKey?: PartitionKey;
  /** Firefox first-party isolation; '' when isolation is off. */
  firstPartyDomain?: string;
}

export interface CookieFacts extends Omit<StoredCookie, 'value'> {
  /** The page's script can read it through `document.cookie`. */
  seenByPage: boolean;
  /** The cookies API returned it; false for a name only the page reported. */
  seenByApi: boolean;
}

/**
 * Two cookies with the same key are the same cookie: setting one replaces the other. A partition
 * is its top-level site and whether the frame had a cross-site ancestor: two cookies that differ
 * only by the latter are two cookies.
 */
export function cookieKey(c: Omit<StoredCookie, 'value'>): string {
  return JSON.stringify([
    c.storeId,
    c.partitionKey?.topLevelSite ?? '',
    c.partitionKey?.hasCrossSiteAncestor === true,
    c.firstPartyDomain ?? '',
    c.domain,
    c.path,
    c.name,
  ]);
}

export function withoutValue({ value: _value, ...facts }: StoredCookie): Omit<StoredCookie, 'value'> {
  return facts;
}

/**
 * A partition in words: `partition https://issy.com`, and ` (cadre intersite)` for cookies set in a
 * frame with a cross-site ancestor, so that two partitions of one site read apart. '' when unpartitioned.
 */
export function partitionLabel(key: PartitionKey | undefined): string {
  if (!key?.topLevelSite) return '';
  return key.hasCrossSiteAncestor ? t('popup.partition.crossSite', key.topLevelSite) : t('popup.partition.site', key.topLevelSite);
}

/** `.issy.com` → `issy.com` */
export function bareDomain(domain: string): string {
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

/**
 * The one rule for a cookie name, wherever Témoin takes one in (a charter read, a charter that
 * crossed a message, the keep list): 1 to 256 characters, no space or control character, and
 * none of `; , = < > "` (RFC 6265's separators, and what would split a list of names).
 */
const NOT_IN_A_NAME = /[\s;,=<>"\u0000-\u001f\u007f]/;
export const MAX_NAME_CHARS = 256;

export function isCookieName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME_CHARS && !NOT_IN_A_NAME.test(name);
}
