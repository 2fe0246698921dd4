import type { GeneratedI18nStructure } from '#i18n';
import { visitorError } from './errors';
import { number } from './format';
import { t, tn, type MessageKey, type PluralKey } from './messages';

/**
 * A sentence kept as data — its key and substitutions — rather than as words, for what is said
 * long after, or far from, where it happened: a charter's failure is found in the portal's page
 * (where the visitor's chosen language is not loaded) and kept in storage (where the visitor may
 * change language since). It becomes words with `say`, where and when it is shown, in the
 * language spoken then.
 */
export type Said = { key: MessageKey; subs: SaidSub[] } | { key: PluralKey; count: number; subs: SaidSub[] } | { error: string };
/**
 * A substitution: words or a figure as they are (a name, an address, an error code), a number
 * written as the language writes it (`numeral`), or another sentence.
 */
export type SaidSub = string | number | { number: number } | Said;
/** What a record keeps: a sentence kept as data, or words an earlier version kept, shown as they are. */
export type Words = string | Said;

type Structure = Omit<GeneratedI18nStructure, `@@${string}`>;
type Subs<N> = N extends 0 ? [] : N extends 1 ? [SaidSub] : N extends 2 ? [SaidSub, SaidSub] : N extends 3 ? [SaidSub, SaidSub, SaidSub] : SaidSub[];
/** After the count, which is $1. */
type MoreSubs<N> = N extends 0 | 1 ? [] : N extends 2 ? [SaidSub] : N extends 3 ? [SaidSub, SaidSub] : SaidSub[];

/** `said('error.charter.pageTooDeep', '256')`: what `t` would say, kept for later. */
export function said<K extends MessageKey>(key: K, ...subs: Subs<Structure[K]['substitutions']>): Said {
  return { key, subs };
}

/** `saidn('charterStatus.warning.omitted', 3)`: what `tn` would say, kept for later. */
export function saidn<K extends PluralKey>(key: K, count: number, ...subs: MoreSubs<Structure[K]['substitutions']>): Said {
  return { key, count, subs };
}

/** A count or a size, written at `say` as the language spoken writes numbers (« 50 000 », "50,000"). */
export const numeral = (value: number): SaidSub => ({ number: value });

function isSaid(value: unknown): value is Said {
  const v = value as Record<string, unknown> | null;
  return typeof v === 'object' && v !== null && (typeof v.error === 'string' || (typeof v.key === 'string' && Array.isArray(v.subs)));
}

function saySub(sub: SaidSub): string | number {
  if (typeof sub === 'string' || typeof sub === 'number') return sub;
  if ('number' in sub) return number(sub.number);
  return say(sub);
}

/** The words, in the language spoken now. A string (kept by an earlier version) is said as it is. */
export function say(words: Words): string {
  if (typeof words === 'string') return words;
  if ('error' in words) return visitorError(words.error);
  // The substitutions were checked against the key when the sentence was made (`said`, `saidn`).
  const subs = words.subs.map(saySub);
  if ('count' in words) return (tn as (key: PluralKey, count: number, ...subs: (string | number)[]) => string)(words.key, words.count, ...subs);
  return (t as (key: MessageKey, ...subs: (string | number)[]) => string)(words.key, ...subs);
}

/** An error that carries its sentence as data, for whoever catches it to keep (`saidOf`). */
export class SaidError extends Error {
  constructor(readonly said: Said) {
    super(say(said));
  }
}

/** Why something failed, kept as data: a `SaidError`'s sentence, or the browser's message, said again in the visitor's language when shown. */
export function saidOf(error: unknown): Said {
  if (error instanceof SaidError) return error.said;
  return { error: error instanceof Error ? error.message : String(error) };
}

const MAX_DEPTH = 3;
const MAX_SUBS = 4;
const MAX_TEXT = 500;

/**
 * Words that crossed a boundary (storage, a page's answer), checked: a string, cut to size, or a
 * sentence of a key among `keys`, with at most a few substitutions, each a string cut to size, a
 * number, or such a sentence, a few levels deep. Undefined when anything else.
 */
export function checkedWords(value: unknown, keys: (key: string) => boolean, depth = 0): Words | undefined {
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  if (!isSaid(value) || depth > MAX_DEPTH) return undefined;
  if ('error' in value) return { error: value.error.slice(0, MAX_TEXT) };
  if (!keys(value.key) || value.subs.length > MAX_SUBS) return undefined;
  const subs = (value.subs as unknown[]).map((sub) => checkedSub(sub, keys, depth));
  if (!subs.every((sub) => sub !== undefined)) return undefined;
  if (!('count' in value)) return { key: value.key as MessageKey, subs };
  return typeof value.count === 'number' && Number.isFinite(value.count) ? { key: value.key as PluralKey, count: value.count, subs } : undefined;
}

function checkedSub(sub: unknown, keys: (key: string) => boolean, depth: number): SaidSub | undefined {
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (typeof sub === 'number') return finite(sub) ? sub : undefined;
  if (typeof sub === 'object' && sub !== null && 'number' in sub) {
    const n = (sub as { number: unknown }).number;
    return finite(n) ? { number: n } : undefined;
  }
  return checkedWords(sub, keys, depth + 1);
}
