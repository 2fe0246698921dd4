/**
 * The rules Témoin checks, each with the text it comes from. A finding is information for the
 * visitor, never an accusation: the wording says what was observed and which rule it relates to.
 */
import { t, type MessageKey } from '../i18n/messages';

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

/**
 * Sources and titles in the language spoken, read when asked for (getters): a report drawn after
 * the visitor changes language speaks the new one. The CNIL's deliberations are French texts;
 * in English their label describes them.
 */
const charterOfSite: Source = {
  get label() {
    return t('rules.source.charter');
  },
};
const guidelines: Source = {
  get label() {
    return t('rules.source.guidelines');
  },
};
const recommendation: Source = {
  get label() {
    return t('rules.source.recommendation');
  },
};
const audience: Source = {
  get label() {
    return t('rules.source.audience');
  },
  url: 'https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies-solutions-pour-les-outils-de-mesure-daudience',
};
const browsers: Source = {
  get label() {
    return t('rules.source.browsers');
  },
};
const confusables: Source = {
  get label() {
    return t('rules.source.confusables');
  },
  url: 'https://www.unicode.org/reports/tr39/',
};
const openCookieDatabase: Source = {
  get label() {
    return t('rules.source.ocd');
  },
  url: 'https://github.com/jkwakman/Open-Cookie-Database',
};
const consentRecord: Source = {
  get label() {
    return t('rules.source.consentRecord');
  },
};

function rule(title: MessageKey, level: 'attention' | 'info', source: Source): { title: string; level: 'attention' | 'info'; source: Source } {
  return {
    get title() {
      return t(title);
    },
    level,
    source,
  };
}

export const rules: Record<RuleId, { title: string; level: 'attention' | 'info'; source: Source }> = {
  undeclared: rule('rules.title.undeclared', 'attention', charterOfSite),
  'category-differs': rule('rules.title.categoryDiffers', 'attention', charterOfSite),
  'lifetime-differs': rule('rules.title.lifetimeDiffers', 'attention', charterOfSite),
  'lifetime-exceeds-platform': rule('rules.title.lifetimeExceedsPlatform', 'info', openCookieDatabase),
  'audience-over-13-months': rule('rules.title.audienceOver13Months', 'attention', audience),
  'choice-kept-over-6-months': rule('rules.title.choiceKeptOver6Months', 'info', recommendation),
  'present-without-consent': rule('rules.title.presentWithoutConsent', 'attention', guidelines),
  'set-before-choice': rule('rules.title.setBeforeChoice', 'attention', guidelines),
  'set-after-refusal': rule('rules.title.setAfterRefusal', 'attention', guidelines),
  'third-party': rule('rules.title.thirdParty', 'info', browsers),
  partitioned: rule('rules.title.partitioned', 'info', browsers),
  'declared-not-seen': rule('rules.title.declaredNotSeen', 'info', charterOfSite),
  'deceptive-name': rule('rules.title.deceptiveName', 'attention', confusables),
  'impossible-date': rule('rules.title.impossibleDate', 'attention', consentRecord),
};

export interface Finding {
  rule: RuleId;
  /** One plain sentence about this cookie or site, in the language spoken when it was made. */
  text: string;
}

/** Limits, in days, with a day's tolerance for clocks and rounding. */
export const AUDIENCE_MAX_DAYS = 395; // 13 months
export const CHOICE_MAX_DAYS = 183; // 6 months
export const TOLERANCE_DAYS = 1;
/** « Far longer » than its platform says: more than this many times as long (and a day more). */
export const PLATFORM_RETENTION_FACTOR = 2;
