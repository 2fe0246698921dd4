import { bareDomain, cookieKey } from '../cookies/model';
import { queued } from './queue';
import { refOf, type CommandResult } from './result';
import { reasonOf } from '../french/errors';
import { cookiesNamed, setCookie } from '../cookies/jar';
import { goneStoreMessage, storeExists } from '../cookies/stores';
import { registrableDomain } from '../cookies/site';
import type { StoredCookie } from '../cookies/model';
import { undoRecords, type UndoEntry } from './undo-store';
import { findUndo, lostUndo, updateUndo } from './undo-log';
import { assertNoFirstVisit } from './first-visit-lock';
import { undoGoneReason } from './undo-gone';

/** Why an action cannot be undone any more. */
async function whyNot(id: string): Promise<string> {
  const record = (await undoRecords.getValue()).find((r) => r.id === id);
  if (record?.givenUp) return `Cette action ne peut plus être annulée\u00a0: ${undoGoneReason(record)}.`;
  return record && (await lostUndo(record.site, record.kind, record.storeId))?.id === id
    ? 'Cette action ne peut plus être annulée\u00a0: le navigateur a été fermé depuis, et les cookies supprimés avec la session.'
    : 'Cette action ne peut plus être annulée.';
}

/** The cookies of the entry's names as they are now, by key. */
async function present(cookies: StoredCookie[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const asked = new Map(cookies.map((c) => [JSON.stringify([c.name, registrableDomain(bareDomain(c.domain)), c.storeId]), c]));
  for (const c of asked.values()) {
    for (const found of await cookiesNamed(c.name, registrableDomain(bareDomain(c.domain)), c.storeId)) keys.add(cookieKey(found));
  }
  return keys;
}

/**
 * Recreates every cookie an action removed, exactly as it was, in the store it was removed
 * from, and only there: a store that is gone (a private window closed, a container removed) is
 * refused. A cookie the site has set again since is newer than the copy: it is left as it is
 * and named. What fails stays undoable. Queued behind any other command that changes the jar
 * or the undo log.
 */
export function undo(id: string, nowSeconds = Date.now() / 1000): Promise<CommandResult & { entry: UndoEntry }> {
  return queued(async () => {
    const entry = await findUndo(id);
    if (!entry) throw new Error(await whyNot(id));
    assertNoFirstVisit(entry.site, entry.storeId);
    if (!(await storeExists(entry.storeId))) throw new Error(goneStoreMessage(entry.storeId));
    const result: CommandResult = { done: [], failed: [] };
    const kept: NonNullable<CommandResult['kept']> = [];
    const now = await present(entry.cookies);
    const left = [];
    for (const cookie of entry.cookies) {
      if (!cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate <= nowSeconds) {
        result.failed.push({ cookie: refOf(cookie), reason: 'arrivé à expiration entre-temps' });
        continue;
      }
      if (now.has(cookieKey(cookie))) {
        kept.push({ cookie: refOf(cookie), reason: 'déposé à nouveau par le site depuis la suppression\u00a0: laissé tel quel' });
        continue;
      }
      try {
        await setCookie(cookie, entry.scheme);
        result.done.push(refOf(cookie));
      } catch (error) {
        result.failed.push({ cookie: refOf(cookie), reason: reasonOf(error) });
        left.push(cookie);
      }
    }
    if (kept.length) result.kept = kept;
    await updateUndo(id, left);
    return { ...result, entry };
  });
}
