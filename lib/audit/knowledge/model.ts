import type { NamePattern } from '../../charter/model';

/**
 * Our own French knowledge base of well-known cookies, consulted only for what a site's charter
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
  | 'preferences';

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
  /** One sentence in French, in our own words, ending with a period. */
  purpose: string;
  /**
   * The key of this tracker in an Opendatasoft `cookies_preferences` consent record, when there
   * is one: 'ga', 'matomo', 'xiti', 'at', 'piano', 'eulerian'.
   */
  consentKey?: string;
}

export const kindLabels: Record<KnowledgeKind, string> = {
  audience: 'Mesure d’audience',
  advertising: 'Publicité',
  embedded: 'Contenu intégré',
  consent: 'Gestion du consentement',
  security: 'Sécurité',
  session: 'Session technique',
  preferences: 'Préférences',
};

/** Whether a cookie of this kind may only be set after the visitor's consent (CNIL, délibération 2020-091). */
export function needsConsent(kind: KnowledgeKind): boolean {
  // Audience measurement is exempt only under strict conditions (CNIL 2020-092), so we assume consent is needed unless the charter says otherwise.
  return kind === 'audience' || kind === 'advertising' || kind === 'embedded';
}
