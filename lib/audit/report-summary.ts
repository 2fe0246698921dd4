/**
 * The popup's first lines, in words: how many cookies, how many the charter declares, how many
 * findings; and the visitor's recorded choice in a few words.
 */
import type { ClassifiedCookie } from './classify';
import type { Report } from './report';
import type { Finding } from './rules';
import { NBSP, plural } from '../i18n/format';

/** What a row says beyond « Non déclaré », which its place in the list already says. */
export function rowFindings(item: Pick<ClassifiedCookie, 'findings'>): Finding[] {
  return item.findings.filter((f) => f.rule !== 'undeclared');
}

/** « 2 constats », « 1 constat », « aucun constat ». */
export function findingCount(n: number): string {
  return n === 0 ? 'aucun constat' : plural(n, 'constat');
}

/** « 8 cookies : 4 déclarés, 4 non déclarés · 3 constats » */
export function verdictLine(report: Pick<Report, 'cookies' | 'findings'> & { undeclared?: Report['undeclared'] }): string {
  const declared = report.cookies.filter((c) => c.declared).length;
  // The toolbar badge counts what the browser reports; a name only the page reported is said apart.
  const pageOnly = report.undeclared?.pageOnly ?? 0;
  const undeclared = report.cookies.length - declared - pageOnly;
  const findings = report.cookies.reduce((sum, c) => sum + rowFindings(c).length, report.findings.length);
  const apart = pageOnly ? ` (et ${plural(pageOnly, 'nom non déclaré vu', 'noms non déclarés vus')} par la page seulement)` : '';
  return (
    `${plural(report.cookies.length, 'cookie')}${NBSP}: ${plural(declared, 'déclaré', 'déclarés')}, ` +
    `${plural(undeclared, 'non déclaré', 'non déclarés')}${apart} · ${findingCount(findings)}`
  );
}

const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long' });
const dayMonthYear = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });

/** « le 5 décembre », with the year when it is not this one; « le 1er mars ». */
function onDay(iso: string, now: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const text = (date.getFullYear() === now.getFullYear() ? dayMonth : dayMonthYear).format(date);
  return `le ${text.replace(/^1 /, '1er ')}`;
}

/**
 * « Votre choix : Matomo accepté, Google Analytics refusé, le 5 décembre ». The functional
 * cookies the record also lists are left out when it names trackers: they need no consent.
 */
export function consentLine(consent: Report['consent'], now = new Date()): string {
  if (!consent) return `Aucun choix enregistré${NBSP}: les traceurs soumis à consentement sont refusés.`;
  const { record } = consent;
  if (record.state === 'unreadable') return `Votre choix${NBSP}: enregistrement illisible (${record.reason}).`;
  const trackers = record.choices.filter((c) => c.key !== 'functional_cookies');
  const shown = trackers.length ? trackers : record.choices;
  const words = shown.map((c) => `${c.label} ${c.accepted ? 'accepté' : 'refusé'}`).join(', ');
  const when = record.madeAt && !consent.dateInFuture ? onDay(record.madeAt, now) : '';
  if (!words) return `Votre choix${NBSP}: enregistré${when ? ` ${when}` : ''}, sans traceur nommé.`;
  return `Votre choix${NBSP}: ${words}${when ? `, ${when}` : ''}`;
}
