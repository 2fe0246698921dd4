import { charterCandidates, type FetchedPage } from '../charter/fetch-page';
import { recordAttempt, recordFailure, recordReading } from '../charter/records';
import { validateCharter } from '../charter/validate';
import type { CharterReading } from '../protocol';
import { coverageOf } from './coverage';
import { fetchCharterInTab, probeTab } from '../page/inject';
import { coveredPage } from './get-report';

/** Fetches the published charter page of a tab's portal, for an extension page to parse. */
export async function fetchCharterPage(tabId: number): Promise<{ site: string; page: FetchedPage }> {
  const { url, coverage } = await coveredPage(tabId);
  if (!url || !coverage) throw new Error('Témoin ne couvre pas le site de cet onglet.');
  const probe = await probeTab(tabId);
  const candidates = charterCandidates(url.href, probe?.charterLinks ?? [], probe?.lang ?? '');
  // Until it is recorded as read or failed, the next openings do not start another reading.
  await recordAttempt(coverage.site);
  return { site: coverage.site, page: await fetchCharterInTab(tabId, candidates) };
}

/** Keeps what an extension page read of a charter: the charter, or why it could not be read. */
export async function recordCharterReading(reading: CharterReading): Promise<void> {
  const coverage = await coverageOf(reading.site);
  if (!coverage) throw new Error(`Témoin ne couvre pas ${reading.site}.`);
  if ('failure' in reading) {
    await recordFailure(coverage.site, reading.failure.reason, reading.failure.url);
  } else {
    const charter = validateCharter(reading.charter, coverage.site);
    // Read on the portal itself, or it is not the charter « publiée sur le site ».
    if (new URL(charter.url).hostname !== coverage.site) throw new Error('charte invalide\u00a0: adresse d’un autre site');
    await recordReading(coverage.site, coverage.bundled, charter, reading.warnings.slice(0, 50).map((warning) => String(warning).slice(0, 500)));
  }
}
