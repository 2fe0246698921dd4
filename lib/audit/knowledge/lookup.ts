import { bareDomain } from '../../cookies/model';
import { registrableDomain } from '../../cookies/site';
import { knowledge } from './entries';
import { kindLabels, type KnowledgeEntry, type KnowledgeGuess } from './model';
import { ocdCode, ocdFacts, ocdIndex, ocdMatchOf, ocdOwner } from './ocd';
import { kindOfCategory, ocdSentence } from './ocd-words';
import { language, t } from '../../i18n/messages';

/**
 * Our own base and the Open Cookie Database's facts, asked together. Ours is written and checked
 * by hand, so when it knows a name it wins: its provider, kind and sentence. The database's facts
 * come with it only when both say the same owner; otherwise they are left out (JSESSIONID is any
 * Java server's, not « J2EE »'s; euconsent-v2 is the IAB's format, written by any consent
 * platform). For a name we do not know, the database's facts alone, in our words.
 *
 * Our base is compiled once for lookups: a map of exact names, and the prefixes bucketed by
 * their first two characters (longest first in each bucket), so a guess costs two map lookups
 * and a scan of a handful of prefixes (the table never changes at run time).
 */
type Prefix = { prefix: string; entry: KnowledgeEntry };
/** What one exact name or one two-character start leads to, in our base and in the database. */
interface Slot<T> {
  ours?: T[];
  ocd?: readonly number[];
}
interface CompiledKnowledge {
  exact: Map<string, Slot<KnowledgeEntry>>;
  byStart: Map<number, Slot<Prefix>>;
  /** Our prefixes shorter than a bucket key. */
  short: Prefix[];
  /** Whether some prefix of either is shorter than a bucket key: then every name must be looked at. */
  anyShort: boolean;
}

const START = 2;

/** A bucket key: the first two characters as one number, without making a string per lookup. */
const startOf = (name: string) => name.charCodeAt(0) * 0x10000 + name.charCodeAt(1);
let compiled: CompiledKnowledge | undefined;

/** Our base and the database's index merged, so a name costs two map lookups for both. */
function compile(): CompiledKnowledge {
  if (compiled) return compiled;
  const exact = new Map<string, Slot<KnowledgeEntry>>();
  const byStart = new Map<number, Slot<Prefix>>();
  const short: Prefix[] = [];
  const slot = <K, T>(map: Map<K, Slot<T>>, key: K) => {
    let s = map.get(key);
    if (!s) map.set(key, (s = {}));
    return s;
  };
  for (const entry of knowledge) {
    for (const pattern of entry.names) {
      if ('exact' in pattern) {
        (slot(exact, pattern.exact).ours ??= []).push(entry);
      } else if (pattern.prefix.length < START) {
        short.push({ prefix: pattern.prefix, entry });
      } else {
        (slot(byStart, startOf(pattern.prefix)).ours ??= []).push({ prefix: pattern.prefix, entry });
      }
    }
  }
  const longestFirst = (a: Prefix, b: Prefix) => b.prefix.length - a.prefix.length;
  for (const s of byStart.values()) s.ours?.sort(longestFirst);
  short.sort(longestFirst);
  const ocd = ocdIndex();
  for (const [name, rows] of ocd.exact) slot(exact, name).ocd = rows;
  for (const [start, rows] of ocd.byStart) slot(byStart, start).ocd = rows;
  compiled = { exact, byStart, short, anyShort: short.length > 0 || ocd.short.length > 0 };
  return compiled;
}

/** Every entry whose names cover `name`, best first: exact names, then longer prefixes. */
function candidates(name: string, exact: Slot<KnowledgeEntry> | undefined, bucket: Slot<Prefix> | undefined): KnowledgeEntry[] {
  let found = exact?.ours;
  const more = (entry: KnowledgeEntry) => (found = found ? [...found, entry] : [entry]);
  for (const p of bucket?.ours ?? []) if (name.startsWith(p.prefix)) more(p.entry);
  for (const p of compile().short) if (name.startsWith(p.prefix)) more(p.entry);
  return found ?? [];
}

/** The slots of a name: its exact name's and its first two characters'. */
function slotsOf(name: string): [Slot<KnowledgeEntry> | undefined, Slot<Prefix> | undefined] {
  const { exact, byStart } = compile();
  return [exact.get(name), name.length >= START ? byStart.get(startOf(name)) : undefined];
}

/**
 * Our entry for a cookie. `domain` is the cookie's domain as the cookies API gives it
 * (`.youtube.com`). An entry with `domains` matches only cookies of those domains or their
 * subdomains, and beats a generic entry: `csrftoken` on instagram.com is Instagram's, anywhere
 * else a framework's CSRF token.
 */
export function ourEntry(name: string, domain: string): KnowledgeEntry | undefined {
  const [exact, bucket] = slotsOf(name);
  return entryFor(name, domain, exact, bucket);
}

function entryFor(name: string, domain: string, exact: Slot<KnowledgeEntry> | undefined, bucket: Slot<Prefix> | undefined): KnowledgeEntry | undefined {
  const found = candidates(name, exact, bucket);
  if (found.length === 0) return undefined;
  if (!found.some((entry) => entry.domains)) return found[0]; // most names: no domain work at all
  const host = bareDomain(domain).toLowerCase();
  const site = registrableDomain(host);
  const fits = (entry: KnowledgeEntry) =>
    !entry.domains || entry.domains.some((d) => site === d || host === d || host.endsWith(`.${d}`));
  const fitting = found.filter(fits);
  return fitting.find((entry) => entry.domains) ?? fitting[0];
}

/** Words of an owner's name that say nothing of who it is. */
const COMMON = new Set([
  'the', 'and', 'ads', 'analytics', 'marketing', 'cookie', 'cookies', 'consent', 'consentement', 'plateforme',
  'platform', 'norme', 'compte', 'manager', 'tag', 'cloud', 'services', 'web', 'site', 'lui', 'même', 'serveur',
  'applications', 'inc', 'ltd', 'llc', 'gmbh', 'com', 'net', 'chat', 'authentification', 'unique',
]);
const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !COMMON.has(w));

/** One owner under two names: Matomo was Piwik until 2018; Hotjar belongs to Contentsquare, which the database lists for some of Hotjar's cookies. */
const SAME = new Map([['piwik', 'matomo'], ['contentsquare', 'hotjar']]);
const owners = (s: string) => words(s).map((w) => SAME.get(w) ?? w);
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const agreement = new Map<KnowledgeEntry, Map<number, boolean>>();

/**
 * Do our entry and the database's row name the same owner? « Meta (Facebook) » and « Facebook »
 * share a word, « AB Tasty » and « ABTasty » their letters, « X (Twitter) » and « X » the
 * domain twitter.com.
 */
export function sameOwner(entry: KnowledgeEntry, row: number): boolean {
  let known = agreement.get(entry);
  if (!known) agreement.set(entry, (known = new Map()));
  let same = known.get(row);
  if (same === undefined) {
    const owner = ocdOwner(row);
    const theirs = new Set(owners(`${owner.platform} ${owner.controller}`));
    const [a, b] = [letters(entry.provider), letters(owner.platform)];
    const domains = ocdFacts({ row, matched: 'domain' }).domains ?? [];
    same =
      owners(entry.provider).some((w) => theirs.has(w)) ||
      (a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a))) ||
      (entry.domains?.some((d) => domains.includes(d)) ?? false);
    known.set(row, same);
  }
  return same;
}

// A guess depends only on our entry and the database's row and fit, and on the language it is
// written in: made once per language, then shared by every cookie that gets it (nothing changes
// a guess once made).
const oursMade = new Map<KnowledgeEntry, Map<number, KnowledgeGuess>>();
const theirsMade = new Map<number, KnowledgeGuess>();
let madeIn: string | undefined;

/** The guesses made so far, forgotten when the language spoken changes. */
function sameLanguage(): void {
  if (madeIn === language()) return;
  oursMade.clear();
  theirsMade.clear();
  madeIn = language();
}

/**
 * Our entry, with the database's facts when they are about the same cookie: the same owner, or
 * a row tied to the cookie's own domain where our entry is a generic one (`locale` on
 * facebook.com is Facebook's, whatever a site's own `locale` is elsewhere).
 */
function ours(entry: KnowledgeEntry, code: number): KnowledgeGuess {
  let made = oursMade.get(entry);
  if (!made) oursMade.set(entry, (made = new Map()));
  let guess = made.get(code);
  if (!guess) {
    const match = code < 0 ? undefined : ocdMatchOf(code);
    const { provider, kind, purpose, consentKey } = entry;
    guess = {
      provider,
      kind,
      kindLabel: kindLabels[kind],
      purpose: t(purpose),
      ...(consentKey && { consentKey }),
      source: 'temoin',
      ...(match && ((!entry.domains && match.matched === 'domain') || sameOwner(entry, match.row)) && { ocd: ocdFacts(match) }),
    };
    made.set(code, guess);
  }
  return guess;
}

function theirs(code: number, what: 'cookie' | 'key'): KnowledgeGuess {
  const key = code * 2 + (what === 'key' ? 1 : 0);
  let guess = theirsMade.get(key);
  if (!guess) {
    const facts = ocdFacts(ocdMatchOf(code));
    const kind = kindOfCategory[facts.category];
    guess = { provider: facts.platform, kind, kindLabel: kindLabels[kind], purpose: ocdSentence(facts, what), source: 'ocd', ocd: facts };
    theirsMade.set(key, guess);
  }
  return guess;
}

/**
 * The probable identity of a cookie the charter does not declare: our entry, else the
 * database's facts on its domain or by a name it gives for any domain.
 */
export function guessCookie(name: string, domain: string): KnowledgeGuess | undefined {
  sameLanguage();
  const [exact, bucket] = slotsOf(name);
  if (!exact && !bucket && !compile().anyShort) return undefined; // most names: nothing else to do
  const entry = entryFor(name, domain, exact, bucket);
  const code = ocdCode(name, domain, exact?.ocd, bucket?.ocd);
  if (entry) return ours(entry, code);
  return code < 0 ? undefined : theirs(code, 'cookie');
}

/**
 * The probable identity of a localStorage or sessionStorage key. Storage has no domain of its
 * own that we could compare, so the generic meaning wins and a domain-specific one is a
 * fallback; the database's rows tied to a domain count only when the key carries the
 * platform's name.
 */
export function guessKey(name: string): KnowledgeGuess | undefined {
  sameLanguage();
  const [exact, bucket] = slotsOf(name);
  if (!exact && !bucket && !compile().anyShort) return undefined;
  const found = candidates(name, exact, bucket);
  const entry = found.find((e) => !e.domains) ?? found[0];
  const code = ocdCode(name, undefined, exact?.ocd, bucket?.ocd);
  if (entry) return ours(entry, code);
  return code < 0 ? undefined : theirs(code, 'key');
}
