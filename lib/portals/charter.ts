import { chooseCharter } from '../charter/choose';
import type { Charter } from '../charter/model';
import { charterRecord } from '../charter/records';
import type { Coverage } from './coverage';
import { coverageOf } from './coverage';
import { said, SaidError } from '../i18n/said';

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
  if (!coverage) throw new SaidError(said('error.notCovered', site));
  const { charter, status } = await chosenCharter(coverage);
  if (status.used === 'none') {
    // Kept as data by an automatic clearing's journal, said in the language of the moment it is read.
    throw new SaidError(said('error.charter.none', site, status.why));
  }
  return charter;
}
