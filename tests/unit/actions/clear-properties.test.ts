import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { settings } from '@/lib/actions/keep-names';
import { undo } from '@/lib/actions/undo';
import { MemoryCookies } from '../support/memory-cookies';

const charterNames = ['sessionid', 'csrftoken', 'django_language', 'cookies_preferences'];
/** Ordinary browsing, Chromium's incognito store, a Firefox container. */
const STORES = ['0', '1', 'firefox-container-1'];
const late = (c: StoredCookie, at: number) => !c.session && c.expirationDate !== undefined && c.expirationDate <= at;

const arbCookie: fc.Arbitrary<StoredCookie> = fc
  .record({
    name: fc.oneof(fc.constantFrom(...charterNames, '_ga', '_pk_id.1.a'), fc.string({ maxLength: 12 })),
    value: fc.string({ unit: 'grapheme', maxLength: 40 }),
    where: fc.constantFrom(
      { domain: 'data.issy.com', hostOnly: true },
      { domain: '.issy.com', hostOnly: false },
      { domain: '.data.issy.com', hostOnly: false },
    ),
    path: fc.constantFrom('/', '/explore', '/explore/dataset'),
    secure: fc.boolean(),
    httpOnly: fc.boolean(),
    sameSite: fc.constantFrom('lax', 'strict', 'no_restriction', 'unspecified'),
    expirationDate: fc.option(fc.integer({ min: 1_900_000_000, max: 2_100_000_000 }), { nil: undefined, freq: 3 }),
    partitioned: fc.boolean(),
    storeId: fc.constantFrom(...STORES),
  })
  .map(({ where, partitioned, expirationDate, ...rest }) => {
    const c: StoredCookie = { ...rest, ...where, session: expirationDate === undefined, storeId: rest.storeId };
    if (expirationDate !== undefined) c.expirationDate = expirationDate;
    if (partitioned) c.partitionKey = { topLevelSite: 'https://issy.com' };
    return c;
  });

const arbJar = fc.uniqueArray(arbCookie, { maxLength: 25, selector: cookieKey });
const byKey = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));

describe('clearing, whatever the jar holds', () => {
  it('removes exactly what may go from the store asked, never a necessary or kept cookie, and undo restores the jar exactly', async () => {
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(
        arbJar,
        fc.subarray(['_ga', '_pk_id.1.a', '']),
        fc.constantFrom(...STORES),
        fc.boolean(),
        fc.constantFrom(0, 2_000_000_000),
        async (cookies, keepNames, store, everything, undoAt) => {
          fakeBrowser.reset();
          const jar = new MemoryCookies(cookies).install();
          for (const id of STORES) jar.stores.add(id);
          Object.assign(fakeBrowser, { contextualIdentities: { query: async () => [{ cookieStoreId: 'firefox-container-1', name: 'Travail' }] } });
          await settings.setValue({ keepNames });
          const before = byKey(jar.jar);
          const preview = await previewClear(issyCharter, store);
          // The preview's defaults, or every cookie of the store, necessary ones included.
          const ids = [...preview.toDelete, ...(everything ? preview.kept.map((k) => k.cookie) : [])].map((c) => c.id);
          const result = await clearNonEssential(issyCharter, ids, store);

          const necessary = (c: StoredCookie) => charterNames.includes(c.name);
          const gone = before.filter((c) => c.storeId === store && !necessary(c) && (everything || !keepNames.includes(c.name)));
          expect(byKey(jar.jar)).toEqual(before.filter((c) => !gone.includes(c)));
          asked += Number(everything && before.some((c) => c.storeId === store && necessary(c)));

          if (result.undoId) await undo(result.undoId, undoAt);
          expect(byKey(jar.jar)).toEqual(before.filter((c) => !(gone.includes(c) && late(c, undoAt))));
        },
      ),
      { numRuns: 150 },
    );
    // Runs where every cookie was asked for while the store held a necessary one: the plan's own rule decides.
    expect(asked).toBeGreaterThanOrEqual(15);
  });
});
