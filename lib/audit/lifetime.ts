import { NBSP } from '../i18n/format';

/** How long a cookie has left, in plain French: « 2 semaines », « 13 mois », « fin de session ». */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.436875 * DAY; // a Gregorian year's twelfth
const YEAR = 12 * MONTH;

function count(n: number, singular: string, plural: string): string {
  return `${n}${NBSP}${n === 1 ? singular : plural}`;
}

/** `seconds` left before expiry; the largest unit that still reads exactly enough. */
export function durationInWords(seconds: number): string {
  if (seconds < MINUTE) return 'moins d’une minute';
  if (seconds < HOUR) return count(Math.round(seconds / MINUTE), 'minute', 'minutes');
  if (seconds < DAY) return count(Math.round(seconds / HOUR), 'heure', 'heures');
  const days = Math.round(seconds / DAY);
  if (days < 28) return days % 7 === 0 ? count(days / 7, 'semaine', 'semaines') : count(days, 'jour', 'jours');
  const months = Math.round(seconds / MONTH);
  if (months < 24) return count(months, 'mois', 'mois');
  const years = Math.round(seconds / YEAR);
  return count(years, 'an', 'ans');
}

export function lifetimeInWords(
  cookie: { session: boolean; expirationDate?: number },
  nowSeconds: number,
): string {
  if (cookie.session) return 'fin de session';
  if (cookie.expirationDate === undefined) return 'inconnue';
  const left = cookie.expirationDate - nowSeconds;
  return left <= 0 ? 'expiré' : durationInWords(left);
}
