/**
 * Why an action Témoin recorded can no longer be undone, as the end of a French sentence: the
 * browser closed since (the values went with the session), or its undo gave its room up to more
 * recent actions (lib/actions/undo-log.ts). Light: the popup and the options page show it.
 */
export function undoGoneReason(record: { givenUp?: boolean }): string {
  return record.givenUp
    ? 'Témoin a dû céder la place qu’occupait son annulation à des actions plus récentes'
    : 'le navigateur a été fermé depuis';
}
