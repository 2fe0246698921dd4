/** What a portal's cookie charter declares, as plain data. */

/** The kinds of cookies the Issy charter's introduction defines. */
export type Category = 'necessary' | 'statistics' | 'first-party' | 'third-party';

/** A cookie name in a charter: a name, or a rule such as "any cookie starting with _hs". */
export type NamePattern = { exact: string } | { prefix: string };

export interface CharterEntry {
  provider: string;
  service?: string;
  names: NamePattern[];
  purpose: string;
  category: Category;
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
  entries: CharterEntry[];
}
