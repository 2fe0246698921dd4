/**
 * A page's refresh, one at a time: asked again while it runs, it runs once more after it, however
 * many times it was asked meanwhile. A clearing of 150 cookies reports 150 changes; each refresh
 * asks the background to classify the whole jar again, and refreshes piling up would keep the
 * background from the clearing itself.
 */
export function oneAtATime(work: () => Promise<unknown>): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } finally {
      running = false;
    }
  };
}
