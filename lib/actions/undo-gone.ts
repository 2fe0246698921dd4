import { t } from '../i18n/messages';

/**
 * Why an action Témoin recorded can no longer be undone, as the end of a sentence: the
 * browser closed since (the values went with the session), or its undo gave its room up to more
 * recent actions (lib/actions/undo-log.ts). Light: the popup and the options page show it.
 */
export function undoGoneReason(record: { givenUp?: boolean }): string {
  return record.givenUp ? t('clear.undoGone.givenUp') : t('clear.undoGone.closed');
}
