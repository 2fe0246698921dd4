/**
 * What the popup shows of a first-visit test, apart from the machinery that runs it (run.ts,
 * model.ts): kept light, since the popup loads it.
 */
import type { ClassifiedCookie } from '../audit/classify';

/** How long a test watches, in seconds. */
export const DURATIONS = [5, 10, 20, 30] as const;
export const DEFAULT_DURATION = 10;

/** The charter's verdict on one cookie, in words. */
export function verdictOf(c: ClassifiedCookie): string {
  if (!c.declared) return c.guess ? `non déclaré (probablement ${c.guess.provider})` : 'non déclaré';
  if (c.category === 'necessary') return 'déclaré, nécessaire';
  if (c.category === 'unclear') return 'déclaré, nécessité non précisée';
  return 'déclaré, non nécessaire';
}
