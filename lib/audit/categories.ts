import type { Category } from '../charter/model';
import { t } from '../i18n/messages';

/** Every category a cookie can be shown under: the charter's, or not declared at all. */
export type ShownCategory = Category | 'undeclared';

/** In the language spoken, read when asked for: a page redrawn after a change of language speaks the new one. */
export const categoryLabels: Record<ShownCategory, string> = {
  get necessary() {
    return t('category.necessary');
  },
  get preferences() {
    return t('category.preferences');
  },
  get statistics() {
    return t('category.statistics');
  },
  get advertising() {
    return t('category.advertising');
  },
  get social() {
    return t('category.social');
  },
  get 'non-essential'() {
    return t('category.nonEssential');
  },
  get unclear() {
    return t('category.unclear');
  },
  get undeclared() {
    return t('category.undeclared');
  },
};

export type Flag = 'httpOnly' | 'secure' | 'partitioned' | 'parentDomain' | 'thirdParty' | 'pageOnly';

/** HttpOnly and Secure are the attributes' own names, in every language. */
export const flagLabels: Record<Flag, { label: string; title: string }> = {
  httpOnly: {
    label: 'HttpOnly',
    get title() {
      return t('category.flagTitle.httpOnly');
    },
  },
  secure: {
    label: 'Secure',
    get title() {
      return t('category.flagTitle.secure');
    },
  },
  partitioned: {
    get label() {
      return t('category.flag.partitioned');
    },
    get title() {
      return t('category.flagTitle.partitioned');
    },
  },
  parentDomain: {
    get label() {
      return t('category.flag.parentDomain');
    },
    get title() {
      return t('category.flagTitle.parentDomain');
    },
  },
  thirdParty: {
    get label() {
      return t('category.flag.thirdParty');
    },
    get title() {
      return t('category.flagTitle.thirdParty');
    },
  },
  pageOnly: {
    get label() {
      return t('category.flag.pageOnly');
    },
    get title() {
      return t('category.flagTitle.pageOnly');
    },
  },
};
