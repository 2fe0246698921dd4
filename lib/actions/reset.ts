import type { StoredCookie } from '../cookies/model';
import { queued } from './queue';
import type { CommandResult } from './result';
import { defaultStoreId } from '../cookies/stores';
import { CONSENT_COOKIE } from '../cookies/platform';
import { readDomainCookies, readSiteCookies } from '../cookies/read-site';
import { removeWithUndo } from './undoable-removal';
import { assertNoFirstVisit } from './first-visit-lock';

/**
 * Deletes the consent record under every domain, path and partition it exists under in the
 * tab's store, and nothing else, so that the portal asks the visitor again. Queued behind any
 * other command that changes the jar or the undo log.
 */
export function resetPreferences(pageUrl: URL, storeId: string | undefined, tabId: number): Promise<CommandResult> {
  const store = storeId ?? defaultStoreId();
  return queued(async () => {
    assertNoFirstVisit(pageUrl.hostname, store);
    const targets = (await readSiteCookies(pageUrl, store)).filter((c: StoredCookie) => c.name === CONSENT_COOKIE);
    if (targets.length === 0) return { done: [], failed: [] };
    const scheme = pageUrl.protocol === 'http:' ? 'http' : 'https';
    const read = () => readDomainCookies(pageUrl, store);
    const jar = await read();
    return removeWithUndo({ kind: 'reset', site: pageUrl.hostname, tabId, storeId: store, scheme }, targets, jar, read, scheme);
  });
}
