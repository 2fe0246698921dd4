import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { settings } from '@/lib/actions/keep-names';
import { undo } from '@/lib/actions/undo';
import { MemoryCookies } from './support/memory-cookies';

const charterNames = ['sessionid', 'csrftoken', 'django_language', 'cookies_preferences'];

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
    expirationDate: fc.option(fc.integer({ min: 1_900_000_000, max: 2_100_000_000 }), { nil: undefined }),
    partitioned: fc.boolean(),
    storeId: fc.constantFrom('0', '1'),
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
  it('never removes a cookie the charter declares necessary, and undo restores the jar exactly', async () => {
    await fc.assert(
      fc.asyncProperty(arbJar, fc.subarray(['_ga', '_pk_id.1.a', '']), async (cookies, keepNames) => {
        fakeBrowser.reset();
        const jar = new MemoryCookies(cookies).install();
        await settings.setValue({ keepNames });
        const before = byKey(jar.jar);
        const preview = await previewClear(issyCharter);
        const result = await clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id));

        for (const c of before) {
          const necessary = charterNames.includes(c.name);
          const kept = keepNames.includes(c.name);
          const still = jar.jar.some((j) => cookieKey(j) === cookieKey(c) && j.value === c.value);
          if (necessary || kept) expect(still).toBe(true);
        }
        if (result.undoId) await undo(result.undoId, 0);
        expect(byKey(jar.jar)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
