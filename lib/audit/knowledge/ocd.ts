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
  flags: string[];
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
    flags: [],
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
    t.flags.push(flags);
    t.name.push(name);
    t.domain[i] = domain ? parseInt(domain, 36) : -1;
    t.retention.push(retention);
    if (!flags.includes('*')) t.exact.set(name, [...(t.exact.get(name) ?? []), i]);
    else if (name.length < START) t.short.push(i);
    else t.byStart.set(startOf(name), [...(t.byStart.get(startOf(name)) ?? []), i]);
  });
  const longestFirst = (a: number, b: number) => t.name[b]!.length - t.name[a]!.length;
  for (const list of t.byStart.values()) list.sort(longestFirst);
  t.short.sort(longestFirst);
  return t;
}

/** The cookie's host and registrable domain, worked out only when a row has a domain to compare. */
interface Place {
  domain: string | undefined;
  host?: string;
  site?: string;
}

/** How well a row fits a cookie: 3 on the database's domain, 2 by name alone, 1 by its brand off its domain, 0 not at all. */
function fit(t: Table, row: number, place: Place): number {
  const flags = t.flags[row]!;
  const d = t.domain[row]!;
  if (d < 0) return flags.includes('g') ? 0 : 2;
  if (place.domain !== undefined) {
    if (place.host === undefined) {
      place.host = bareDomain(place.domain).toLowerCase();
      place.site = registrableDomain(place.host);
    }
    const { host, site } = place;
    if (t.domains[d]!.some((x) => site === x || host === x || host.endsWith(`.${x}`))) return 3;
  }
  return flags.includes('b') && !flags.includes('g') ? 1 : 0;
}

export interface OcdMatch {
  row: number;
  matched: OcdFacts['matched'];
}

const MATCHED: OcdFacts['matched'][] = ['brand', 'name', 'domain'];

/**
 * The database's row for a cookie, or for a storage key when `domain` is undefined. Where the
 * database gives a domain, the name counts only on that domain or its subdomains, unless it
 * carries the platform's own name; a generic name counts only on its domain. Among rows that
 * fit, the best fit wins, then an exact name, then the longer prefix.
 */
export function ocdMatch(name: string, domain: string | undefined): OcdMatch | undefined {
  const t = load();
  const exact = t.exact.get(name);
  const bucket = name.length >= START ? t.byStart.get(startOf(name)) : undefined;
  if (!exact && !bucket && !t.short.length) return undefined; // most names: nothing to allocate
  const place: Place = { domain };
  let best = -1;
  let bestFit = 0;
  const consider = (row: number) => {
    if (bestFit === 3) return;
    const f = fit(t, row, place);
    if (f > bestFit) {
      best = row;
      bestFit = f;
    }
  };
  for (const row of exact ?? []) consider(row);
  for (const row of bucket ?? []) if (name.startsWith(t.name[row]!)) consider(row);
  for (const row of t.short) if (name.startsWith(t.name[row]!)) consider(row);
  return best < 0 ? undefined : { row: best, matched: MATCHED[bestFit - 1]! };
}

/** The facts of one row, as a report carries them. */
export const ocdFacts = (match: OcdMatch): OcdFacts => factsIn(load(), match);

function factsIn(t: Table, { row, matched }: OcdMatch): OcdFacts {
  const owner = t.owners[t.owner[row]!]!;
  const d = t.domain[row]!;
  const retention = t.retention[row]!;
  return {
    platform: owner.platform,
    ...(owner.controller && { controller: owner.controller }),
    category: CATEGORIES[t.flags[row]![0]!] ?? 'Functional',
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
    prefix: t.flags[row]!.includes('*'),
    generic: t.flags[row]!.includes('g'),
    brand: t.flags[row]!.includes('b'),
    facts: factsIn(t, { row, matched: t.domain[row]! >= 0 ? 'domain' : 'name' }),
  }));
}
