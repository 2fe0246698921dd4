import { t, type MessageKey } from '../../i18n/messages';
import type { KnowledgeKind, OcdCategory, OcdFacts } from './model';
import { retentionWords } from './retention';

/**
 * Our words for the Open Cookie Database's facts, in the language spoken. A sentence says only what the facts say (who,
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

/** Its category names, in the language spoken, as it classes a cookie. */
const categoryWords: Record<OcdCategory, MessageKey> = {
  Functional: 'knowledge.ocd.category.functional',
  Necessary: 'knowledge.ocd.category.necessary',
  Personalization: 'knowledge.ocd.category.personalization',
  Analytics: 'knowledge.ocd.category.analytics',
  Marketing: 'knowledge.ocd.category.marketing',
  Security: 'knowledge.ocd.category.security',
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
  const category = t(categoryWords[facts.category]);
  const owner = ownerWords(facts);
  const words = retentionWords(facts.retention);
  const key = what === 'key';
  const kept =
    facts.retention === 'S'
      ? t(key ? 'knowledge.ocd.key.session' : 'knowledge.ocd.cookie.session')
      : words
        ? key
          ? t('knowledge.ocd.key.kept', words)
          : t('knowledge.ocd.cookie.kept', words)
        : '';
  if (facts.matched === 'brand' && facts.domains?.length) {
    const domains = facts.domains.join(t('knowledge.ocd.and'));
    return key ? t('knowledge.ocd.key.brand', owner, domains, category, kept) : t('knowledge.ocd.cookie.brand', owner, domains, category, kept);
  }
  return key ? t('knowledge.ocd.key.classed', owner, category, kept) : t('knowledge.ocd.cookie.classed', owner, category, kept);
}
