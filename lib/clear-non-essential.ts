import type { Charter } from './charter/model';
import { cookieKey } from './cookie';
import { choosableIds, planClear, type ClearPlan } from './clear-plan';
import { mergeInventory } from './inventory';
import { consentCookieOf } from './opendatasoft';
import { readSiteCookies } from './read-site-cookies';
import type { CommandResult } from './command-result';
import { removeCookies } from './remove-cookies';
import { buildReport } from './report';
import { registrableDomain } from './site';
import { settings } from './storage';
import { recordUndo, updateUndo } from './undo-log';

export interface ClearPreview extends ClearPlan {
  site: string;
  /** The site's registrable domain: `issy.com`. */
  siteDomain: string;
}

function siteUrl(charter: Charter): URL {
  return new URL(`https://${charter.site}/`);
}

/** The site's cookies in every store, with the plan computed from the charter and the keep list. */
async function plan(charter: Charter) {
  const url = siteUrl(charter);
  const cookies = await readSiteCookies(url);
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

export async function previewClear(charter: Charter): Promise<ClearPreview> {
  return { site: charter.site, siteDomain: registrableDomain(charter.site), ...(await plan(charter)).plan };
}

/**
 * Removes exactly the cookies the visitor ticked in the preview (`ids`). The plan is computed
 * again here: a cookie that became necessary since the preview is left alone, and a cookie that
 * appeared since is not touched without being shown first.
 */
export async function clearNonEssential(charter: Charter, ids: readonly string[]): Promise<CommandResult> {
  const { url, cookies, plan: current } = await plan(charter);
  const choosable = choosableIds(current);
  const deletable = new Set(ids.filter((id) => choosable.has(id)));
  const targets = cookies.filter((c) => deletable.has(cookieKey(c)));
  if (targets.length === 0) return { done: [], failed: [] };
  const entry = await recordUndo({ kind: 'clear', site: charter.site, cookies: targets });
  const { removed, result } = await removeCookies(targets, cookies, () => readSiteCookies(url));
  await updateUndo(entry.id, removed);
  return removed.length ? { ...result, undoId: entry.id } : result;
}
