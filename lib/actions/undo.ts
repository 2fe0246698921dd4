import { bareDomain, cookieKey } from '../cookies/model';
import { queued } from './queue';
import { refOf, type CommandResult } from './result';
import { cookiesNamed } from '../cookies/jar';
import { goneStoreMessage, storeExists } from '../cookies/stores';
import { registrableDomain } from '../cookies/site';
import type { StoredCookie } from '../cookies/model';
import { undoRecords, type UndoEntry } from './undo-store';
import { findUndo, lostUndo, updateUndo } from './undo-log';
import { assertNoFirstVisit } from './first-visit-lock';
import { recreate } from './recreate';
import { undoGoneReason } from './undo-gone';
import { t } from '../i18n/messages';

/** Why an action cannot be undone any more. */
async function whyNot(id: string): Promise<string> {
  const record = (await undoRecords.getValue()).find((r) => r.id === id);
  if (record?.givenUp) return t('error.undoGoneBecause', undoGoneReason(record));
  return record && (await lostUndo(record.site, record.kind, record.storeId))?.id === id ? t('error.undoGoneSession') : t('error.undoGone');
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
    const now = await present(entry.cookies);
    const { done, failed, kept } = await recreate(entry.cookies, entry.scheme, {
      nowSeconds,
      expired: t('clear.expired'),
      keep: (cookie) => (now.has(cookieKey(cookie)) ? t('clear.setAgain') : undefined),
    });
    const result: CommandResult = {
      done: done.map(refOf),
      failed: failed.map(({ cookie, reason }) => ({ cookie: refOf(cookie), reason })),
      ...(kept.length && { kept: kept.map(({ cookie, reason }) => ({ cookie: refOf(cookie), reason })) }),
    };
    // What the browser refused stays undoable.
    await updateUndo(id, failed.filter((f) => !f.expired).map((f) => f.cookie));
    return { ...result, entry };
  });
}
