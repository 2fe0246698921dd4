import { cookieKey, type StoredCookie } from './cookie';
import { reasonOf, refOf, type CommandResult } from './command-result';
import { removeCookie } from './cookie-jar';

/**
 * Removes each target, one by one, collecting failures instead of stopping at the first.
 * `before` is the whole jar the targets were taken from; reading the jar again afterwards tells
 * exactly what vanished, so a cookie the browser removed along with a target (same name, wider
 * path) is reported and kept for undo too.
 */
export async function removeCookies(
  targets: StoredCookie[],
  before: StoredCookie[],
  readAfter: () => Promise<StoredCookie[]>,
): Promise<{ removed: StoredCookie[]; result: CommandResult }> {
  const failed = new Map<string, string>();
  for (const cookie of targets) {
    try {
      await removeCookie(cookie);
    } catch (error) {
      failed.set(cookieKey(cookie), reasonOf(error));
    }
  }
  const remaining = new Set((await readAfter()).map(cookieKey));
  const removed = before.filter((c) => !remaining.has(cookieKey(c)));
  // What is gone is done, whatever the API answered; what remains has failed.
  const failures = targets
    .filter((target) => remaining.has(cookieKey(target)))
    .map((target) => ({
      cookie: refOf(target),
      reason: failed.get(cookieKey(target)) ?? 'toujours présent après la suppression',
    }));
  return { removed, result: { done: removed.map(refOf), failed: failures } };
}
