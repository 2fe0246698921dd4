import { bareDomain } from '../cookies/model';
import { registrableDomain } from '../cookies/site';
import type { Charter, CharterEntry } from './model';

/**
 * A charter compiled for lookups: a map of exact names, then prefix rules longest first, so a
 * cookie costs one map lookup and a short scan.
 */
export interface CompiledCharter {
  charter: Charter;
  exact: Map<string, CharterEntry[]>;
  prefixes: { prefix: string; entry: CharterEntry }[];
  siteDomain: string;
}

const compiled = new WeakMap<Charter, CompiledCharter>();

export function compileCharter(charter: Charter): CompiledCharter {
  let result = compiled.get(charter);
  if (result) return result;
  const exact = new Map<string, CharterEntry[]>();
  const prefixes: CompiledCharter['prefixes'] = [];
  for (const entry of charter.entries) {
    for (const pattern of entry.names) {
      if ('exact' in pattern) exact.set(pattern.exact, [...(exact.get(pattern.exact) ?? []), entry]);
      else prefixes.push({ prefix: pattern.prefix, entry });
    }
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  result = { charter, exact, prefixes, siteDomain: registrableDomain(charter.site) };
  compiled.set(charter, result);
  return result;
}

/**
 * The charter entry that declares a cookie, if any. A name is declared only on the domains its
 * entry covers: the charter site's own registrable domain, unless the entry names others.
 * An exact name wins over a prefix rule; a longer prefix over a shorter one.
 */
export function findEntry(
  charter: CompiledCharter,
  cookie: { name: string; domain: string },
): CharterEntry | undefined {
  const exact = charter.exact.get(cookie.name);
  let prefixed: CharterEntry[] | undefined;
  for (const p of charter.prefixes) if (cookie.name.startsWith(p.prefix)) (prefixed ??= []).push(p.entry);
  if (!exact && !prefixed) return undefined; // most cookies: no domain work at all
  const domain = registrableDomain(bareDomain(cookie.domain));
  const inScope = (entry: CharterEntry) => (entry.domains ? entry.domains.includes(domain) : domain === charter.siteDomain);
  return exact?.find(inScope) ?? prefixed?.find(inScope);
}
