import { type CommandResult } from '../actions/result';
import { reasonLater } from './reason';
import { commandSentence, type CommandKind } from '../i18n/command-sentence';
import { keepFocus } from './keep-focus';
import { announce } from './live-region.svelte';

/** A command run from a page: its result, or, when it could not run (refused, background gone), a result that says why. */
async function commandResult(run: () => Promise<CommandResult>, site = ''): Promise<CommandResult> {
  try {
    return await run();
  } catch (error) {
    return { done: [], failed: [{ cookie: { name: '—', domain: site, path: '' }, reason: await reasonLater(error) }] };
  }
}

/**
 * A command from the visitor's click to what is said of it, the same in the popup and the
 * options page: `busy` while it runs, its result shown and said in the live region as soon as
 * it is known, the page read again, and focus kept where the visitor is, else moved to the
 * result (`summary`) once the page shows what the command changed.
 */
export async function runCommand(command: {
  kind: CommandKind;
  /** The site it works on, named in the sentence and in a failure. */
  site?: string;
  run: () => Promise<CommandResult>;
  busy: (busy: boolean) => void;
  show: (result: CommandResult) => void;
  /** Reads the page again; says its own failure on the page. */
  refresh: () => Promise<unknown>;
  summary: () => Element | null;
}): Promise<void> {
  command.busy(true);
  const result = await commandResult(command.run, command.site);
  command.show(result);
  command.busy(false);
  // Said before the page is read again: that reading waits in the background for every command
  // queued meanwhile (another page's, an automatic clearing), and can take long or fail; what
  // the command did is known now.
  announce(commandSentence(command.kind, result, command.site));
  try {
    await command.refresh();
  } finally {
    // After the reading: the pressed button may go with it (« Annuler » once the cookies are back).
    await keepFocus(command.summary);
  }
}
