import type { NamePattern } from '../../charter/model';
import { t, type MessageKey } from '../../i18n/messages';

/**
 * Our own knowledge base of well-known cookies, written in French and in English, consulted only for what a site's charter
 * does not declare: it suggests a probable provider, never a fact about the site.
 */

/** What kind of thing a well-known cookie is; decides whether it needs consent (CNIL). */
export type KnowledgeKind =
  | 'audience'
  | 'advertising'
  | 'embedded'
  | 'consent'
  | 'security'
  | 'session'
  | 'preferences'
  /** Only from the Open Cookie Database (« Functional »): its word, never the charter's. */
  | 'functional';

export interface KnowledgeEntry {
  /** Exact names and/or prefixes; a pattern such as `_pk_id.*` is `{ prefix: '_pk_id.' }`. */
  names: NamePattern[];
  /**
   * Registrable domains the cookie comes from, where that matters (`['youtube.com']`); the entry
   * then matches only cookies of those domains or their subdomains. Absent: any domain.
   */
  domains?: string[];
  /** Who sets it, e.g. 'Google Analytics', 'Matomo', 'Cloudflare'. */
  provider: string;
  kind: KnowledgeKind;
  /**
   * One sentence in our own words, ending with a period: its key in the locales
   * (`knowledge.purpose.<id>`), where it is written in French and in English.
   */
  purpose: MessageKey;
  /**
   * The key of this tracker in an Opendatasoft `cookies_preferences` consent record, when there
   * is one: 'ga', 'matomo', 'xiti', 'at', 'piano', 'eulerian'.
   */
  consentKey?: string;
}

/** In the language spoken, read when asked for. */
export const kindLabels: Record<KnowledgeKind, string> = {
  get audience() {
    return t('knowledge.kind.audience');
  },
  get advertising() {
    return t('knowledge.kind.advertising');
  },
  get embedded() {
    return t('knowledge.kind.embedded');
  },
  get consent() {
    return t('knowledge.kind.consent');
  },
  get security() {
    return t('knowledge.kind.security');
  },
  get session() {
    return t('knowledge.kind.session');
  },
  get preferences() {
    return t('knowledge.kind.preferences');
  },
  get functional() {
    return t('knowledge.kind.functional');
  },
};

/** The Open Cookie Database's categories, as it writes them. */
export type OcdCategory = 'Functional' | 'Necessary' | 'Personalization' | 'Analytics' | 'Marketing' | 'Security';

/**
 * What the Open Cookie Database says of a cookie: facts only, never its descriptions.
 * `matched` says how the cookie was recognised: on the domain the database gives (`domain`), by a
 * name it gives for any domain (`name`), or by a name carrying the platform's own name although
 * the cookie is not on the platform's domain (`brand`).
 */
export interface OcdFacts {
  platform: string;
  controller?: string;
  category: OcdCategory;
  /** Registrable domains the database gives for it. */
  domains?: readonly string[];
  /** `S`, `13M`, `1y`… (see retention.ts); absent when the database gives nothing readable. */
  retention?: string;
  /** The platform's privacy page. */
  link?: string;
  matched: 'domain' | 'name' | 'brand';
}

/** What the knowledge base suggests for a name: a probability, never what the site declares. */
export interface KnowledgeGuess {
  provider: string;
  kind: KnowledgeKind;
  /** In the language spoken when the guess was made, as `purpose`. */
  kindLabel: string;
  purpose: string;
  consentKey?: string;
  /** Our own description (`temoin`), or a sentence built from the Open Cookie Database's facts alone (`ocd`). */
  source: 'temoin' | 'ocd';
  /** The database's facts, when it knows the cookie and agrees with our description on who sets it. */
  ocd?: OcdFacts;
}

/** Whether a cookie of this kind may only be set after the visitor's consent (CNIL, délibération 2020-091). */
export function needsConsent(kind: KnowledgeKind): boolean {
  // Audience measurement is exempt only under strict conditions (CNIL 2020-092), so we assume consent is needed unless the charter says otherwise.
  return kind === 'audience' || kind === 'advertising' || kind === 'embedded';
}
