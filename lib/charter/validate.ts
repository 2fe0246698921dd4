import { isCookieName } from '../cookies/model';
import { CATEGORIES, type Category, type Charter, type CharterEntry, type NamePattern } from './model';

/**
 * A charter that crossed a message boundary is checked before it is kept: every field of the
 * expected type and size, every cookie name a plausible one. Throws with the first problem.
 */
const MAX_ENTRIES = 2000;
const MAX_TEXT = 2000;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

function text(value: unknown, field: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw new Error(`charte invalide\u00a0: ${field}`);
  return value;
}

function pattern(value: unknown): NamePattern {
  const p = value as Record<string, unknown>;
  if (typeof p?.exact === 'string' && isCookieName(p.exact)) return { exact: p.exact };
  if (typeof p?.prefix === 'string' && isCookieName(p.prefix)) return { prefix: p.prefix };
  throw new Error('charte invalide\u00a0: nom de cookie');
}

function entry(value: unknown): CharterEntry {
  const e = value as Record<string, unknown>;
  if (!Array.isArray(e?.names) || e.names.length === 0) throw new Error('charte invalide\u00a0: entrée sans nom');
  if (!CATEGORIES.includes(e.category as Category)) throw new Error('charte invalide\u00a0: catégorie');
  const result: CharterEntry = {
    provider: text(e.provider, 'prestataire')!,
    names: e.names.map(pattern),
    purpose: text(e.purpose, 'finalité')!,
    category: e.category as Category,
  };
  const service = text(e.service, 'service', true);
  const duration = text(e.duration, 'durée', true);
  const declaredUnder = text(e.declaredUnder, 'catégorie déclarée', true);
  if (service !== undefined) result.service = service;
  if (duration !== undefined) result.duration = duration;
  if (declaredUnder !== undefined) result.declaredUnder = declaredUnder;
  if (e.party !== undefined) {
    if (e.party !== 'first' && e.party !== 'third') throw new Error('charte invalide\u00a0: origine');
    result.party = e.party;
  }
  if (e.domains !== undefined) {
    if (!Array.isArray(e.domains)) throw new Error('charte invalide\u00a0: domaines');
    result.domains = e.domains.map((d) => text(d, 'domaine')!);
  }
  return result;
}

export function validateCharter(value: unknown, site: string): Charter {
  const c = value as Record<string, unknown>;
  if (c?.site !== site) throw new Error('charte invalide\u00a0: site');
  if (!Array.isArray(c.entries) || c.entries.length > MAX_ENTRIES) throw new Error('charte invalide\u00a0: entrées');
  if (Number.isNaN(Date.parse(String(c.fetchedAt)))) throw new Error('charte invalide\u00a0: date');
  const charter: Charter = {
    site,
    url: text(c.url, 'adresse')!,
    source: 'live',
    fetchedAt: String(c.fetchedAt),
    entries: c.entries.map(entry),
  };
  if (c.lang !== undefined) {
    if (typeof c.lang !== 'string' || !LANGUAGE_TAG.test(c.lang)) throw new Error('charte invalide\u00a0: langue');
    charter.lang = c.lang;
  }
  return charter;
}
