import type { StoredCookie } from '../cookies/model';
import { setCookie, type Scheme } from '../cookies/jar';
import { reasonOf } from '../i18n/errors';

export interface Recreation {
  done: StoredCookie[];
  /** In the order given; `expired` when it was not even tried. */
  failed: { cookie: StoredCookie; reason: string; expired: boolean }[];
  /** Left as they are, and why (`keep`). */
  kept: { cookie: StoredCookie; reason: string }[];
}

/**
 * Puts each cookie back exactly as it was, unless it expired meanwhile (`expired` says so in
 * French) or `keep` gives a reason to leave it; what the browser refuses is reported, never
 * thrown. What undo and the end of a first-visit test both do.
 */
export async function recreate(
  cookies: readonly StoredCookie[],
  scheme: Scheme,
  { nowSeconds, expired, keep }: { nowSeconds: number; expired: string; keep?: (cookie: StoredCookie) => string | undefined },
): Promise<Recreation> {
  const recreation: Recreation = { done: [], failed: [], kept: [] };
  for (const cookie of cookies) {
    if (!cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate <= nowSeconds) {
      recreation.failed.push({ cookie, reason: expired, expired: true });
      continue;
    }
    const reason = keep?.(cookie);
    if (reason !== undefined) {
      recreation.kept.push({ cookie, reason });
      continue;
    }
    try {
      await setCookie(cookie, scheme);
      recreation.done.push(cookie);
    } catch (error) {
      recreation.failed.push({ cookie, reason: reasonOf(error), expired: false });
    }
  }
  return recreation;
}
