import type { Charter } from '../charter/model';
import { choosableIds, planClear, type ClearPlan } from './clear-plan';
import { queued } from './queue';
import type { CommandResult } from './result';
import { defaultStoreId } from '../cookies/stores';
import { readDomainCookies, readSiteCookies } from '../cookies/read-site';
import { removeWithUndo } from './undoable-removal';
import { listOrder } from '../audit/classify';
import { assess, jarOf } from '../audit/assess';
import { registrableDomain } from '../cookies/site';
import { settings } from './keep-names';
import { assertNoFirstVisit } from './first-visit-lock';

export interface ClearPreview extends ClearPlan {
  site: string;
  /** The cookie store previewed: clearing works in one store at a time. */
  storeId: string;
  /** The site's registrable domain: `issy.com`. */
  siteDomain: string;
}

function siteUrl(charter: Charter): URL {
  return new URL(`https://${charter.site}/`);
}

/**
 * The site's cookies in one store, classified (lib/audit/classify.ts) and planned from the
 * charter and the keep list; `byId` gives back the browser's cookie behind each id, in the jar's order.
 */
async function plan(charter: Charter, storeId: string) {
  const url = siteUrl(charter);
  const cookies = await readSiteCookies(url, storeId);
  // One classified cookie per cookie of the jar, in its order, judged as the popup judges them,
  // against the visitor's recorded choice: the preview lists the necessary ones with what there
  // is to say of them.
  const classified = assess({ charter, ...jarOf(cookies, url), host: url.hostname, now: new Date() }).cookies;
  const byId = new Map(classified.map((c, i) => [c.id, cookies[i]!]));
  const { keepNames } = await settings.getValue();
  return { url, byId, plan: planClear(classified.sort(listOrder), keepNames, url.hostname) };
}

/** What clearing would offer in a store (the default one unless told). */
export async function previewClear(charter: Charter, storeId = defaultStoreId()): Promise<ClearPreview> {
  return { site: charter.site, storeId, siteDomain: registrableDomain(charter.site), ...(await plan(charter, storeId)).plan };
}

/**
 * Removes exactly the cookies the visitor ticked in the preview (`ids`), in one store (the
 * default one unless told). The plan is computed again here: a cookie that became necessary
 * since the preview is left alone, and a cookie that appeared since is not touched without
 * being shown first. Queued behind any other command that changes the jar or the undo log.
 */
export function clearNonEssential(charter: Charter, ids: readonly string[], storeId = defaultStoreId()): Promise<CommandResult> {
  return queued(async () => {
    assertNoFirstVisit(charter.site, storeId);
    const { url, byId, plan: current } = await plan(charter, storeId);
    const choosable = choosableIds(current);
    const deletable = new Set(ids.filter((id) => choosable.has(id)));
    const targets = [...byId].filter(([id]) => deletable.has(id)).map(([, cookie]) => cookie);
    if (targets.length === 0) return { done: [], failed: [] };
    const scheme = url.protocol === 'http:' ? 'http' : 'https';
    const jar = await readDomainCookies(url, storeId);
    return removeWithUndo({ kind: 'clear', site: charter.site, storeId, scheme }, targets, jar, () => readDomainCookies(url, storeId), scheme);
  });
}
