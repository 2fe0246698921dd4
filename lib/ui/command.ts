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
 * options page: `busy` while it runs, its result shown, the page read again, one sentence in the
 * live region, and focus kept where the visitor is, else moved to the result (`summary`).
 */
export async function runCommand(command: {
  kind: CommandKind;
  /** The site it works on, named in the sentence and in a failure. */
  site?: string;
  run: () => Promise<CommandResult>;
  busy: (busy: boolean) => void;
  show: (result: CommandResult) => void;
  refresh: () => Promise<unknown>;
  summary: () => Element | null;
}): Promise<void> {
  command.busy(true);
  const result = await commandResult(command.run, command.site);
  command.show(result);
  command.busy(false);
  await command.refresh();
  announce(commandSentence(command.kind, result, command.site));
  await keepFocus(command.summary);
}
