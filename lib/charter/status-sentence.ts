import type { CharterStatus } from './choose';
import { t, tn } from '../i18n/messages';
import { say } from '../i18n/said';

/**
 * What re-reading the charter gave, in one sentence for the live region: « Charte relue : elle a
 * changé depuis la lecture précédente (1 ajouté, 0 retiré, 0 modifié). »
 */
export function charterSentence(status: CharterStatus, readAt?: string): string {
  if (status.used === 'none') return t('charterStatus.none', say(status.why));
  if (status.used === 'bundled') return status.why ? t('charterStatus.bundledWhy', say(status.why)) : t('charterStatus.bundled');
  if (status.failed) return t('charterStatus.failed', say(status.failed));
  const changes = status.changes;
  // A reading that changes nothing keeps the previous change on show: say it only when it is this one.
  if (!changes || (readAt && changes.at !== readAt)) return t('charterStatus.unchanged');
  const counts = [
    tn('charterStatus.added', changes.added.length),
    tn('charterStatus.removed', changes.removed.length),
    tn('charterStatus.changed', changes.changed.length),
  ] as const;
  return changes.since === 'bundled' ? t('charterStatus.changedSinceBundled', ...counts) : t('charterStatus.changedSincePrevious', ...counts);
}
