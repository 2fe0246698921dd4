import { isCookieName } from '../cookies/model';
import { CATEGORIES, type Category, type Charter, type CharterEntry, type NamePattern } from './model';
import type { MessageKey } from '../i18n/messages';
import { checkedWords, said, SaidError, type Words } from '../i18n/said';

/** A charter refused, naming what is wrong (read only when it is), kept as data for the charter's record. */
const invalid = (field: MessageKey) => new SaidError(said('error.charter.invalid', said(field)));

/**
 * A charter that crossed a message boundary is checked before it is kept: every field of the
 * expected type and size, every cookie name a plausible one. Throws with the first problem.
 */
const MAX_ENTRIES = 2000;
const MAX_TEXT = 2000;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

function text(value: unknown, field: MessageKey, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw invalid(field);
  return value;
}

function pattern(value: unknown): NamePattern {
  const p = value as Record<string, unknown>;
  if (typeof p?.exact === 'string' && isCookieName(p.exact)) return { exact: p.exact };
  if (typeof p?.prefix === 'string' && isCookieName(p.prefix)) return { prefix: p.prefix };
  throw invalid('error.charter.field.name');
}

function entry(value: unknown): CharterEntry {
  const e = value as Record<string, unknown>;
  if (!Array.isArray(e?.names) || e.names.length === 0) throw invalid('error.charter.field.noName');
  if (!CATEGORIES.includes(e.category as Category)) throw invalid('error.charter.field.category');
  const result: CharterEntry = {
    provider: text(e.provider, 'error.charter.field.provider')!,
    names: e.names.map(pattern),
    purpose: text(e.purpose, 'error.charter.field.purpose')!,
    category: e.category as Category,
  };
  const service = text(e.service, 'error.charter.field.service', true);
  const duration = text(e.duration, 'error.charter.field.duration', true);
  const declaredUnder = text(e.declaredUnder, 'error.charter.field.declaredUnder', true);
  if (service !== undefined) result.service = service;
  if (duration !== undefined) result.duration = duration;
  if (declaredUnder !== undefined) result.declaredUnder = declaredUnder;
  if (e.party !== undefined) {
    if (e.party !== 'first' && e.party !== 'third') throw invalid('error.charter.field.party');
    result.party = e.party;
  }
  if (e.domains !== undefined) {
    if (!Array.isArray(e.domains)) throw invalid('error.charter.field.domains');
    result.domains = e.domains.map((d) => text(d, 'error.charter.field.domain')!);
  }
  return result;
}

export function validateCharter(value: unknown, site: string): Charter {
  const c = value as Record<string, unknown>;
  if (c?.site !== site) throw invalid('error.charter.field.site');
  if (!Array.isArray(c.entries) || c.entries.length > MAX_ENTRIES) throw invalid('error.charter.field.entries');
  if (Number.isNaN(Date.parse(String(c.fetchedAt)))) throw invalid('error.charter.field.date');
  const charter: Charter = {
    site,
    url: text(c.url, 'error.charter.field.address')!,
    source: 'live',
    fetchedAt: String(c.fetchedAt),
    entries: c.entries.map(entry),
  };
  if (c.lang !== undefined) {
    if (typeof c.lang !== 'string' || !LANGUAGE_TAG.test(c.lang)) throw invalid('error.charter.field.language');
    charter.lang = c.lang;
  }
  return charter;
}

const MAX_WARNINGS = 50;

/** An address of the site itself, or nothing: the page may not point a reading elsewhere. */
function siteUrl(value: unknown, site: string): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.hostname === site ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a portal page answers when asked to read its charter (lib/page/charter.ts), checked: the
 * page is untrusted. A charter read elsewhere than on the site is refused; a failure keeps its
 * reason — a sentence of the charter's errors kept as data (lib/i18n/said.ts), or text — cut to
 * size, and its address only when it is the site's.
 */
export function validateReading(
  value: unknown,
  site: string,
): { charter: Charter; warnings: Words[] } | { failure: { reason: Words; url?: string } } {
  const reading = value as Record<string, unknown>;
  if (reading?.failure !== undefined) {
    const failure = reading.failure as Record<string, unknown>;
    const reason = checkedWords(failure?.reason, (key) => key.startsWith('error.charter.'));
    if (!reason) throw invalid('error.charter.field.reason');
    const url = siteUrl(failure.url, site);
    return { failure: { reason, ...(url && { url: url.href }) } };
  }
  const charter = validateCharter(reading?.charter, site);
  // Read on the portal itself, or it is not the charter « publiée sur le site ».
  if (!siteUrl(charter.url, site)) throw invalid('error.charter.field.otherSite');
  const warnings = Array.isArray(reading.warnings) ? reading.warnings : [];
  // Each a sentence of the reading's warnings kept as data, or text; anything else is left out.
  const kept = warnings.slice(0, MAX_WARNINGS).map((warning) => checkedWords(warning, (key) => key.startsWith('charterStatus.warning.')));
  return { charter, warnings: kept.filter((warning) => warning !== undefined) };
}
