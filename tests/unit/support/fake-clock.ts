import { vi } from 'vitest';

/**
 * What a test waits for, while the fake clock runs ahead: the background's waits (a quiet moment
 * after the pages' last write, a page's unload, a grace delay) pass in the fake clock's time, not
 * the machine's. The fake timers must be on.
 */
export async function meanwhile<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  const done = () => (settled = true);
  promise.then(done, done);
  while (!settled) await vi.advanceTimersByTimeAsync(20);
  return promise;
}

/** Whether `promise` settles within `ms` of the fake clock's time (it may still settle later). */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  const done = () => (settled = true);
  promise.then(done, done);
  for (let waited = 0; !settled && waited < ms; waited += 20) await vi.advanceTimersByTimeAsync(20);
  return settled;
}
