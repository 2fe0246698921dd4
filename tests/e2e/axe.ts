import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/** axe-core, pinned in package.json, run inside the page as an auditor's browser extension would. */
const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 A and AA (RGAA 4.1 follows WCAG 2.1 AA), and Deque's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A rule axe reports, with each element it concerns, readable in a test failure. */
export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeResults {
  violations: Finding[];
  incomplete: Finding[];
  /** Runs it took to see the page hold still (see `axeResults`). */
  runs: number;
}

/**
 * What axe finds in the page as it is now: `violations`, and `incomplete`, the checks it could
 * not decide alone (a contrast over an image, say), which a person must review. A run during
 * which elements came or went (the popup redrawing its report as cookies change) judged a page
 * that no longer exists, and leaves checks undecided for that alone (« Unable to determine
 * previous heading »): axe runs again, up to five times, until the page held still.
 */
export async function axeResults(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(() => typeof (window as any).axe === 'object');
  if (!loaded) await page.evaluate(source);
  return page.evaluate(async (tags) => {
    const axe = (window as any).axe;
    const readable = (found: any[]) =>
      found.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    for (let runs = 1; ; runs++) {
      // Elements added or removed only: a progress bar's value or a counter's text may change.
      const observer = new MutationObserver(() => {});
      observer.observe(document, { childList: true, subtree: true });
      const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
      const moved = observer.takeRecords().length > 0;
      observer.disconnect();
      if (!moved || runs === 5) return { violations: readable(results.violations), incomplete: readable(results.incomplete), runs };
    }
  }, AXE_TAGS) as Promise<AxeResults>;
}

/** Every violation axe finds in the page as it is now. */
export async function axeViolations(page: Page): Promise<Finding[]> {
  return (await axeResults(page)).violations;
}
