import { tn, type PluralKey } from '../../i18n/messages';

/**
 * How long a platform says its cookie lasts, as the facts table stores it: `S` for the session,
 * a number and a unit (`30d`, `13M`, `2y`), or empty when the database gives nothing we can read
 * (« Varies », "Session to 30 days", "30 seconds till 1 year").
 */

const DAY = 86_400;
const UNITS = {
  s: [1, 'audit.unit.second'],
  m: [60, 'audit.unit.minute'],
  h: [3_600, 'audit.unit.hour'],
  d: [DAY, 'audit.unit.day'],
  w: [7 * DAY, 'audit.unit.week'],
  M: [30.436875 * DAY, 'audit.unit.month'], // a Gregorian year's twelfth
  y: [365.2425 * DAY, 'audit.unit.year'],
} as const satisfies Record<string, readonly [number, PluralKey]>;
type Unit = keyof typeof UNITS;

const CODE = /^(\d+)([smhdwMy])$/;

function parts(code: string): [number, Unit] | undefined {
  const m = CODE.exec(code);
  return m ? [Number(m[1]), m[2] as Unit] : undefined;
}

/** Seconds: 0 for the session, undefined when unknown. */
export function retentionSeconds(code: string | undefined): number | undefined {
  if (code === 'S') return 0;
  const p = code ? parts(code) : undefined;
  return p && Math.round(p[0] * UNITS[p[1]][0]);
}

/** « 1 an », « 13 mois », « 30 minutes » (in the language spoken); undefined for the session or an unknown retention. */
export function retentionWords(code: string | undefined): string | undefined {
  const p = code ? parts(code) : undefined;
  if (!p) return undefined;
  const [n, unit] = p;
  return tn(UNITS[unit][1], n);
}

const ENGLISH: Record<string, Unit> = {
  second: 's', seconds: 's', sec: 's', secs: 's',
  minute: 'm', minutes: 'm', min: 'm', mins: 'm',
  hour: 'h', hours: 'h',
  day: 'd', days: 'd',
  week: 'w', weeks: 'w',
  month: 'M', months: 'M',
  year: 'y', years: 'y',
};

/**
 * The code for the database's own words (English): "1 year", "13 Months", "2 years after last
 * activity" (the longest it lasts), "session", "End of session (browser)". Anything else is
 * unknown rather than guessed.
 */
export function retentionCode(text: string): string {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:end of )?(?:session|sessions|seesion)(?: cookie)?(?: \(browser\))?$/.test(t)) return 'S';
  const m = /^(\d+) ?([a-z]+)(?: after last activity)?$/.exec(t);
  const unit = m ? ENGLISH[m[2]!] : undefined;
  return m && unit ? `${Number(m[1])}${unit}` : '';
}
