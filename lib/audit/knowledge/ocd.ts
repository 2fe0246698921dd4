import { bareDomain } from '../../cookies/model';
import { registrableDomain } from '../../cookies/site';
import type { OcdCategory, OcdFacts } from './model';
import { OCD_DOMAINS, OCD_FACTS, OCD_NAMES, OCD_OWNERS } from './ocd-table';

/**
 * The Open Cookie Database's facts (ocd-table.ts, made by `npm run knowledge`), read once into
 * columns and indexed like our own base: exact names in a map, prefixes bucketed by their first
 * two characters, longest first.
 *
 * Table format, columns of text so that the archive compresses them: `OCD_OWNERS` has one line
 * per platform (`platform \t controller \t privacy link`, the controller empty when it only
 * repeats the platform's name); `OCD_DOMAINS` one line per set of registrable domains
 * (space-separated); `OCD_NAMES` one name or prefix per line, and `OCD_FACTS` the same row's
 * `owner \t flags \t domains \t retention`: numbers in base 36, the owner left empty when it is
 * the previous row's, `domains` empty when the database gives none. Flags: the category's
 * initial (F, N, P, A, M, S), then `*` for a prefix, `g` for a generic name, `b` for a name
 * carrying its platform's own name. A generic name the database ties to no domain is tied to
 * its platform's own site, the one of its privacy page, by `npm run knowledge`.
 */

const CATEGORIES: Record<string, OcdCategory> = {
  F: 'Functional',
  N: 'Necessary',
  P: 'Personalization',
  A: 'Analytics',
  M: 'Marketing',
  S: 'Security',
};

interface Owner {
  platform: string;
  controller: string;
  link: string;
}

export interface Table {
  owners: Owner[];
  domains: string[][];
  name: string[];
  owner: Uint16Array;
  /** The category's initial. */
  category: string[];
  /** PREFIX, GENERIC, BRAND. */
  bits: Uint8Array;
  /** Index into `domains`, or -1. */
  domain: Int16Array;
  retention: string[];
  exact: Map<string, number[]>;
  byStart: Map<number, number[]>;
  /** Prefixes shorter than a bucket key. */
  short: number[];
}

const START = 2;
const startOf = (name: string) => name.charCodeAt(0) * 0x10000 + name.charCodeAt(1);
let table: Table | undefined;

const load = (): Table => (table ??= decodeTable({ owners: OCD_OWNERS, domains: OCD_DOMAINS, names: OCD_NAMES, facts: OCD_FACTS }));

/** The table's texts read into columns and indexed (exported for the test that writes then reads one). */
export function decodeTable(text: { owners: string; domains: string; names: string; facts: string }): Table {
  const owners = text.owners.split('\n').map((line) => {
    const [platform = '', controller = '', link = ''] = line.split('\t');
    return { platform, controller, link };
  });
  const domains = text.domains.split('\n').map((line) => line.split(' '));
  const names = text.names ? text.names.split('\n') : [];
  const lines = text.facts.split('\n');
  const t: Table = {
    owners,
    domains,
    name: [],
    owner: new Uint16Array(names.length),
    category: [],
    bits: new Uint8Array(names.length),
    domain: new Int16Array(names.length),
    retention: [],
    exact: new Map(),
    byStart: new Map(),
    short: [],
  };
  let current = 0;
  names.forEach((name, i) => {
    const [owner = '', flags = 'F', domain = '', retention = ''] = (lines[i] ?? '').split('\t');
    if (owner) current = parseInt(owner, 36);
    t.owner[i] = current;
    t.category.push(flags[0] ?? 'F');
    t.bits[i] = (flags.includes('*') ? PREFIX : 0) | (flags.includes('g') ? GENERIC : 0) | (flags.includes('b') ? BRAND : 0);
    t.name.push(name);
    t.domain[i] = domain ? parseInt(domain, 36) : -1;
    t.retention.push(retention);
    if (!flags.includes('*')) {
      const list = t.exact.get(name);
      if (list) list.push(i);
      else t.exact.set(name, [i]);
    } else if (name.length < START) t.short.push(i);
    else {
      const list = t.byStart.get(startOf(name));
      if (list) list.push(i);
      else t.byStart.set(startOf(name), [i]);
    }
  });
  const longestFirst = (a: number, b: number) => t.name[b]!.length - t.name[a]!.length;
  for (const list of t.byStart.values()) list.sort(longestFirst);
  t.short.sort(longestFirst);
  return t;
}

/** A cookie's domain as the cookies API gives it (`.youtube.com`) → its host and registrable domain; a jar repeats a few domains. */
const places = new Map<string, { host: string; site: string }>();
function placeOf(domain: string): { host: string; site: string } {
  let place = places.get(domain);
  if (!place) {
    const host = bareDomain(domain).toLowerCase();
    place = { host, site: registrableDomain(host) };
    if (places.size > 1000) places.clear();
    places.set(domain, place);
  }
  return place;
}

/** `host` under `domain` (`www.github.com` under `github.com`), without making a string. */
const isSubdomain = (host: string, domain: string) =>
  host.length > domain.length && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46; // '.'

const PREFIX = 1;
const GENERIC = 2;
const BRAND = 4;

/** How well a row fits a cookie: 3 on the database's domain, 2 by name alone, 1 by its brand off its domain, 0 not at all. */
function fit(t: Table, row: number, domain: string | undefined): number {
  const bits = t.bits[row]!;
  const d = t.domain[row]!;
  if (d < 0) return bits & GENERIC ? 0 : 2;
  if (domain !== undefined) {
    const { host, site } = placeOf(domain);
    for (const x of t.domains[d]!) if (site === x || host === x || isSubdomain(host, x)) return 3;
  }
  return bits & BRAND && !(bits & GENERIC) ? 1 : 0;
}

export interface OcdMatch {
  row: number;
  matched: OcdFacts['matched'];
}

const MATCHED: OcdFacts['matched'][] = ['brand', 'name', 'domain'];

/**
 * The database's row for a cookie, or for a storage key when `domain` is undefined, as one
 * number (`row * 3 + fit - 1`, -1 for none) so that the lookup of a whole jar allocates little.
 * Where the database gives a domain, the name counts only on that domain or its subdomains,
 * unless it carries the platform's own name; a generic name counts only on its domain. Among
 * rows that fit, the best fit wins, then an exact name, then the longer prefix. `exact` and
 * `bucket` are the rows of the exact name and of its first two characters (ocdIndex), which
 * the lookup keeps beside its own.
 */
export function ocdCode(name: string, domain: string | undefined, exact: readonly number[] | undefined, bucket: readonly number[] | undefined): number {
  const t = load();
  if (!exact && !bucket && !t.short.length) return -1; // most names: nothing to allocate
  // Best so far, as its code: the fit is the code's remainder.
  let best = exact ? bestIn(t, exact, '', domain, -1) : -1;
  if (bucket && best % 3 !== 2) best = bestIn(t, bucket, name, domain, best);
  if (t.short.length && best % 3 !== 2) best = bestIn(t, t.short, name, domain, best);
  return best;
}

/** The table's index of names: exact names, and prefixes by their first two characters. */
export function ocdIndex(): { exact: ReadonlyMap<string, readonly number[]>; byStart: ReadonlyMap<number, readonly number[]>; short: readonly number[] } {
  return load();
}

/** The best of `rows` (prefixes of `name`, or exact names when `name` is empty) against the best code so far. */
function bestIn(t: Table, rows: readonly number[], name: string, domain: string | undefined, best: number): number {
  let bestFit = best < 0 ? 0 : (best % 3) + 1;
  for (const row of rows) {
    if (name && !name.startsWith(t.name[row]!)) continue;
    const f = fit(t, row, domain);
    if (f > bestFit) {
      best = row * 3 + f - 1;
      bestFit = f;
      if (f === 3) break;
    }
  }
  return best;
}

/** A match's number read back. */
export const ocdMatchOf = (code: number): OcdMatch => ({ row: Math.floor(code / 3), matched: MATCHED[code % 3]! });

/** The facts of one row, as a report carries them. */
export const ocdFacts = (match: OcdMatch): OcdFacts => factsIn(load(), match);

function factsIn(t: Table, { row, matched }: OcdMatch): OcdFacts {
  const owner = t.owners[t.owner[row]!]!;
  const d = t.domain[row]!;
  const retention = t.retention[row]!;
  return {
    platform: owner.platform,
    ...(owner.controller && { controller: owner.controller }),
    category: CATEGORIES[t.category[row]!] ?? 'Functional',
    ...(d >= 0 && { domains: t.domains[d]! }),
    ...(retention && { retention }),
    ...(owner.link && { link: owner.link }),
    matched,
  };
}

/** The platform and controller of a row, to compare with our own description. */
export function ocdOwner(row: number): Owner {
  const t = load();
  return t.owners[t.owner[row]!]!;
}

/** Every row as plain facts, for tests and `npm run knowledge`. */
export function ocdRows(t: Table = load()): { name: string; prefix: boolean; generic: boolean; brand: boolean; facts: OcdFacts }[] {
  return t.name.map((name, row) => ({
    name,
    prefix: (t.bits[row]! & PREFIX) !== 0,
    generic: (t.bits[row]! & GENERIC) !== 0,
    brand: (t.bits[row]! & BRAND) !== 0,
    facts: factsIn(t, { row, matched: t.domain[row]! >= 0 ? 'domain' : 'name' }),
  }));
}
