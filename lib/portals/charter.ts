import { chooseCharter } from '../charter/choose';
import type { Charter } from '../charter/model';
import { charterRecord } from '../charter/records';
import type { Coverage } from './coverage';
import { coverageOf } from './coverage';
import { t } from '../i18n/messages';
import { say } from '../i18n/said';

/** The charter a covered site is judged by now, and what it is (read, bundled copy, none); the record tells whether it is due. */
export async function chosenCharter(coverage: Pick<Coverage, 'site' | 'bundled'>) {
  const record = await charterRecord(coverage.site);
  return { ...chooseCharter(coverage.site, coverage.bundled, record), record };
}

/**
 * The charter clearing works from, manual or automatic. Without one read (a portal whose charter
 * was never read), nothing is cleared: every cookie would look non-essential, `sessionid` included.
 */
export async function charterFor(site: string): Promise<Charter> {
  const coverage = await coverageOf(site);
  if (!coverage) throw new Error(t('error.notCovered', site));
  const { charter, status } = await chosenCharter(coverage);
  if (status.used === 'none') {
    throw new Error(t('error.charter.none', site, say(status.why)));
  }
  return charter;
}
