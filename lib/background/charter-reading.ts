import { charterCandidates, type FetchedPage } from '../charter/fetch-page';
import { recordFailure, recordReading } from '../charter/records';
import { validateCharter } from '../charter/validate';
import type { CharterReading } from '../messaging';
import { coverageOf } from '../portals';
import { fetchCharterInTab, probeTab } from '../tab-probe';
import { coveredPage } from './get-report';

/** The largest charter page Témoin reads; past it, the rest is left out with a warning. */
export const MAX_CHARTER_BYTES = 5 * 1024 * 1024;

/** Fetches the published charter page of a tab's portal, for an extension page to parse. */
export async function fetchCharterPage(tabId: number): Promise<{ site: string; page: FetchedPage }> {
  const { url, coverage } = await coveredPage(tabId);
  if (!url || !coverage) throw new Error('Témoin ne couvre pas le site de cet onglet.');
  const probe = await probeTab(tabId);
  const candidates = charterCandidates(url.href, probe?.charterLinks ?? [], probe?.lang ?? '');
  return { site: coverage.site, page: await fetchCharterInTab(tabId, candidates, MAX_CHARTER_BYTES) };
}

/** Keeps what an extension page read of a charter: the charter, or why it could not be read. */
export async function recordCharterReading(reading: CharterReading): Promise<void> {
  const coverage = await coverageOf(reading.site);
  if (!coverage) throw new Error(`Témoin ne couvre pas ${reading.site}.`);
  if ('failure' in reading) {
    await recordFailure(coverage.site, reading.failure.reason, reading.failure.url);
  } else {
    const charter = validateCharter(reading.charter, coverage.site);
    await recordReading(coverage.site, coverage.bundled, charter, reading.warnings.slice(0, 50).map(String));
  }
}
