/** Realistic cookie jars for `npm run bench`: the charter's names, trackers' names, random ones. */
import { knowledge } from '../lib/audit/knowledge/entries';
import { ocdRows } from '../lib/audit/knowledge/ocd';
import type { CookieFacts } from '../lib/cookies/model';

/** A small deterministic generator, so every run measures the same jar. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const charterNames = ['sessionid', 'csrftoken', 'django_language', 'cookies_preferences'];
const trackerNames = knowledge.flatMap((entry) =>
  entry.names.map((p) => ('exact' in p ? p.exact : `${p.prefix}1a2b3c`)),
);
const domains = ['data.issy.com', '.issy.com', '.data.issy.com', '.youtube.com', '.doubleclick.net'];

export function jar(size: number, seed = 1): CookieFacts[] {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: size }, (_, i) => {
    const roll = next();
    const name =
      roll < 0.1 ? pick(charterNames) : roll < 0.5 ? pick(trackerNames) : `c${Math.floor(next() * 1e9).toString(36)}_${i}`;
    return {
      name,
      domain: pick(domains),
      path: '/',
      hostOnly: false,
      secure: next() < 0.5,
      httpOnly: next() < 0.2,
      sameSite: 'lax',
      session: false,
      expirationDate: 1_900_000_000 + Math.floor(next() * 1e7),
      storeId: '0',
      seenByPage: true,
      seenByApi: true,
    };
  });
}

/**
 * A jar of the Open Cookie Database's names (a prefix with something after it), each on its own
 * domain or, one in two, on the portal's: the lookup's worst case, every name a candidate.
 */
export function ocdJar(size: number, seed = 2): CookieFacts[] {
  const next = random(seed);
  const rows = ocdRows();
  const base = jar(size, seed);
  return base.map((cookie) => {
    const row = rows[Math.floor(next() * rows.length)]!;
    const own = row.facts.domains?.[0];
    return { ...cookie, name: row.prefix ? `${row.name}1a2b3c` : row.name, domain: own && next() < 0.5 ? `.${own}` : 'data.issy.com' };
  });
}
