import { cookieKey, type StoredCookie } from './model';

/**
 * The cookie changes Témoin is about to make itself (removing, restoring), so that the timeline
 * does not take them for the portal's. The browser reports a change after the call that made it;
 * each expected change is consumed by the first report of it, or forgotten after a while.
 */
const expected = new Map<string, number>();
const FORGET_AFTER_MS = 10_000;

export function expectOwnChange(cookie: Omit<StoredCookie, 'value'>, now = Date.now()): void {
  expected.set(cookieKey(cookie), now + FORGET_AFTER_MS);
}

/** Whether a reported change is one Témoin announced; a removal made to overwrite is not consumed. */
export function takeOwnChange(cookie: Omit<StoredCookie, 'value'>, cause: string, now = Date.now()): boolean {
  const key = cookieKey(cookie);
  const until = expected.get(key);
  if (until === undefined) return false;
  if (until < now) {
    expected.delete(key);
    return false;
  }
  if (cause !== 'overwrite') expected.delete(key);
  return true;
}
