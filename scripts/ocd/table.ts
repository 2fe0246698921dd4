/**
 * The Open Cookie Database's CSV turned into Témoin's compact facts table (see
 * lib/audit/knowledge/ocd.ts for the format and how it is read). Only facts are kept: name or
 * prefix, platform, data controller, category, domain, retention, privacy link. The
 * `Description` column is other people's prose and is never read.
 */
import { getDomain } from 'tldts-icann';
import { retentionCode } from '../../lib/audit/knowledge/retention';
import { csvObjects } from './csv';

const COLUMNS = {
  platform: 'Platform',
  category: 'Category',
  name: 'Cookie / Data Key name',
  domain: 'Domain',
  retention: 'Retention period',
  controller: 'Data Controller',
  link: 'User Privacy & GDPR Rights Portals',
  wildcard: 'Wildcard match',
} as const;

const CATEGORY_LETTERS: Record<string, string> = {
  functional: 'F',
  necessary: 'N',
  personalization: 'P',
  analytics: 'A',
  marketing: 'M',
  security: 'S',
};

/**
 * Names any site may use for its own purposes: a framework's session or CSRF token, a language,
 * a cart, one or two letters. The database lists them under one platform; without a domain to
 * tie them to, Témoin never names that platform for them.
 */
export const GENERIC_NAMES = new Set(
  [
    'sessionid', 'session', 'sessid', 'sid', 'phpsessid', 'jsessionid', 'asp.net_sessionid',
    'csrftoken', 'csrf', '_csrf', 'csrf_token', 'xsrf-token', 'token', 'auth', 'login', 'user',
    'userid', 'user_id', 'uid', 'uids', 'id', 'did', 'fid', 'pid', 'auid', 'lang', 'language',
    'locale', 'localization', 'country', 'currency', 'cart', 'store', 'frontend', 'autocomplete',
    'test', 'secret', 'remember_me', 'optout', 'europe', 'inst', 'disco', 'dst', 'dpm', 'gst',
    'stf', 'sp', 'tz', 'chk', 'visitor_id',
  ],
);

/** Prefixes this short cover too many unrelated names to name a platform by themselves. */
const SHORT_PREFIX = 3;

/** Words of a platform's name too common to show that a cookie's name carries the platform's own. */
const NOT_A_BRAND = new Set(['analytics', 'marketing', 'cookie', 'cookies', 'consent', 'session', 'platform', 'manager', 'media', 'data', 'cloud', 'live', 'chat', 'user', 'test', 'google']);

export function isGeneric(name: string, prefix: boolean): boolean {
  return GENERIC_NAMES.has(name.toLowerCase()) || name.length <= 2 || (prefix && name.length <= SHORT_PREFIX);
}

/** Does the name carry its platform's own name (`_shopify_y`, `hide_shopify_pay_for_checkout`)? */
export function carriesBrand(name: string, platform: string): boolean {
  const lower = name.toLowerCase();
  return platform
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => word.length >= 4 && !NOT_A_BRAND.has(word) && lower.includes(word));
}

/**
 * The registrable domains a Domain cell names: ".linkedin.com", "facebook.com (3rd party)",
 * ".bing.com (3rd party) or .microsoft.com (3rd party)", "ads-[account].adhese.com".
 */
export function ocdDomains(cell: string): string[] {
  const tokens = cell
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/\(3rd party\)/gi, ' ')
    .split(/\s+or\s+|[\s,;]+/i)
    .map((t) => t.replace(/^.*\]/, '').replace(/^\.+|\.+$/g, '').toLowerCase())
    .filter((t) => t.includes('.') && /^[a-z0-9.-]+$/.test(t));
  return [...new Set(tokens.map((t) => getDomain(t) ?? t))];
}

/** The registrable domain of a privacy page's address, if it has one. */
function linkDomain(link: string): string | undefined {
  try {
    return getDomain(new URL(link).hostname) ?? undefined;
  } catch {
    return undefined;
  }
}

export interface TableRow {
  name: string;
  prefix: boolean;
  platform: string;
  controller: string;
  link: string;
  category: string;
  domains: string[];
  retention: string;
  generic: boolean;
  brand: boolean;
}

export interface Skipped {
  name: string;
  reason: string;
}

/** Every usable row of the CSV, and the rows left out with their reason. */
export function readRows(csv: string): { rows: TableRow[]; skipped: Skipped[]; total: number } {
  const records = csvObjects(csv);
  const first = records[0];
  if (first) {
    const missing = Object.values(COLUMNS).filter((c) => !(c in first));
    if (missing.length) throw new Error(`Columns missing from the CSV: ${missing.join(', ')}`);
  }
  const rows: TableRow[] = [];
  const skipped: Skipped[] = [];
  for (const r of records) {
    const name = r[COLUMNS.name]!.replace(/[\u200b\u200c\u200d\ufeff]/g, '').trim();
    const platform = r[COLUMNS.platform]!.trim();
    const category = CATEGORY_LETTERS[r[COLUMNS.category]!.trim().toLowerCase()];
    if (!name) { skipped.push({ name, reason: 'no name' }); continue; }
    if (!platform) { skipped.push({ name, reason: 'no platform' }); continue; }
    if (!category) { skipped.push({ name, reason: `unknown category « ${r[COLUMNS.category]} »` }); continue; }
    if (/[\t\n\r]/.test(name + platform)) { skipped.push({ name, reason: 'a tab or line break in a name' }); continue; }
    const prefix = r[COLUMNS.wildcard]!.trim() === '1';
    const link = r[COLUMNS.link]!.trim().replace(/[\t\n\r]+/g, ' ');
    const generic = isGeneric(name, prefix);
    let domains = ocdDomains(r[COLUMNS.domain]!);
    // A generic name with no domain would name its platform nowhere: it is tied to the
    // platform's own site, the one of its privacy page (`login` on salesforce.com is Salesforce's).
    const own = !domains.length && generic ? linkDomain(link) : undefined;
    if (own) domains = [own];
    rows.push({
      name,
      prefix,
      platform,
      controller: r[COLUMNS.controller]!.trim().replace(/[\t\n\r]+/g, ' '),
      link,
      category,
      domains,
      retention: retentionCode(r[COLUMNS.retention]!),
      generic,
      brand: carriesBrand(name, platform),
    });
  }
  return { rows, skipped, total: records.length };
}

const b36 = (n: number) => n.toString(36);
const letters = (s: string) => s.toLowerCase().replace(/\.com$/, '').replace(/[^\p{L}\p{N}]+/gu, '');

/** The controller, unless it only repeats the platform's name (« Shopify.com » for Shopify). */
function controllerOf(row: TableRow): string {
  const [p, c] = [letters(row.platform), letters(row.controller)];
  return p.includes(c) || c.includes(p) ? '' : row.controller;
}

/**
 * The table's text columns (see lib/audit/knowledge/ocd.ts): owners (platform, controller, link)
 * and domain sets stored once and referred to by number; names apart from the other facts, rows
 * grouped by owner, an owner written only where it changes, so that the archive compresses them well.
 */
export function encodeTable(rows: TableRow[]): { owners: string; domains: string; names: string; facts: string } {
  const owners: string[] = [];
  const ownerIndex = new Map<string, number>();
  const domains: string[] = [];
  const domainIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], key: string) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = list.push(key) - 1));
    return i;
  };
  const coded = rows.map((row) => ({
    row,
    owner: indexOf(ownerIndex, owners, [row.platform, controllerOf(row), row.link].join('\t')),
    domain: row.domains.length ? b36(indexOf(domainIndex, domains, row.domains.join(' '))) : '',
  }));
  // Stable: rows of one owner keep the database's order.
  coded.sort((a, b) => a.owner - b.owner);
  let previous = -1;
  const facts = coded.map(({ row, owner, domain }) => {
    const flags = `${row.category}${row.prefix ? '*' : ''}${row.generic ? 'g' : ''}${row.brand ? 'b' : ''}`;
    const written = owner === previous ? '' : b36(owner);
    previous = owner;
    return [written, flags, domain, row.retention].join('\t');
  });
  return { owners: owners.join('\n'), domains: domains.join('\n'), names: coded.map((c) => c.row.name).join('\n'), facts: facts.join('\n') };
}
