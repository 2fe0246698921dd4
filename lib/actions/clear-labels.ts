import type { ClassifiedCookie } from '../audit/classify';
import { lowerFirst } from '../i18n/format';
import { t } from '../i18n/messages';
import type { KeepReason } from './clear-plan';

/** Why a cookie is left unticked, as the preview says it (read when said: the language is loaded by then). */
export function keepReasonLabel(reason: KeepReason): string {
  return {
    necessary: () => t('clear.keep.necessary'),
    'keep-list': () => t('clear.keep.keepList'),
    platform: () => t('clear.keep.platform'),
    unclear: () => t('clear.keep.unclear'),
  }[reason]();
}

/** Why a cookie is ticked, as the preview says it. */
export function deleteReasonLabel(cookie: ClassifiedCookie): string {
  if (!cookie.declared) {
    const guess = cookie.guess;
    return guess ? t('clear.delete.undeclaredGuess', guess.provider, lowerFirst(guess.kindLabel)) : t('clear.delete.undeclared');
  }
  const under = cookie.entry?.declaredUnder;
  return under ? t('clear.delete.declaredUnder', under) : t('clear.delete.declared');
}
