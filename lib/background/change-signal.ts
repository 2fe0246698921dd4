import type { StoredCookie } from '../cookies/model';
import { changesItem } from '../changes';

/**
 * Tells the pages that cookies changed (lib/changes.ts): `cookies` for a burst the browser
 * reported, `null` after Témoin's own changes; `command` when a page's command made them.
 * Each domain and partition is named once. A signal the browser cannot write is lost: the
 * page shows what it read last, and reads again at the next one.
 */
export async function signalChanges(cookies: Pick<StoredCookie, 'domain' | 'partitionKey'>[] | null, command = false): Promise<void> {
  const named =
    cookies &&
    [...new Map(cookies.map((c) => [JSON.stringify([c.domain, c.partitionKey?.topLevelSite ?? '']), c])).values()].map(({ domain, partitionKey }) => ({
      domain,
      ...(partitionKey && { partitionKey }),
    }));
  await changesItem.setValue({ id: crypto.randomUUID(), cookies: named, command }).catch(() => {});
}
