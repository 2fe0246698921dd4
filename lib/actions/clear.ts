import type { Charter } from '../charter/model';
import { cookieKey } from '../cookies/model';
import { choosableIds, planClear, type ClearPlan } from './clear-plan';
import { mergeInventory } from '../cookies/inventory';
import { consentCookieOf } from '../page/opendatasoft';
import { queued } from './queue';
import type { CommandResult } from './result';
import { defaultStoreId } from '../cookies/stores';
import { readDomainCookies, readSiteCookies } from '../cookies/read-site';
import { removeCookies, touchedBy } from './removal';
import { buildReport } from '../audit/report';
import { registrableDomain } from '../cookies/site';
import { settings } from './keep-names';
import { beginUndo, updateUndo } from './undo-log';

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

/** The site's cookies in one store, with the plan computed from the charter and the keep list. */
async function plan(charter: Charter, storeId: string) {
  const url = siteUrl(charter);
  const cookies = await readSiteCookies(url, storeId);
  const consentCookie = consentCookieOf(cookies, url);
  const report = buildReport({
    charter,
    facts: mergeInventory(cookies, [], url),
    pageUrl: url,
    now: new Date(),
    ...(consentCookie && { consentCookie }),
  });
  const { keepNames } = await settings.getValue();
  return { url, cookies, plan: planClear(report.cookies, keepNames, url.hostname) };
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
    const { url, cookies, plan: current } = await plan(charter, storeId);
    const choosable = choosableIds(current);
    const deletable = new Set(ids.filter((id) => choosable.has(id)));
    const targets = cookies.filter((c) => deletable.has(cookieKey(c)));
    if (targets.length === 0) return { done: [], failed: [] };
    const scheme = url.protocol === 'http:' ? 'http' : 'https';
    const jar = await readDomainCookies(url, storeId);
    const touched = targets.flatMap((target) => touchedBy(target, jar, scheme));
    const entry = await beginUndo({ kind: 'clear', site: charter.site, storeId, scheme }, targets, touched);
    const { removed, result } = await removeCookies(targets, jar, () => readDomainCookies(url, storeId), scheme);
    await updateUndo(entry.id, removed);
    return removed.length ? { ...result, undoId: entry.id } : result;
  });
}
