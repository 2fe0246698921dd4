import type { ClassifiedCookie } from '../audit/classify';
import { lowerFirst } from '../i18n/format';
import type { KeepReason } from './clear-plan';

/** Why a cookie is left unticked, as the preview says it. */
export const keepReasonLabels: Record<KeepReason, string> = {
  necessary: 'conservé\u00a0: nécessaire selon la charte',
  'keep-list': 'conservé\u00a0: sur votre liste des noms à toujours conserver',
  platform: 'conservé\u00a0: cookie de la plateforme Opendatasoft (connexion, sécurité, langue ou choix des cookies), toujours actif',
  unclear: 'conservé\u00a0: la charte ne dit pas s’il est nécessaire',
};

/** Why a cookie is ticked, as the preview says it. */
export function deleteReasonLabel(cookie: ClassifiedCookie): string {
  if (!cookie.declared) {
    const guess = cookie.guess;
    return guess
      ? `non déclaré dans la charte\u00a0; probablement ${guess.provider} (${lowerFirst(guess.kindLabel)})`
      : 'non déclaré dans la charte';
  }
  const under = cookie.entry?.declaredUnder;
  return under ? `déclaré sous «\u00a0${under}\u00a0», non nécessaire` : 'déclaré non nécessaire par la charte';
}
