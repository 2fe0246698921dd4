/**
 * How many of the Open Cookie Database's rows Témoin recognises with their platform, asked as a
 * report would ask: each name (a prefix with something after it) on the domain the database
 * gives, or on an unrelated portal's domain when it gives none. Shared by the unit test (over
 * the committed table) and `npm run knowledge` (over the CSV).
 */
import { guessCookie } from '../../lib/audit/knowledge/lookup';

/** A portal that none of the database's platforms runs. */
export const UNRELATED_HOST = 'www.mairie-exemple.fr';

export interface CoverageRow {
  name: string;
  prefix: boolean;
  generic: boolean;
  platform: string;
  domains?: readonly string[];
}

/**
 * Why a row is not recognised with its platform:
 * - `generic`: a generic name the database ties to no domain, so no platform is named for it;
 * - `ours`: our own entry knows the name and names another owner (it wins; the test lists why);
 * - `shared`: another row of the database, for the same name on the same domain, names another
 *   platform (two platforms claim one name);
 * - `missed`: none of these: a fault.
 */
export type Outcome = 'recognised' | 'generic' | 'ours' | 'shared' | 'missed';

export function outcomeOf(row: CoverageRow): { outcome: Outcome; named?: string } {
  const name = row.prefix ? `${row.name}x1` : row.name;
  const domain = row.domains?.[0] ? `.${row.domains[0]}` : UNRELATED_HOST;
  const guess = guessCookie(name, domain);
  if (guess?.ocd?.platform === row.platform) return { outcome: 'recognised' };
  const named = guess?.provider;
  if (row.generic && !row.domains?.length) return { outcome: 'generic', ...(named && { named }) };
  if (guess?.source === 'temoin' && !guess.ocd) return { outcome: 'ours', ...(named && { named }) };
  if (guess?.ocd) return { outcome: 'shared', ...(named && { named }) };
  return { outcome: 'missed' };
}
