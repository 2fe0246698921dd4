import { isDeclaredNonEssential, isNecessary, type ClassifiedCookie } from '../audit/classify';
import { bareDomain } from '../cookies/model';
import { isPlatformCookie } from '../cookies/platform';
import { registrableDomain } from '../cookies/site';

/**
 * Why clearing leaves a cookie alone by default. Only `necessary` is final; the visitor may tick
 * the others in the preview.
 */
export type KeepReason = 'necessary' | 'keep-list' | 'platform' | 'unclear';

export interface ClearPlan {
  /** Ticked in the preview: the charter calls them not necessary, or does not declare them. */
  toDelete: ClassifiedCookie[];
  /** Left alone unless the visitor ticks them (never for `necessary`). */
  kept: { cookie: ClassifiedCookie; reason: KeepReason }[];
}

/**
 * What « Supprimer les cookies non essentiels » offers to remove, cookie by cookie. Doubt keeps
 * a cookie: whatever the charter does not clearly call unnecessary stays unless the visitor says
 * otherwise, because a misread category must never log the visitor out or forget their choice.
 * - necessary according to the charter: kept, and not offered;
 * - on the visitor's keep list: kept;
 * - an Opendatasoft platform cookie of the portal's own domain: kept, unless the charter says in
 *   so many words that it is not necessary;
 * - declared without a clear category: kept;
 * - declared not necessary, or not declared at all: ticked.
 */
export function planClear(cookies: ClassifiedCookie[], keepNames: readonly string[], host: string): ClearPlan {
  const keep = new Set(keepNames);
  const site = registrableDomain(host);
  const plan: ClearPlan = { toDelete: [], kept: [] };
  for (const cookie of cookies) {
    const reason = keepReason(cookie, keep, site);
    if (reason) plan.kept.push({ cookie, reason });
    else plan.toDelete.push(cookie);
  }
  return plan;
}

function keepReason(cookie: ClassifiedCookie, keep: ReadonlySet<string>, site: string): KeepReason | undefined {
  if (isNecessary(cookie)) return 'necessary';
  if (keep.has(cookie.cookie.name)) return 'keep-list';
  const ownDomain = registrableDomain(bareDomain(cookie.cookie.domain)) === site;
  if (ownDomain && isPlatformCookie(cookie.cookie.name) && !isDeclaredNonEssential(cookie)) return 'platform';
  if (cookie.category === 'unclear') return 'unclear';
  return undefined;
}

/** The ids a visitor may tick: every cookie but those the charter declares necessary. */
export function choosableIds(plan: ClearPlan): Set<string> {
  return new Set([
    ...plan.toDelete.map((c) => c.id),
    ...plan.kept.filter((k) => k.reason !== 'necessary').map((k) => k.cookie.id),
  ]);
}

