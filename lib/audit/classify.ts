import type { Flag, ShownCategory } from './categories';
import { bareDomain, cookieKey, type CookieFacts } from '../cookies/model';
import { findEntry, type CompiledCharter } from '../charter/match';
import type { CharterEntry } from '../charter/model';
import { guessCookie, guessKey } from './knowledge/lookup';
import type { KnowledgeGuess } from './knowledge/model';
import { lifetimeInWords } from './lifetime';
import type { Finding } from './rules';
import { registrableDomain } from '../cookies/site';
import { deceptiveNameFinding } from './deceptive-name';
import { visibleName } from '../cookies/visible-name';
import type { CookieTimeline } from '../cookies/timeline';

export type { KnowledgeGuess };

export interface ClassifiedCookie {
  /** Unique within a report. */
  id: string;
  cookie: CookieFacts;
  declared: boolean;
  entry?: CharterEntry;
  guess?: KnowledgeGuess;
  category: ShownCategory;
  lifetime: string;
  flags: Flag[];
  findings: Finding[];
  /** When it appeared, when the background's timeline is given. */
  timeline?: CookieTimeline;
}

function flagsOf(cookie: CookieFacts, host: string, entry: CharterEntry | undefined): Flag[] {
  const flags: Flag[] = [];
  if (cookie.httpOnly) flags.push('httpOnly');
  if (cookie.secure) flags.push('secure');
  if (cookie.partitionKey?.topLevelSite) flags.push('partitioned');
  const domain = bareDomain(cookie.domain);
  // A third party by its domain, or by the charter's word (a tool of another company on the portal's domain).
  if (registrableDomain(domain) !== registrableDomain(host) || entry?.party === 'third') flags.push('thirdParty');
  else if (!cookie.hostOnly && domain !== host) flags.push('parentDomain');
  if (!cookie.seenByApi) flags.push('pageOnly');
  return flags;
}

/** The charter first; the knowledge base only adds a probable provider and kind. */
export function classifyCookie(
  charter: CompiledCharter,
  cookie: CookieFacts,
  host: string,
  nowSeconds: number,
  id: string,
): ClassifiedCookie {
  const entry = findEntry(charter, cookie);
  const guess = guessCookie(cookie.name, cookie.domain);
  return {
    id,
    cookie,
    declared: entry !== undefined,
    ...(entry && { entry }),
    ...(guess && { guess }),
    category: entry?.category ?? 'undeclared',
    lifetime: lifetimeInWords(cookie, nowSeconds),
    flags: flagsOf(cookie, host, entry),
    findings: [],
  };
}

/**
 * Every cookie of a jar classified against the charter, in the jar's order, each with an id
 * unique in the jar: its `cookieKey`, numbered when a name only the page reported repeats.
 * What the popup's report, clearing and the badge all start from.
 */
export function classifyJar(charter: CompiledCharter, facts: readonly CookieFacts[], host: string, nowSeconds: number): ClassifiedCookie[] {
  const ids = new Set<string>();
  return facts.map((cookie) => {
    let id = cookieKey(cookie);
    for (let n = 2; ids.has(id); n++) id = `${cookieKey(cookie)}#${n}`;
    ids.add(id);
    return classifyCookie(charter, cookie, host, nowSeconds, id);
  });
}

/** The order Témoin lists cookies in: declared first, then the undeclared; by name within each group. */
export function listOrder(a: ClassifiedCookie, b: ClassifiedCookie): number {
  return (
    Number(a.category === 'undeclared') - Number(b.category === 'undeclared') ||
    a.cookie.name.localeCompare(b.cookie.name, 'fr') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Undeclared cookies, as the toolbar badge counts them and the popup's totals repeat them:
 * `reported`, those the browser reports (the badge reads the browser's jar, never the page);
 * `pageOnly`, names only the page's script reported, which the popup mentions apart.
 */
export function undeclaredCount(cookies: readonly Pick<ClassifiedCookie, 'declared' | 'cookie'>[]): { reported: number; pageOnly: number } {
  const undeclared = cookies.filter((c) => !c.declared);
  const reported = undeclared.filter((c) => c.cookie.seenByApi).length;
  return { reported, pageOnly: undeclared.length - reported };
}

/** A localStorage or sessionStorage key the page holds (never its value). */
export interface StorageItem {
  area: 'local' | 'session';
  key: string;
  guess?: KnowledgeGuess;
  /** « Nom trompeur », when the key imitates another name. */
  findings?: Finding[];
}

export function classifyKey(area: StorageItem['area'], key: string): StorageItem {
  const guess = guessKey(key);
  const { deceptive } = visibleName(key);
  return { area, key, ...(guess && { guess }), ...(deceptive && { findings: [deceptiveNameFinding(deceptive)] }) };
}

/** Is this cookie one that clearing must never touch? Only the charter can say a cookie is necessary. */
export function isNecessary(classified: Pick<ClassifiedCookie, 'category'>): boolean {
  return classified.category === 'necessary';
}

/** Does the charter say, in so many words, that this cookie is not necessary? */
export function isDeclaredNonEssential(classified: Pick<ClassifiedCookie, 'category'>): boolean {
  const { category } = classified;
  return category !== 'necessary' && category !== 'unclear' && category !== 'undeclared';
}
