/**
 * The popup's first lines, in words: how many cookies, how many the charter declares, how many
 * findings; and the visitor's recorded choice in a few words.
 */
import type { ClassifiedCookie } from './classify';
import type { Report } from './report';
import type { Finding } from './rules';
import { language, locale, t, tn } from '../i18n/messages';

/** What a row says beyond « Non déclaré », which its place in the list already says. */
export function rowFindings(item: Pick<ClassifiedCookie, 'findings'>): Finding[] {
  return item.findings.filter((f) => f.rule !== 'undeclared');
}

/** « 2 constats », « 1 constat », « aucun constat ». */
export function findingCount(n: number): string {
  return tn('popup.count.findings', n);
}

/** « 8 cookies : 4 déclarés, 4 non déclarés · 3 constats », « 8 cookies: 4 declared, 4 undeclared · 3 findings » */
export function verdictLine(report: Pick<Report, 'cookies' | 'findings'> & { undeclared?: Report['undeclared'] }): string {
  const declared = report.cookies.filter((c) => c.declared).length;
  // The toolbar badge counts what the browser reports; a name only the page reported is said apart.
  const pageOnly = report.undeclared?.pageOnly ?? 0;
  const undeclared = report.cookies.length - declared - pageOnly;
  const findings = report.cookies.reduce((sum, c) => sum + rowFindings(c).length, report.findings.length);
  const counts = [
    tn('popup.count.cookies', report.cookies.length),
    tn('popup.count.declared', declared),
    tn('popup.count.undeclared', undeclared),
    findingCount(findings),
  ] as const;
  return pageOnly ? t('report.verdictPageOnly', ...counts, tn('popup.count.pageOnly', pageOnly)) : t('report.verdict', ...counts);
}

/** « 5 décembre », « 5 December », with the year when it is not this one; « 1er mars ». */
function onDay(iso: string, now: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const thisYear = date.getFullYear() === now.getFullYear();
  const text = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', ...(!thisYear && { year: 'numeric' }) }).format(date);
  return language() === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/**
 * « Votre choix : Matomo accepté, Google Analytics refusé, le 5 décembre ». The functional
 * cookies the record also lists are left out when it names trackers: they need no consent.
 */
export function consentLine(consent: Report['consent'], now = new Date()): string {
  if (!consent) return t('report.consent.none');
  const { record } = consent;
  if (record.state === 'unreadable') return t('report.consent.unreadable', record.reason);
  const trackers = record.choices.filter((c) => c.key !== 'functional_cookies');
  const shown = trackers.length ? trackers : record.choices;
  const words = shown.map((c) => (c.accepted ? t('report.consent.accepted', c.label) : t('report.consent.refused', c.label))).join(', ');
  const when = record.madeAt && !consent.dateInFuture ? onDay(record.madeAt, now) : '';
  if (!words) return when ? t('report.consent.noTrackerOn', when) : t('report.consent.noTracker');
  return when ? t('report.consent.choicesOn', words, when) : t('report.consent.choices', words);
}
