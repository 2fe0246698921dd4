import { NBSP } from '../i18n/format';
import type { VisibleName } from '../cookies/visible-name';
import type { Finding } from './rules';

/** « Nom trompeur », for a cookie or a storage key whose name imitates another. */
export function deceptiveNameFinding(deceptive: NonNullable<VisibleName['deceptive']>): Finding {
  return {
    rule: 'deceptive-name',
    text: `Nom trompeur${NBSP}: ${
      deceptive.imitates ? `il s’affiche comme «${NBSP}${deceptive.imitates}${NBSP}»` : 'il ne s’affiche pas du tout'
    } mais contient ${deceptive.characters.join(', ')}.`,
  };
}
