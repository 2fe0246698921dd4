import { setCookie } from './cookie-jar';
import { reasonOf, refOf, type CommandResult } from './command-result';
import type { UndoEntry } from './storage';
import { findUndo, updateUndo } from './undo-log';

/** Recreates every cookie an action removed, exactly as it was; what fails stays undoable. */
export async function undo(id: string, nowSeconds = Date.now() / 1000): Promise<CommandResult & { entry: UndoEntry }> {
  const entry = await findUndo(id);
  if (!entry) throw new Error('Cette action ne peut plus être annulée.');
  const result: CommandResult = { done: [], failed: [] };
  const left = [];
  for (const cookie of entry.cookies) {
    if (!cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate <= nowSeconds) {
      result.failed.push({ cookie: refOf(cookie), reason: 'arrivé à expiration entre-temps' });
      continue;
    }
    try {
      await setCookie(cookie);
      result.done.push(refOf(cookie));
    } catch (error) {
      result.failed.push({ cookie: refOf(cookie), reason: reasonOf(error) });
      left.push(cookie);
    }
  }
  await updateUndo(id, left);
  return { ...result, entry };
}
