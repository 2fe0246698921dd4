/**
 * What the popup shows of a first-visit test, apart from the machinery that runs it (run.ts,
 * model.ts): kept light, since the popup loads it.
 */
import type { ClassifiedCookie } from '../audit/classify';
import type { CookieRef } from '../actions/result';
import type { FirstVisitReport, Restored } from './model';
import { NBSP } from '../i18n/format';

export { DEFAULT_DURATION, DURATIONS } from './durations';

/** The charter's verdict on one cookie, in words. */
export function verdictOf(c: ClassifiedCookie): string {
  if (!c.declared) return c.guess ? `non déclaré (probablement ${c.guess.provider})` : 'non déclaré';
  if (c.category === 'necessary') return 'déclaré, nécessaire';
  if (c.category === 'unclear') return 'déclaré, nécessité non précisée';
  return 'déclaré, non nécessaire';
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
  if (r.failed.length === 0) sentences.push(`Vos cookies ont été remis en place (${r.cookies}).`);
  else {
    const some = r.cookies === 0 ? 'Aucun de vos cookies n’a été remis en place' : `${r.cookies} de vos cookies remis en place`;
    const n = r.failed.length;
    sentences.push(`${some}${NBSP}; ${n === 1 ? '1 n’a pas pu l’être' : `${n} n’ont pas pu l’être`}${NBSP}: ${explained(r.failed)}.`);
  }
  if (r.untouched?.length) {
    const one = r.untouched.length === 1;
    sentences.push(
      `${one ? 'Laissé tel quel' : 'Laissés tels quels'} pendant le test, car Chromium ne sait pas ${one ? 'le' : 'les'} recréer à ${one ? 'son' : 'leur'} chemin exact${NBSP}: ${named(r.untouched)}.`,
    );
  }
  if (r.leftover?.length) {
    const one = r.leftover.length === 1;
    sentences.push(
      `${one ? 'Déposé' : 'Déposés'} par le portail pendant le test et toujours là, le navigateur ayant refusé de ${one ? 'le' : 'les'} retirer${NBSP}: ${explained(r.leftover)}.`,
    );
  }
  if (r.storageNote) sentences.push(r.storageNote);
  else if (!r.storage) sentences.push('Le stockage de la page n’a pas pu être remis en place.');
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
    if (out.cookies) parts.push(`${report.cookies.length} des ${report.cookies.length + out.cookies} cookies déposés y figurent, ${out.cookies === 1 ? 'l’autre n’y est pas' : `les ${out.cookies} autres n’y sont pas`}`);
    if (out.storage) parts.push(`${report.storage.length} des ${report.storage.length + out.storage} clés de stockage y figurent, ${out.storage === 1 ? 'l’autre n’y est pas' : `les ${out.storage} autres n’y sont pas`}`);
    sentences.push(`Rapport abrégé pour tenir dans la place que Témoin lui réserve${NBSP}: ${parts.join(`${NBSP}; `)}.`);
  }
  if (report.notSaved) sentences.push(report.notSaved);
  return sentences;
}
