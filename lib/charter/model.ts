/** What a portal's cookie charter declares, as plain data. */

/**
 * What a cookie is for, as the charter says. Clearing asks one question of it — may this cookie
 * go? — so the set keeps apart what the charter calls necessary, what it clearly calls something
 * else, and what it declares without saying (`unclear`): an unclear cookie is kept by default.
 * Who sets a cookie (first or third party) is not what it is for: see `CharterEntry.party`.
 */
export type Category =
  /** Strictly necessary, essential, technical; « fonctionnels » in Opendatasoft's sense. */
  | 'necessary'
  /** Functionality, preferences: remembered choices the site works without. */
  | 'preferences'
  /** Audience measurement, analytics, performance. */
  | 'statistics'
  /** Advertising, marketing, targeting. */
  | 'advertising'
  /** Social networks, embedded third-party content. */
  | 'social'
  /** The charter says only that it is not necessary. */
  | 'non-essential'
  /** Declared, but the charter does not say clearly whether it is necessary. */
  | 'unclear';

export const CATEGORIES: readonly Category[] = ['necessary', 'preferences', 'statistics', 'advertising', 'social', 'non-essential', 'unclear'];

/** A name in a charter: a name, or a rule such as "any cookie starting with _hs". */
export type NamePattern = { exact: string } | { prefix: string };

export interface CharterEntry {
  provider: string;
  service?: string;
  names: NamePattern[];
  purpose: string;
  category: Category;
  /** The charter's own words for the category (a heading, a label, a cell), as written. */
  declaredUnder?: string;
  /** Who sets the cookie, when the charter says: its own site or a third party. */
  party?: 'first' | 'third';
  /** The duration as the charter words it, when it has a duration column. */
  duration?: string;
  /**
   * Registrable domains the cookie may be set on (e.g. a third party's). Without it, the entry
   * covers cookies of the charter site's own registrable domain only.
   */
  domains?: string[];
}

export interface Charter {
  /** The portal's host name, e.g. `data.issy.com`. */
  site: string;
  /** Where the charter is published. */
  url: string;
  source: 'bundled' | 'live';
  /** When the copy was taken (bundled) or read (live), ISO 8601. */
  fetchedAt: string;
  /** The language the charter is written in (its page's `<html lang>`), e.g. `fr`, `en`. */
  lang?: string;
  entries: CharterEntry[];
}
