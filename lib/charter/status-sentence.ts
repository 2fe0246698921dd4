import type { CharterStatus } from './choose';
import { plural } from '../i18n/format';

/**
 * What re-reading the charter gave, in one sentence for the live region: « Charte relue : elle a
 * changé depuis la lecture précédente (1 ajouté, 0 retiré, 0 modifié). »
 */
export function charterSentence(status: CharterStatus, readAt?: string): string {
  if (status.used === 'none') return `Charte non lue\u00a0: ${status.why}.`;
  if (status.used === 'bundled') {
    return status.why
      ? `Charte non relue\u00a0: ${status.why}. Témoin utilise sa copie intégrée de la charte.`
      : 'Témoin utilise sa copie intégrée de la charte.';
  }
  if (status.failed) return `Charte non relue\u00a0: ${status.failed}. Témoin garde la lecture précédente.`;
  const changes = status.changes;
  // A reading that changes nothing keeps the previous change on show: say it only when it is this one.
  if (!changes || (readAt && changes.at !== readAt)) return 'Charte relue sur le site\u00a0: rien n’a changé.';
  const since = changes.since === 'bundled' ? 'par rapport à la copie intégrée' : 'depuis la lecture précédente';
  const counts = [
    plural(changes.added.length, 'cookie ajouté', 'cookies ajoutés'),
    plural(changes.removed.length, 'retiré', 'retirés'),
    plural(changes.changed.length, 'modifié', 'modifiés'),
  ].join(', ');
  return `Charte relue sur le site\u00a0: elle a changé ${since} (${counts}).`;
}
