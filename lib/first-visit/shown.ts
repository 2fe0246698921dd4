/**
 * What the popup shows of a first-visit test, apart from the machinery that runs it (run.ts,
 * model.ts): kept light, since the popup loads it.
 */
import type { ClassifiedCookie } from '../audit/classify';
import type { CookieRef } from '../actions/result';
import type { FirstVisitReport, Restored } from './model';
import { t, tn } from '../i18n/messages';
import { number } from '../i18n/format';

export { DEFAULT_DURATION, DURATIONS } from './durations';

/** The charter's verdict on one cookie, in words. */
export function verdictOf(c: ClassifiedCookie): string {
  if (!c.declared) return c.guess ? t('firstVisit.verdict.undeclaredProbably', c.guess.provider) : t('firstVisit.verdict.undeclared');
  if (c.category === 'necessary') return t('firstVisit.verdict.necessary');
  if (c.category === 'unclear') return t('firstVisit.verdict.unclear');
  return t('firstVisit.verdict.declared');
}

const named = (refs: CookieRef[]) => refs.map((c) => `${c.name} (${c.domain}${c.path})`).join(', ');
const explained = (items: { cookie: CookieRef; reason: string }[]) =>
  items.map(({ cookie, reason }) => `${cookie.name} (${reason})`).join(', ');

/**
 * What the end of a test put back, in sentences, for the popup and the exported report alike:
 * only what happened — what was put back, what was not and why, what was left as it was.
 */
export function restoredSentences(r: Restored): string[] {
  const sentences: string[] = [];
  if (r.failed.length === 0) sentences.push(t('firstVisit.restored.all', r.cookies));
  else if (r.cookies === 0) sentences.push(tn('firstVisit.restored.none', r.failed.length, explained(r.failed)));
  else sentences.push(tn('firstVisit.restored.some', r.failed.length, r.cookies, explained(r.failed)));
  if (r.untouched?.length) sentences.push(tn('firstVisit.restored.untouched', r.untouched.length, named(r.untouched)));
  if (r.leftover?.length) sentences.push(tn('firstVisit.restored.leftover', r.leftover.length, explained(r.leftover)));
  if (r.storageNote) sentences.push(r.storageNote);
  else if (!r.storage) sentences.push(t('firstVisit.restored.storage'));
  return sentences;
}

/** How many cookies the portal set before any choice, those the report left out included. */
export function cookiesSet(report: Pick<FirstVisitReport, 'cookies' | 'leftOut'>): number {
  return report.cookies.length + (report.leftOut?.cookies ?? 0);
}

/** What the report itself leaves out or could not keep, in sentences. */
export function reportSentences(report: Pick<FirstVisitReport, 'cookies' | 'storage' | 'leftOut' | 'notSaved'>): string[] {
  const sentences: string[] = [];
  const out = report.leftOut;
  if (out && (out.cookies || out.storage)) {
    const parts: string[] = [];
    if (out.cookies) parts.push(tn('firstVisit.cookiesIn', out.cookies, number(report.cookies.length), number(report.cookies.length + out.cookies)));
    if (out.storage) parts.push(tn('firstVisit.keysIn', out.storage, number(report.storage.length), number(report.storage.length + out.storage)));
    sentences.push(parts.length === 2 ? t('firstVisit.abridgedBoth', parts[0]!, parts[1]!) : t('firstVisit.abridged', parts[0]!));
  }
  if (report.notSaved) sentences.push(report.notSaved);
  return sentences;
}
