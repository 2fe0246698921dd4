/** The no-break space French puts before « : ; ! ? » and inside « guillemets ». */
export const NBSP = '\u00a0';

/** Dates as a French reader expects them: « 29 novembre 2026 », « 29 novembre 2026 à 14:05 ». */

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });
const dayAndTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

export function frenchDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

export function frenchDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayAndTime.format(date);
}

/** « Mesure d’audience » → « mesure d’audience », inside a sentence; a proper name further on keeps its capital. */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** « 1 cookie », « 3 cookies », with a non-breaking space. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n}${NBSP}${n === 1 || n === 0 ? singular : pluralForm}`;
}

const month = new Intl.DateTimeFormat('fr-FR', { month: 'long' });
const hourMinute = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** « 2 décembre à 15:40 », from milliseconds or ISO 8601: when a cookie appeared, this year. */
export function frenchDayTime(when: number | string): string {
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? String(when) : `${date.getDate() === 1 ? '1er' : date.getDate()} ${month.format(date)} à ${hourMinute.format(date)}`;
}
