import { t, tn, type MessageKey } from './messages';
import { number } from './format';

/** The commands whose outcome is said in one sentence. */
export type CommandKind = 'reset' | 'undo-reset' | 'clear' | 'undo-clear';

interface CommandCounts {
  done: readonly unknown[];
  failed: readonly unknown[];
}

/** What each command's sentence opens with, when it did something and when it did nothing it meant to; the site, when named, is `$1`. */
const heads: Record<CommandKind, { success: MessageKey; failure: MessageKey; successOn?: MessageKey; failureOn?: MessageKey }> = {
  reset: { success: 'command.reset.done', failure: 'command.reset.failed' },
  'undo-reset': { success: 'command.undoReset.done', failure: 'command.undoReset.failed' },
  clear: { success: 'command.clear.done', failure: 'command.clear.failed', successOn: 'command.clear.doneOn', failureOn: 'command.clear.failedOn' },
  'undo-clear': { success: 'command.undoClear.done', failure: 'command.undoClear.failed', successOn: 'command.undoClear.doneOn', failureOn: 'command.undoClear.failedOn' },
};

/**
 * What a command did, as one full sentence with its subject, said in the live region and shown
 * under the button: « Préférences réinitialisées : 1 cookie supprimé. La page va se
 * recharger. », "Preferences reset: 1 cookie deleted. The page will reload."
 */
export function commandSentence(kind: CommandKind, result: CommandCounts, site?: string): string {
  const done = result.done.length;
  const failed = result.failed.length;
  if (done === 0 && failed === 0) {
    if (kind === 'reset') return t('command.none.reset');
    if (kind === 'clear') return site ? t('command.none.clearOn', site) : t('command.none.clear');
    return site ? t('command.none.undoOn', site) : t('command.none.undo');
  }
  const keys = heads[kind];
  const on = done ? keys.successOn : keys.failureOn;
  const head = site && on ? t(on as 'command.clear.doneOn', site) : t((done ? keys.success : keys.failure) as 'command.reset.done');
  const count = kind === 'reset' || kind === 'clear' ? tn('command.deleted', done) : tn('command.restored', done);
  let sentence = failed ? t('command.withFailures', head, count, number(failed)) : t('command.sentence', head, count);
  // The portal's tab is reloaded so that it reads the consent record again (lib/background/handlers.ts).
  if (done && (kind === 'reset' || kind === 'undo-reset')) sentence += ` ${t('command.reload')}`;
  return sentence;
}
