/**
 * A page's readings of the background may end out of order: each waits there for the commands
 * queued before it (lib/background/handlers.ts), so a reading started before a command can
 * answer after one started once the command was over. Only the newest answer is shown: the page
 * never goes back to how things were before a command, with its « Annuler » missing.
 */
export function newestRead() {
  let started = 0;
  let shown = 0;
  return {
    /** A reading starts: its number. */
    start: () => ++started,
    /** May reading `n`'s answer be shown? Not when a reading started after it was shown already. */
    fresh(n: number): boolean {
      if (n < shown) return false;
      shown = n;
      return true;
    },
  };
}
