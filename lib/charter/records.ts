import { storage } from 'wxt/utils/storage';
import type { CharterRecord } from './choose';
import { diffCharters, hasChanges } from './diff';
import type { Charter } from './model';

/** Per site, what Témoin last read of its published charter. */
export const charterRecords = storage.defineItem<Record<string, CharterRecord>>('local:charters', {
  fallback: {},
  version: 2,
  migrations: {
    // Version 1 read a table with no category heading as « internes » (first-party), which
    // clearing then deleted: readings of that parser are dropped and made again when due.
    2: () => ({}),
  },
});

export async function charterRecord(site: string): Promise<CharterRecord | undefined> {
  return (await charterRecords.getValue())[site];
}

async function update(site: string, change: (record: CharterRecord | undefined) => CharterRecord | undefined) {
  const records = await charterRecords.getValue();
  const next = change(records[site]);
  const { [site]: _old, ...others } = records;
  await charterRecords.setValue(next ? { ...others, [site]: next } : others);
}

/**
 * Keeps a successful reading. What changed is measured against the previous reading, or the
 * bundled copy at the first one; a reading that changes nothing keeps the last change on show.
 */
export async function recordReading(site: string, bundled: Charter | undefined, charter: Charter, warnings: string[]) {
  await update(site, (record) => {
    const previous = record?.live ?? bundled;
    const diff = previous && diffCharters(previous, charter);
    const changes =
      diff && hasChanges(diff)
        ? { ...diff, since: record?.live ? ('previous' as const) : ('bundled' as const), at: charter.fetchedAt }
        : record?.changes;
    return { live: charter, warnings, ...(changes && { changes }) };
  });
}

export async function recordFailure(site: string, reason: string, url?: string) {
  await update(site, (record) => {
    const { attempt: _attempt, ...rest } = record ?? { warnings: [] };
    const count = (record?.failure?.count ?? (record?.failure ? 1 : 0)) + 1;
    return { ...rest, failure: { at: new Date().toISOString(), reason, ...(url && { url }), count } };
  });
}

/** A reading starts: until it ends, the next openings do not start another (see `charterIsStale`). */
export async function recordAttempt(site: string) {
  await update(site, (record) => ({ warnings: [], ...record, attempt: new Date().toISOString() }));
}

export async function forgetCharter(site: string) {
  await update(site, () => undefined);
}
