import { language, locale, numberFormat } from './messages';

/** The no-break space French puts before « : ; ! ? » and inside « guillemets ». */
export const NBSP = '\u00a0';

/**
 * Dates and times as a reader of the language spoken expects them (lib/i18n/messages.ts):
 * « 29 novembre 2026 », « 29 November 2026 ». Formats are kept per locale: a report formats
 * hundreds of dates.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(options: Intl.DateTimeFormatOptions, name: string): Intl.DateTimeFormat {
  const key = `${locale()} ${name}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(locale(), options)));
  return found;
}

function valid(when: number | string): Date | undefined {
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** « 29 novembre 2026 » */
export function longDate(iso: string): string {
  const date = valid(iso);
  return date ? format({ dateStyle: 'long' }, 'date').format(date) : iso;
}

/** « 29 novembre 2026 à 14:05 » */
export function longDateTime(iso: string): string {
  const date = valid(iso);
  return date ? format({ dateStyle: 'long', timeStyle: 'short' }, 'date-time').format(date) : iso;
}

/** « 2 décembre à 15:40 », « 2 December, 15:40 », from milliseconds or ISO 8601: when a cookie appeared, this year. */
export function dayTime(when: number | string): string {
  const date = valid(when);
  if (!date) return String(when);
  if (language() === 'fr') {
    const day = date.getDate() === 1 ? '1er' : String(date.getDate());
    return `${day} ${format({ month: 'long' }, 'month').format(date)} à ${format({ hour: '2-digit', minute: '2-digit' }, 'hour').format(date)}`;
  }
  // « 19:05 » where the day has 24 hours, « 7:05 PM » (not « 07:05 PM ») where it has twice 12.
  const twelve = /h1[12]/.test(format({ hour: 'numeric' }, 'hour-cycle').resolvedOptions().hourCycle ?? '');
  return format({ day: 'numeric', month: 'long', hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' }, twelve ? 'day-time-12' : 'day-time').format(date);
}

/** A number as the language writes it: « 1 234 », « 1,234 ». */
export function number(n: number): string {
  return numberFormat(locale()).format(n);
}

/** « Mesure d’audience » → « mesure d’audience », inside a sentence; a proper name further on keeps its capital. */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** « 1 cookie », « 3 cookies », with a non-breaking space (French sentences only: English ones say it with `tn`). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n}${NBSP}${n === 1 || n === 0 ? singular : pluralForm}`;
}
