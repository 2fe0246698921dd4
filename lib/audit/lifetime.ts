import { t, tn } from '../i18n/messages';

/** How long a cookie has left, in words: « 2 semaines », « 13 mois », « fin de session »; "2 weeks" in English. */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.436875 * DAY; // a Gregorian year's twelfth
const YEAR = 12 * MONTH;

/** `seconds` left before expiry; the largest unit that still reads exactly enough. */
export function durationInWords(seconds: number): string {
  if (seconds < MINUTE) return t('audit.lifetime.underMinute');
  if (seconds < HOUR) return tn('audit.unit.minute', Math.round(seconds / MINUTE));
  if (seconds < DAY) return tn('audit.unit.hour', Math.round(seconds / HOUR));
  const days = Math.round(seconds / DAY);
  if (days < 28) return days % 7 === 0 ? tn('audit.unit.week', days / 7) : tn('audit.unit.day', days);
  const months = Math.round(seconds / MONTH);
  if (months < 24) return tn('audit.unit.month', months);
  const years = Math.round(seconds / YEAR);
  return tn('audit.unit.year', years);
}

export function lifetimeInWords(
  cookie: { session: boolean; expirationDate?: number },
  nowSeconds: number,
): string {
  if (cookie.session) return t('audit.lifetime.session');
  if (cookie.expirationDate === undefined) return t('audit.lifetime.unknown');
  const left = cookie.expirationDate - nowSeconds;
  return left <= 0 ? t('audit.lifetime.expired') : durationInWords(left);
}
