import { partitionLabel, type StoredCookie } from '../cookies/model';

/** A cookie as a command names it to the visitor. */
export interface CookieRef {
  name: string;
  domain: string;
  path: string;
  partition?: string;
}

/** What every command answers: what was done, what failed and why, and how to undo it. */
export interface CommandResult {
  done: CookieRef[];
  failed: { cookie: CookieRef; reason: string }[];
  /**
   * Cookies the command did not change, though it touched or could have touched them, and why:
   * put back at once after a removal took them along, or left as the site set them again.
   */
  kept?: { cookie: CookieRef; reason: string }[];
  /** Present when something can be undone. */
  undoId?: string;
}

export function refOf(c: Omit<StoredCookie, 'value'>): CookieRef {
  const ref: CookieRef = { name: c.name, domain: c.domain, path: c.path };
  if (c.partitionKey?.topLevelSite) ref.partition = partitionLabel(c.partitionKey).replace(/^partition /, '');
  return ref;
}
