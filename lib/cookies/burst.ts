/**
 * Cookies change in bursts: a page load sets several at once, a clearing removes many. What
 * follows a change (a count, a refresh, a write) is done once per burst: `add` each change as it
 * is reported; `handle` gets them all once none came for `quietMs`.
 */
export function burst<T = never>(quietMs: number, handle: (changes: T[]) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changes: T[] = [];
  return {
    add(...change: T[]) {
      changes.push(...change);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const done = changes;
        changes = [];
        handle(done);
      }, quietMs);
    },
    /** Drops the burst under way: nothing is handled. */
    cancel() {
      clearTimeout(timer);
      changes = [];
    },
  };
}
