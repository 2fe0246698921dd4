import { storage } from 'wxt/utils/storage';
import type { CharterRecord } from './choose';
import { diffCharters, hasChanges } from './diff';
import type { Charter } from './model';
import { written } from '../i18n/errors';
import { t } from '../i18n/messages';
import { said, type Words } from '../i18n/said';

/**
 * Room a kept reading may take (as JSON). A real charter takes a few kilobytes; a page inflated
 * to fill the browser's storage is not kept, so that no other save (the keep list, the portals)
 * can fail for lack of room.
 */
export const MAX_RECORD_CHARS = 256 * 1024;
/** Room all kept readings may take; past it, the oldest readings of other sites are dropped (read again when due). */
export const MAX_RECORDS_CHARS = 1024 * 1024;

const sizeOf = (record: CharterRecord) => JSON.stringify(record).length;
const latestDate = (record: CharterRecord) => record.failure?.at ?? record.attempt ?? record.live?.fetchedAt ?? '';

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
  const next = change(Object.hasOwn(records, site) ? records[site] : undefined);
  const { [site]: _old, ...others } = records;
  if (next) {
    // The oldest readings of other sites make room; the site being read keeps its own.
    let room = MAX_RECORDS_CHARS - sizeOf(next);
    const kept = Object.entries(others).sort(([, a], [, b]) => latestDate(b).localeCompare(latestDate(a)));
    for (const [other, record] of kept) {
      room -= sizeOf(record);
      if (room < 0) delete others[other];
    }
  }
  await written(charterRecords.setValue(next ? { ...others, [site]: next } : others), t('error.what.charter'));
}

/**
 * Keeps a successful reading. What changed is measured against the previous reading, or the
 * bundled copy at the first one; a reading that changes nothing keeps the last change on show.
 */
export async function recordReading(site: string, bundled: Charter | undefined, charter: Charter, warnings: Words[]) {
  const size = JSON.stringify(charter).length;
  if (size > MAX_RECORD_CHARS) {
    await recordFailure(site, said('error.charter.tooLargeToKeep', Math.round(size / 1024), MAX_RECORD_CHARS / 1024), charter.url);
    return;
  }
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

/**
 * Keeps a failed reading. Its reason is kept as data (lib/i18n/said.ts), said in the language
 * spoken when it is shown, whichever the visitor chose since; only a page's own text stays text.
 */
export async function recordFailure(site: string, reason: Words, url?: string) {
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

/** A reading ended with nothing to say (its page went away): the next page of the site reads again. */
export async function forgetAttempt(site: string) {
  await update(site, (record) => {
    if (!record) return undefined;
    const { attempt: _attempt, ...rest } = record;
    return rest.live || rest.failure || rest.changes ? rest : undefined;
  });
}

export async function forgetCharter(site: string) {
  await update(site, () => undefined);
}
