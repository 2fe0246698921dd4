/**
 * The one path for every command that changes the cookie jar or the undo log (clear, reset,
 * undo, and the background's clean-up of interrupted entries). Commands run one after the
 * other, in the order they were asked for, whichever page or timer asked: two options pages
 * clearing at once, or a reset started during a clear, would otherwise read the same undo log,
 * each write back its own copy, and lose the other's entry — and with it the only copy of the
 * cookies it deleted.
 *
 * Not re-entrant: a queued command must not wait for another queued command, or both wait forever.
 */
let tail: Promise<unknown> = Promise.resolve();

export function queued<T>(command: () => Promise<T>): Promise<T> {
  const run = tail.then(command, command);
  tail = run.catch(() => {});
  return run;
}

/**
 * Resolves once no command is queued or running (at once when none is). What follows each
 * cookie change (a count, a write of the timeline) waits for it: a clearing of 150 cookies
 * would otherwise recount and rewrite after each removal, each time slowing the next.
 */
export async function queueIdle(): Promise<void> {
  for (let seen = tail; ; seen = tail) {
    await seen;
    if (seen === tail) return;
  }
}
