import { t } from '../i18n/messages';
import type { VisibleName } from '../cookies/visible-name';
import type { Finding } from './rules';

/** « Nom trompeur », for a cookie or a storage key whose name imitates another. */
export function deceptiveNameFinding(deceptive: NonNullable<VisibleName['deceptive']>): Finding {
  const characters = deceptive.characters.join(', ');
  return {
    rule: 'deceptive-name',
    text: deceptive.imitates
      ? t('finding.deceptive.imitates', deceptive.imitates, characters)
      : t('finding.deceptive.invisible', characters),
  };
}
