import { isNecessary, type ClassifiedCookie } from './classify';

export interface ClearPlan {
  toDelete: ClassifiedCookie[];
  kept: { cookie: ClassifiedCookie; reason: 'necessary' | 'keep-list' }[];
}

/**
 * Which cookies « Supprimer les cookies non essentiels » removes: every cookie the charter does
 * not declare necessary, except the names the visitor always keeps.
 */
export function planClear(cookies: ClassifiedCookie[], keepNames: readonly string[]): ClearPlan {
  const keep = new Set(keepNames);
  const plan: ClearPlan = { toDelete: [], kept: [] };
  for (const cookie of cookies) {
    if (isNecessary(cookie)) plan.kept.push({ cookie, reason: 'necessary' });
    else if (keep.has(cookie.cookie.name)) plan.kept.push({ cookie, reason: 'keep-list' });
    else plan.toDelete.push(cookie);
  }
  return plan;
}
