import { bareDomain } from '../cookie';
import { registrableDomain } from '../site';
import { knowledge } from './entries';
import { kindLabels, type KnowledgeEntry, type KnowledgeKind } from './model';

/**
 * The knowledge base compiled once for lookups: a map of exact names, then prefixes longest
 * first, so a guess costs one map lookup and a short scan (the table never changes at run time).
 */
interface CompiledKnowledge {
  exact: Map<string, KnowledgeEntry[]>;
  prefixes: { prefix: string; entry: KnowledgeEntry }[];
}

let compiled: CompiledKnowledge | undefined;

function compile(): CompiledKnowledge {
  if (compiled) return compiled;
  const exact = new Map<string, KnowledgeEntry[]>();
  const prefixes: CompiledKnowledge['prefixes'] = [];
  for (const entry of knowledge) {
    for (const pattern of entry.names) {
      if ('exact' in pattern) exact.set(pattern.exact, [...(exact.get(pattern.exact) ?? []), entry]);
      else prefixes.push({ prefix: pattern.prefix, entry });
    }
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  compiled = { exact, prefixes };
  return compiled;
}

/** Every entry whose names cover `name`, best first: exact names, then longer prefixes. */
function candidates(name: string): KnowledgeEntry[] {
  const { exact, prefixes } = compile();
  return [
    ...(exact.get(name) ?? []),
    ...prefixes.filter((p) => name.startsWith(p.prefix)).map((p) => p.entry),
  ];
}

/**
 * The probable identity of a cookie the charter does not declare. `domain` is the cookie's domain
 * as the cookies API gives it (`.youtube.com`). An entry with `domains` matches only cookies of
 * those domains or their subdomains, and beats a generic entry: `csrftoken` on instagram.com is
 * Instagram's, anywhere else a framework's CSRF token.
 */
export function guessCookie(name: string, domain: string): KnowledgeEntry | undefined {
  const host = bareDomain(domain).toLowerCase();
  const site = registrableDomain(host);
  const fits = (entry: KnowledgeEntry) =>
    !entry.domains || entry.domains.some((d) => site === d || host === d || host.endsWith(`.${d}`));
  const found = candidates(name).filter(fits);
  return found.find((entry) => entry.domains) ?? found[0];
}

/**
 * The probable identity of a localStorage or sessionStorage key. Storage has no domain of its
 * own that we could compare, so the generic meaning wins and a domain-specific one is a fallback.
 */
export function guessKey(name: string): KnowledgeEntry | undefined {
  const found = candidates(name);
  return found.find((entry) => !entry.domains) ?? found[0];
}

/** How many name patterns the knowledge base holds per kind, for reports. */
export function knowledgeStats(): Record<KnowledgeKind, number> {
  const stats = Object.fromEntries(Object.keys(kindLabels).map((kind) => [kind, 0])) as Record<KnowledgeKind, number>;
  for (const entry of knowledge) stats[entry.kind] += entry.names.length;
  return stats;
}
