import { bareDomain, cookieKey, type StoredCookie } from '../cookies/model';
import { refOf, type CommandResult, type CookieRef } from './result';
import { reasonOf } from '../i18n/errors';
import { t } from '../i18n/messages';
import { cookiesNamed, removeCookie, setCookie, type Scheme } from '../cookies/jar';
import { domainMatches, pathMatches } from '../cookies/scope';
import { registrableDomain } from '../cookies/site';

/** Same store, same partition, same first-party domain: where one removal call can reach. */
function sameJar(a: StoredCookie, b: StoredCookie): boolean {
  return (
    a.storeId === b.storeId &&
    (a.partitionKey?.topLevelSite ?? '') === (b.partitionKey?.topLevelSite ?? '') &&
    (a.firstPartyDomain ?? '') === (b.firstPartyDomain ?? '')
  );
}

/**
 * Every cookie of `jar` that removing `target` may take with it. Browsers remove by URL: every
 * cookie of that name the URL would receive goes (Chromium), or the first of them (Firefox).
 * The URL is the target's own host and path, so a host-only `_ga` on issy.com is touched by
 * the removal of `_ga` with `Domain=issy.com`, and a cookie at `/` by the removal of the same
 * name at `/explore`. The target is part of it.
 */
export function touchedBy(target: StoredCookie, jar: readonly StoredCookie[], scheme: Scheme): StoredCookie[] {
  const host = bareDomain(target.domain);
  const secure = target.secure || scheme === 'https';
  return jar.filter(
    (c) =>
      c.name === target.name &&
      sameJar(c, target) &&
      (secure || !c.secure) &&
      domainMatches(host, c) &&
      pathMatches(target.path, c.path),
  );
}

export interface Removal {
  /** Every cookie that is gone, values and all, as it was: what undo restores. */
  removed: StoredCookie[];
  result: CommandResult;
}

/**
 * Removes each target, one by one, collecting failures instead of stopping at the first.
 * `jar` is the store's cookies of the whole registrable domain, as they were before. A cookie
 * nobody asked to remove that a removal takes along is put back at once, exactly as it was,
 * and the result says so; should the browser refuse to put it back, it counts as removed, so
 * undo keeps it. Reading the jar again afterwards (`readAfter`) tells exactly what vanished
 * among the cookies the removals could reach.
 */
export async function removeCookies(
  targets: StoredCookie[],
  jar: StoredCookie[],
  readAfter: () => Promise<StoredCookie[]>,
  scheme: Scheme = 'https',
): Promise<Removal> {
  const failed = new Map<string, string>();
  const putBack: { cookie: CookieRef; reason: string }[] = [];
  const asked = new Set(targets.map(cookieKey));
  for (const target of targets) {
    const touched = touchedBy(target, jar, scheme);
    const others = touched.filter((c) => !asked.has(cookieKey(c)));
    try {
      // Another target in reach counts too: Firefox may remove it first and leave this one.
      if (touched.length <= 1) await removeCookie(target, scheme);
      else await removeAmong(target, touched, scheme);
    } catch (error) {
      failed.set(cookieKey(target), reasonOf(error));
    }
    if (others.length === 0) continue;
    const now = new Set((await cookiesNamed(target.name, registrableDomain(bareDomain(target.domain)), target.storeId)).map(cookieKey));
    for (const other of others) {
      if (now.has(cookieKey(other))) continue;
      const what = t('clear.putBack', target.name, `${target.domain}${target.path}`);
      try {
        await setCookie(other, scheme);
        putBack.push({ cookie: refOf(other), reason: what });
      } catch (error) {
        putBack.push({
          cookie: refOf(other),
          reason: t('clear.notPutBack', target.name, reasonOf(error)),
        });
      }
    }
  }
  const remaining = new Set((await readAfter()).map(cookieKey));
  const reachable = new Map(targets.flatMap((t) => touchedBy(t, jar, scheme)).map((c) => [cookieKey(c), c]));
  for (const target of targets) reachable.set(cookieKey(target), target);
  const removed = [...reachable.values()].filter((c) => !remaining.has(cookieKey(c)));
  // What is gone is done, whatever the API answered; what remains has failed.
  const failures = targets
    .filter((target) => remaining.has(cookieKey(target)))
    .map((target) => ({
      cookie: refOf(target),
      reason: failed.get(cookieKey(target)) ?? t('clear.stillThere'),
    }));
  const result: CommandResult = { done: removed.map(refOf), failed: failures };
  if (putBack.length) result.kept = putBack;
  return { removed, result };
}

/**
 * Removes `target` when other cookies share its removal URL. Firefox removes the first cookie
 * the URL matches, which may be another: the removal is repeated until the target is gone (at
 * most once per cookie touched), and the caller puts back what went with it.
 */
async function removeAmong(target: StoredCookie, touched: StoredCookie[], scheme: Scheme): Promise<void> {
  const domain = registrableDomain(bareDomain(target.domain));
  const key = cookieKey(target);
  let left = touched.length;
  for (let tries = 0; tries < touched.length; tries++) {
    await removeCookie(target, scheme);
    const now = new Set((await cookiesNamed(target.name, domain, target.storeId)).map(cookieKey));
    if (!now.has(key)) return;
    const stillTouched = touched.filter((c) => now.has(cookieKey(c))).length;
    if (stillTouched >= left) return; // nothing went: the failure is reported by the caller
    left = stillTouched;
  }
}
