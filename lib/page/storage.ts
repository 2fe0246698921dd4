/**
 * A page's localStorage and sessionStorage, taken aside and put back by a first-visit test
 * (lib/first-visit/run.ts), at the background's request.
 */

/** Both storage areas of a page, key and value, in order. */
export type StorageEntries = { local: [string, string][]; session: [string, string][] };

/** Every entry of both areas, then both emptied: the page looks like a first visitor's. */
export function takePageStorage(): StorageEntries {
  const take = (area: Storage): [string, string][] => {
    const entries: [string, string][] = [];
    for (let i = 0; i < area.length; i++) {
      const key = area.key(i);
      if (key !== null) entries.push([key, area.getItem(key) ?? '']);
    }
    area.clear();
    return entries;
  };
  try {
    return { local: take(localStorage), session: take(sessionStorage) };
  } catch {
    return { local: [], session: [] }; // storage disabled for this page
  }
}

/** Both areas exactly as they were: what the test's page wrote is dropped. */
export function putPageStorage(entries: StorageEntries): boolean {
  try {
    localStorage.clear();
    sessionStorage.clear();
    for (const [key, value] of entries.local) localStorage.setItem(key, value);
    for (const [key, value] of entries.session) sessionStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The tab's sessionStorage alone, exactly as it was: a test ended while the visitor was away
 * from the portal puts it back when they return in the same tab (it belongs to that tab).
 */
export function putPageSessionStorage(entries: [string, string][]): boolean {
  try {
    sessionStorage.clear();
    for (const [key, value] of entries) sessionStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
