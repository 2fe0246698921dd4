import type { StoredCookie } from './cookie';
import { readSiteCookies } from './read-site-cookies';
import type { CommandResult } from './command-result';
import { removeCookies } from './remove-cookies';
import { CONSENT_COOKIE } from './opendatasoft';
import { recordUndo, updateUndo } from './undo-log';

/**
 * Deletes the consent record under every domain, path and partition it exists under in the
 * tab's store, and nothing else, so that the portal asks the visitor again.
 */
export async function resetPreferences(pageUrl: URL, storeId: string | undefined, tabId: number): Promise<CommandResult> {
  const read = () => readSiteCookies(pageUrl, storeId);
  const before = await read();
  const targets = before.filter((c: StoredCookie) => c.name === CONSENT_COOKIE);
  if (targets.length === 0) return { done: [], failed: [] };
  const entry = await recordUndo({ kind: 'reset', site: pageUrl.hostname, tabId, cookies: targets });
  const { removed, result } = await removeCookies(targets, before, read);
  await updateUndo(entry.id, removed);
  return removed.length ? { ...result, undoId: entry.id } : result;
}
