import { bareDomain } from '../../cookies/model';
import { registrableDomain } from '../../cookies/site';
import { knowledge } from './entries';
import type { KnowledgeEntry } from './model';

/**
 * The knowledge base compiled once for lookups: a map of exact names, and the prefixes bucketed
 * by their first two characters (longest first in each bucket), so a guess costs two map
 * lookups and a scan of a handful of prefixes (the table never changes at run time).
 */
type Prefix = { prefix: string; entry: KnowledgeEntry };
interface CompiledKnowledge {
  exact: Map<string, KnowledgeEntry[]>;
  byStart: Map<number, Prefix[]>;
  /** Prefixes shorter than a bucket key. */
  short: Prefix[];
}

const START = 2;

/** A bucket key: the first two characters as one number, without making a string per lookup. */
const startOf = (name: string) => name.charCodeAt(0) * 0x10000 + name.charCodeAt(1);
let compiled: CompiledKnowledge | undefined;

function compile(): CompiledKnowledge {
  if (compiled) return compiled;
  const exact = new Map<string, KnowledgeEntry[]>();
  const byStart = new Map<number, Prefix[]>();
  const short: Prefix[] = [];
  for (const entry of knowledge) {
    for (const pattern of entry.names) {
      if ('exact' in pattern) {
        exact.set(pattern.exact, [...(exact.get(pattern.exact) ?? []), entry]);
      } else if (pattern.prefix.length < START) {
        short.push({ prefix: pattern.prefix, entry });
      } else {
        const start = startOf(pattern.prefix);
        byStart.set(start, [...(byStart.get(start) ?? []), { prefix: pattern.prefix, entry }]);
      }
    }
  }
  const longestFirst = (a: Prefix, b: Prefix) => b.prefix.length - a.prefix.length;
  for (const list of byStart.values()) list.sort(longestFirst);
  short.sort(longestFirst);
  compiled = { exact, byStart, short };
  return compiled;
}

/** Every entry whose names cover `name`, best first: exact names, then longer prefixes. */
function candidates(name: string): KnowledgeEntry[] {
  const { exact, byStart, short } = compile();
  let found = exact.get(name);
  const more = (entry: KnowledgeEntry) => (found = found ? [...found, entry] : [entry]);
  for (const p of byStart.get(startOf(name)) ?? []) if (name.startsWith(p.prefix)) more(p.entry);
  for (const p of short) if (name.startsWith(p.prefix)) more(p.entry);
  return found ?? [];
}

/**
 * The probable identity of a cookie the charter does not declare. `domain` is the cookie's domain
 * as the cookies API gives it (`.youtube.com`). An entry with `domains` matches only cookies of
 * those domains or their subdomains, and beats a generic entry: `csrftoken` on instagram.com is
 * Instagram's, anywhere else a framework's CSRF token.
 */
export function guessCookie(name: string, domain: string): KnowledgeEntry | undefined {
  const found = candidates(name);
  if (found.length === 0) return undefined;
  if (!found.some((entry) => entry.domains)) return found[0]; // most names: no domain work at all
  const host = bareDomain(domain).toLowerCase();
  const site = registrableDomain(host);
  const fits = (entry: KnowledgeEntry) =>
    !entry.domains || entry.domains.some((d) => site === d || host === d || host.endsWith(`.${d}`));
  const fitting = found.filter(fits);
  return fitting.find((entry) => entry.domains) ?? fitting[0];
}

/**
 * The probable identity of a localStorage or sessionStorage key. Storage has no domain of its
 * own that we could compare, so the generic meaning wins and a domain-specific one is a fallback.
 */
export function guessKey(name: string): KnowledgeEntry | undefined {
  const found = candidates(name);
  return found.find((entry) => !entry.domains) ?? found[0];
}
