/**
 * Cookies change in bursts: a page load sets several at once, a clearing removes many. What
 * follows a change (a count, a refresh, a write) is done once per burst: `add` each change as it
 * is reported; `handle` gets them all once none came for `quietMs`, and, with `after`, once
 * what it names is over (a command that removes cookies one by one makes one burst, not one a
 * removal: the changes it causes meanwhile join the burst that waits).
 */
export function burst<T = never>(quietMs: number, handle: (changes: T[]) => void, after?: () => Promise<void>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changes: T[] = [];
  let waiting = false;
  let generation = 0;
  function fire() {
    const done = changes;
    changes = [];
    handle(done);
  }
  return {
    add(...change: T[]) {
      changes.push(...change);
      if (waiting) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!after) return fire();
        waiting = true;
        const mine = generation;
        void after().then(() => {
          if (mine !== generation) return;
          waiting = false;
          fire();
        });
      }, quietMs);
    },
    /** Drops the burst under way: nothing is handled. */
    cancel() {
      clearTimeout(timer);
      changes = [];
      waiting = false;
      generation++;
    },
  };
}
