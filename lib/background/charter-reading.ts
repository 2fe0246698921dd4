import { charterIsStale } from '../charter/choose';
import { charterRecord, forgetAttempt, recordAttempt, recordFailure, recordReading } from '../charter/records';
import { scopeToSite } from '../charter/scope';
import { validateReading } from '../charter/validate';
import { probeTab, readCharterInTab } from '../page/inject';
import { coverageOf, type Coverage } from '../portals/coverage';
import { stillOnSite, webAddress } from '../portals/tab';
import { said, saidOf } from '../i18n/said';

/**
 * Reading a covered site's published charter. The page script fetches and parses it in one of the
 * site's tabs (lib/page/charter.ts); what comes back is untrusted, checked here, then kept with
 * its date (lib/charter/records.ts). Read when due — a day after the last reading, or after the
 * back-off that follows failures (`charterIsStale`) — whether a tab of the site loads or the
 * visitor opens Témoin on it; and whenever the visitor asks « Relire la charte ».
 */

/** How a reading ended: kept (read or failed), not due, or its page went away before answering. */
type Outcome = 'kept' | 'not due' | 'page gone';

/** The reading under way per site: whoever else asks waits for it rather than starting another. */
const underWay = new Map<string, Promise<Outcome>>();

export function charterReadingUnderWay(site: string): boolean {
  return underWay.has(site);
}

/**
 * Reads the site's charter in the tab: `when-due` only when it is due, `now` at the visitor's
 * request. Resolves once the reading is kept; rejects only when it could not be kept (storage).
 */
export async function readCharter(tabId: number, coverage: Coverage, when: 'when-due' | 'now'): Promise<void> {
  const joined = underWay.get(coverage.site);
  // The reading this one waited for lost its page (a tab closed or gone elsewhere): this tab reads.
  if (joined && (await joined) !== 'page gone') return;
  if (joined && underWay.has(coverage.site)) {
    await underWay.get(coverage.site);
    return;
  }
  const reading = read(tabId, coverage, when).finally(() => underWay.delete(coverage.site));
  underWay.set(coverage.site, reading);
  await reading;
}

async function read(tabId: number, { site, bundled }: Coverage, when: 'when-due' | 'now'): Promise<Outcome> {
  if (when === 'when-due' && !charterIsStale(await charterRecord(site), Date.now())) return 'not due';
  // Until it is recorded as read or failed, no other reading starts, even after the background stopped.
  await recordAttempt(site);
  let answer = await readCharterInTab(tabId, site);
  // No answer and not late: the page went away (the visitor followed a link, closed the tab).
  // Still on the site, its next page is asked once; elsewhere, nothing is recorded.
  if (!answer.ok && !answer.late) {
    if (!(await stillOnSite(tabId, site))) {
      await forgetAttempt(site);
      return 'page gone';
    }
    answer = await readCharterInTab(tabId, site);
  }
  if (!answer.ok) {
    await recordFailure(site, answer.late ? said('error.charter.late') : said('error.charter.unread'));
    return 'kept';
  }
  let reading: ReturnType<typeof validateReading>;
  try {
    reading = validateReading(answer.value, site);
  } catch (error) {
    await recordFailure(site, saidOf(error));
    return 'kept';
  }
  if ('failure' in reading) await recordFailure(site, reading.failure.reason, reading.failure.url);
  else await recordReading(site, bundled, scopeToSite(reading.charter), reading.warnings);
  return 'kept';
}

/**
 * A tab finished loading: when its site is covered and the charter due, it is read there, so
 * that the popup finds it fresh. A page that cannot run the page script (a file the browser
 * shows itself) is no failed reading: the next page of the site will do.
 */
export async function readCharterIfDue(tabId: number, url: string | undefined): Promise<void> {
  const address = webAddress(url);
  if (!address) return;
  const coverage = await coverageOf(address.hostname);
  if (!coverage || underWay.has(coverage.site)) return;
  if (!charterIsStale(await charterRecord(coverage.site), Date.now())) return;
  if (!(await probeTab(tabId))) return;
  await readCharter(tabId, coverage, 'when-due');
}
