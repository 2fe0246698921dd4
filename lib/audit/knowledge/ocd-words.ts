import { NBSP } from '../../i18n/format';
import type { KnowledgeKind, OcdCategory, OcdFacts } from './model';
import { retentionWords } from './retention';

/**
 * Our French for the Open Cookie Database's facts. A sentence says only what the facts say (who,
 * the database's category, how long) and names its source; it never makes up a purpose the
 * database's facts do not give.
 */

/** Our kinds for its categories. « Functional » stays the database's word: never the charter's « nécessaire ». */
export const kindOfCategory: Record<OcdCategory, KnowledgeKind> = {
  Functional: 'functional',
  Necessary: 'functional',
  Personalization: 'preferences',
  Analytics: 'audience',
  Marketing: 'advertising',
  Security: 'security',
};

/** Its category names, in French, as it classes a cookie. */
export const categoryWords: Record<OcdCategory, string> = {
  Functional: 'fonctionnel',
  Necessary: 'nécessaire',
  Personalization: 'personnalisation',
  Analytics: 'statistiques',
  Marketing: 'marketing',
  Security: 'sécurité',
};

const letters = (s: string) => s.toLowerCase().replace(/\.com$/, '').replace(/[^\p{L}\p{N}]+/gu, '');

/** « Magento (Adobe) », but « Shopify » for Shopify.com and « Google Analytics » for Google. */
export function ownerWords(facts: Pick<OcdFacts, 'platform' | 'controller'>): string {
  const { platform, controller } = facts;
  if (!controller) return platform;
  const [p, c] = [letters(platform), letters(controller)];
  return p.includes(c) || c.includes(p) ? platform : `${platform} (${controller})`;
}

/**
 * « Cookie de Salesforce, classé « marketing » par l’Open Cookie Database ; conservé 1 an. »
 * For a storage key, « Clé de stockage de … ». A name recognised only because it carries the
 * platform's name says so, with the domain the database gives.
 */
export function ocdSentence(facts: OcdFacts, what: 'cookie' | 'key'): string {
  const feminine = what === 'key';
  const e = feminine ? 'e' : '';
  const subject = feminine ? 'Clé de stockage' : 'Cookie';
  const category = `«${NBSP}${categoryWords[facts.category]}${NBSP}»`;
  const owner = ownerWords(facts);
  const head =
    facts.matched === 'brand' && facts.domains?.length
      ? `${subject} de ${owner} d’après son nom (l’Open Cookie Database le rattache à ${facts.domains.join(' et ')} et le classe ${category})`
      : `${subject} de ${owner}, classé${e} ${category} par l’Open Cookie Database`;
  const words = retentionWords(facts.retention);
  const kept = facts.retention === 'S' ? `${NBSP}; effacé${e} à la fin de la session` : words ? `${NBSP}; conservé${e} ${words}` : '';
  return `${head}${kept}.`;
}
