import type { StoredCookie } from './cookie';
import { UNDO_DEPTH, undoLog, type UndoEntry } from './storage';

export async function recordUndo(entry: Omit<UndoEntry, 'id' | 'at'>): Promise<UndoEntry> {
  const recorded: UndoEntry = { ...entry, id: crypto.randomUUID(), at: new Date().toISOString() };
  await undoLog.setValue([recorded, ...(await undoLog.getValue())].slice(0, UNDO_DEPTH));
  return recorded;
}

/** Replaces what an entry will restore; an entry left with nothing is dropped. */
export async function updateUndo(id: string, cookies: StoredCookie[]): Promise<void> {
  const log = await undoLog.getValue();
  await undoLog.setValue(
    log.flatMap((entry) => (entry.id !== id ? [entry] : cookies.length ? [{ ...entry, cookies }] : [])),
  );
}

export async function findUndo(id: string): Promise<UndoEntry | undefined> {
  return (await undoLog.getValue()).find((entry) => entry.id === id);
}

/** The most recent action of a kind on a site that can still be undone. */
export async function latestUndo(site: string, kind: UndoEntry['kind']): Promise<UndoEntry | undefined> {
  return (await undoLog.getValue()).find((entry) => entry.site === site && entry.kind === kind);
}
