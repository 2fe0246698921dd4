import type { StoredCookie } from '../cookies/model';
import type { Scheme } from '../cookies/jar';
import type { CommandResult } from './result';
import { removeCookies, touchedBy } from './removal';
import { beginUndo, updateUndo } from './undo-log';

/**
 * Removes `targets` so that undo can put them back: the undo entry is written first, with every
 * cookie their removal may touch as it is (`jar`: the store's cookies of the registrable domain,
 * before), then the cookies are removed, then the entry says exactly what is gone. What clearing
 * and reset both do, inside the queue.
 */
export async function removeWithUndo(
  entry: Parameters<typeof beginUndo>[0],
  targets: StoredCookie[],
  jar: StoredCookie[],
  readAfter: () => Promise<StoredCookie[]>,
  scheme: Scheme,
): Promise<CommandResult> {
  const touched = targets.flatMap((target) => touchedBy(target, jar, scheme));
  const recorded = await beginUndo(entry, targets, touched);
  const { removed, result } = await removeCookies(targets, jar, readAfter, scheme);
  await updateUndo(recorded.id, removed);
  return removed.length ? { ...result, undoId: recorded.id } : result;
}
