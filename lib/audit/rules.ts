/**
 * The rules Témoin checks, each with the text it comes from. A finding is information for the
 * visitor, never an accusation: the wording says what was observed and which rule it relates to.
 */

export type RuleId =
  | 'undeclared'
  | 'category-differs'
  | 'lifetime-differs'
  | 'lifetime-exceeds-platform'
  | 'audience-over-13-months'
  | 'choice-kept-over-6-months'
  | 'present-without-consent'
  | 'set-before-choice'
  | 'set-after-refusal'
  | 'third-party'
  | 'partitioned'
  | 'declared-not-seen'
  | 'deceptive-name'
  | 'impossible-date';

export interface Source {
  label: string;
  url?: string;
}

const charterOfSite: Source = { label: 'Charte cookies du site' };
const guidelines: Source = {
  label: 'CNIL, délibération n° 2020-091 du 17 septembre 2020 (lignes directrices « cookies et autres traceurs »)',
};
const recommendation: Source = {
  label: 'CNIL, délibération n° 2020-092 du 17 septembre 2020 (recommandation « cookies et autres traceurs »)',
};
const audience: Source = {
  label: 'CNIL, cookies et traceurs exemptés pour la mesure d’audience',
  url: 'https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies-solutions-pour-les-outils-de-mesure-daudience',
};
const browsers: Source = { label: 'Fonctionnement des navigateurs (cookies tiers et partitionnés)' };
const confusables: Source = {
  label: 'Unicode, rapport technique n° 39 « Unicode Security Mechanisms » (caractères invisibles et lettres qui se ressemblent)',
  url: 'https://www.unicode.org/reports/tr39/',
};
const openCookieDatabase: Source = {
  label: 'Open Cookie Database (durée de conservation annoncée pour ce cookie par sa plateforme)',
  url: 'https://github.com/jkwakman/Open-Cookie-Database',
};
const consentRecord: Source = { label: 'Choix enregistré par le portail (cookie cookies_preferences)' };

export const rules: Record<RuleId, { title: string; level: 'attention' | 'info'; source: Source }> = {
  undeclared: { title: 'Non déclaré dans la charte', level: 'attention', source: charterOfSite },
  'category-differs': { title: 'Catégorie à vérifier', level: 'attention', source: charterOfSite },
  'lifetime-differs': { title: 'Durée plus longue que déclarée', level: 'attention', source: charterOfSite },
  'lifetime-exceeds-platform': { title: 'Durée plus longue que celle de sa plateforme', level: 'info', source: openCookieDatabase },
  'audience-over-13-months': { title: 'Mesure d’audience au-delà de 13 mois', level: 'attention', source: audience },
  'choice-kept-over-6-months': { title: 'Choix conservé plus de 6 mois', level: 'info', source: recommendation },
  'present-without-consent': { title: 'Présent sans consentement', level: 'attention', source: guidelines },
  'set-before-choice': { title: 'Déposé avant votre choix', level: 'attention', source: guidelines },
  'set-after-refusal': { title: 'Déposé après votre refus', level: 'attention', source: guidelines },
  'third-party': { title: 'Cookie tiers', level: 'info', source: browsers },
  partitioned: { title: 'Cookie partitionné', level: 'info', source: browsers },
  'declared-not-seen': { title: 'Déclaré mais absent', level: 'info', source: charterOfSite },
  'deceptive-name': { title: 'Nom trompeur', level: 'attention', source: confusables },
  'impossible-date': { title: 'Date impossible', level: 'attention', source: consentRecord },
};

export interface Finding {
  rule: RuleId;
  /** One plain French sentence about this cookie or site. */
  text: string;
}

/** Limits, in days, with a day's tolerance for clocks and rounding. */
export const AUDIENCE_MAX_DAYS = 395; // 13 months
export const CHOICE_MAX_DAYS = 183; // 6 months
export const TOLERANCE_DAYS = 1;
/** « Far longer » than its platform says: more than this many times as long (and a day more). */
export const PLATFORM_RETENTION_FACTOR = 2;
