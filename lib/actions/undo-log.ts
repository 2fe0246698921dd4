/**
 * The undo log: one entry per action, values and all, in session storage; and beside it, on
 * disk, the same actions without values (`undoRecords`), so that after a restart Témoin says
 * the undo is gone rather than nothing. Every write happens inside a queued command
 * (queue.ts): these functions read the whole list and write it back.
 */
import { bareDomain, cookieKey, type StoredCookie } from '../cookies/model';
import { cookiesNamed, setCookie } from '../cookies/jar';
import { registrableDomain } from '../cookies/site';
import { written } from '../i18n/errors';
import { t } from '../i18n/messages';
import { bytesOf, headWithin, SESSION_BUDGET } from '../storage-budget';
import { UNDO_DEPTH, UNDO_KEY, undoLog, undoRecords, type UndoEntry, type UndoRecord } from './undo-store';

type NewEntry = Omit<UndoEntry, 'id' | 'at' | 'cookies' | 'pending' | 'asked' | 'interrupted'>;

function recordOf(entry: UndoEntry, count: number): UndoRecord {
  const { id, kind, site, at, storeId } = entry;
  return { id, kind, site, at, storeId, count };
}

/**
 * Writes an entry before anything is deleted: the cookies about to be removed (`asked`) and
 * those their removal may touch (`touched`), as they are. Nothing counts as removed yet.
 */
export async function beginUndo(
  entry: NewEntry,
  asked: StoredCookie[],
  touched: StoredCookie[] = [],
): Promise<UndoEntry> {
  const pending = [...new Map([...asked, ...touched].map((c) => [cookieKey(c), c])).values()];
  const recorded: UndoEntry = {
    ...entry,
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    cookies: [],
    pending,
    asked: asked.map(cookieKey),
  };
  // Room for this action's undo first: older actions give theirs up, most distant first.
  if (bytesOf(UNDO_KEY, [recorded]) > SESSION_BUDGET.undo) {
    throw new Error(
      t('error.undoTooLarge', Math.ceil(bytesOf(UNDO_KEY, [recorded]) / 1024), SESSION_BUDGET.undo / 1024),
    );
  }
  const before = await undoLog.getValue();
  const log = headWithin(UNDO_KEY, [recorded, ...before].slice(0, UNDO_DEPTH), SESSION_BUDGET.undo);
  const live = new Set(log.map((entry) => entry.id));
  // An action still under way (left by a stopped background, not yet made true to the jar) holds
  // the only copy of what it may have removed: it never gives its room up.
  if (before.some((entry) => entry.pending && !live.has(entry.id))) {
    throw new Error(
      t('error.undoPending'),
    );
  }
  await written(undoLog.setValue(log), t('error.what.undo'));
  // An action whose undo gave its room up can no longer be undone: its record says why.
  const dropped = new Set(before.map((entry) => entry.id).filter((id) => !live.has(id)));
  const records = [recordOf(recorded, asked.length), ...(await undoRecords.getValue())].map((record) =>
    dropped.has(record.id) ? { ...record, givenUp: true } : record,
  );
  await written(undoRecords.setValue(records.slice(0, UNDO_DEPTH)), t('error.what.actions'));
  return recorded;
}

/**
 * Sets what an entry will restore, and ends its pending state; an entry left with nothing is
 * dropped, with its record.
 */
export async function updateUndo(id: string, cookies: StoredCookie[], interrupted?: boolean): Promise<void> {
  const log = await undoLog.getValue();
  const write = undoLog.setValue(
    log.flatMap((entry) => {
      if (entry.id !== id) return [entry];
      if (!cookies.length) return [];
      const { pending: _pending, asked: _asked, ...rest } = entry;
      return [{ ...rest, cookies, ...((interrupted || entry.interrupted) && { interrupted: true }) }];
    }),
  );
  await written(write, t('error.what.undo'));
  const records = await undoRecords.getValue();
  await undoRecords.setValue(
    records.flatMap((record) => (record.id !== id ? [record] : cookies.length ? [{ ...record, count: cookies.length }] : [])),
  );
}

/** Forgets every action of a store, values and records: its cookies are gone with it. */
export async function forgetStore(storeId: string): Promise<void> {
  await undoLog.setValue((await undoLog.getValue()).filter((entry) => entry.storeId !== storeId));
  await undoRecords.setValue((await undoRecords.getValue()).filter((record) => record.storeId !== storeId));
}

/** An action that can be undone; one still under way cannot. */
export async function findUndo(id: string): Promise<UndoEntry | undefined> {
  return (await undoLog.getValue()).find((entry) => entry.id === id && !entry.pending);
}

const sameStore = (storeId: string | undefined, entry: { storeId: string }) => storeId === undefined || entry.storeId === storeId;

/** The most recent action of a kind on a site that can still be undone. */
export async function latestUndo(site: string, kind: UndoEntry['kind'], storeId?: string): Promise<UndoEntry | undefined> {
  return (await undoLog.getValue()).find(
    (entry) => entry.site === site && entry.kind === kind && !entry.pending && sameStore(storeId, entry),
  );
}

/**
 * The most recent action of a kind on a site, when it can no longer be undone because the
 * browser was closed since (its values went with the session); undefined when the most recent
 * one can still be undone, or was undone.
 */
export async function lostUndo(site: string, kind: UndoEntry['kind'], storeId?: string): Promise<UndoRecord | undefined> {
  const record = (await undoRecords.getValue()).find((r) => r.site === site && r.kind === kind && sameStore(storeId, r));
  if (!record) return undefined;
  const live = (await undoLog.getValue()).some((entry) => entry.id === record.id);
  return live ? undefined : record;
}

/**
 * After the background stopped in the middle of an action (a service worker is stopped when
 * idle, or killed), its entry still says `pending`. The jar tells what was actually removed:
 * a cookie asked for that is gone is kept for undo; a cookie nobody asked for that is gone
 * (taken along by a removal, not yet put back) is put back at once. The entry is then marked
 * interrupted. Runs, queued, each time the background starts.
 */
export async function recoverInterrupted(): Promise<void> {
  for (const entry of await undoLog.getValue()) {
    if (!entry.pending) continue;
    const asked = new Set(entry.asked ?? []);
    const present = new Set<string>();
    const groups = new Map<string, StoredCookie>();
    for (const c of entry.pending) groups.set(JSON.stringify([c.name, registrableDomain(bareDomain(c.domain)), c.storeId]), c);
    for (const c of groups.values()) {
      const now = await cookiesNamed(c.name, registrableDomain(bareDomain(c.domain)), c.storeId).catch(() => undefined);
      // A store that is gone (a private window closed) cannot be read: nothing in it is restorable.
      for (const found of now ?? []) present.add(cookieKey(found));
    }
    const removed = [...entry.cookies];
    for (const c of entry.pending) {
      const key = cookieKey(c);
      if (present.has(key) || removed.some((r) => cookieKey(r) === key)) continue;
      if (asked.has(key)) removed.push(c);
      else await setCookie(c, entry.scheme).catch(() => removed.push(c));
    }
    await updateUndo(entry.id, removed, true);
  }
}
