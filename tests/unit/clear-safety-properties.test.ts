/**
 * Whatever the charter says and whatever the jar holds, clearing with the preview's defaults
 * leaves alone every cookie the charter declares necessary, every declared cookie whose category
 * the charter leaves unclear, and the Opendatasoft platform's own cookies; and no request, even
 * one naming every cookie, removes a cookie declared necessary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATEGORIES, type Category, type Charter, type NamePattern } from '@/lib/charter/model';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { PLATFORM_COOKIES } from '@/lib/page/opendatasoft';
import { settings } from '@/lib/actions/keep-names';
import { MemoryCookies } from './support/memory-cookies';

const PLATFORM = [...PLATFORM_COOKIES];
/** Names declared one by one; none starts with a prefix below, so each cookie has one declaration at most. */
const EXACT = [...PLATFORM, '_ga', '_gid', 'theme', 'lang', 'ab_test'];
const PREFIXES = ['_pk_', 'trk_', '_hj'];

const arbDeclaration = fc.record({
  pattern: fc.oneof(
    fc.constantFrom(...EXACT).map((exact): NamePattern => ({ exact })),
    fc.constantFrom(...PREFIXES).map((prefix): NamePattern => ({ prefix })),
  ),
  category: fc.constantFrom(...CATEGORIES),
});

const arbCharter: fc.Arbitrary<Charter> = fc
  .uniqueArray(arbDeclaration, { maxLength: 10, selector: (d) => JSON.stringify(d.pattern) })
  .map((declarations) => ({
    site: 'data.issy.com',
    url: 'https://data.issy.com/terms/cookies-policy/',
    source: 'live',
    fetchedAt: '2026-12-01T10:00:00Z',
    entries: declarations.map(({ pattern, category }) => ({
      provider: 'Un prestataire',
      names: [pattern],
      purpose: 'Une finalité',
      category,
    })),
  }));

const arbName = fc.oneof(
  fc.constantFrom(...EXACT),
  fc.tuple(fc.constantFrom(...PREFIXES), fc.stringMatching(/^[a-z0-9.]{0,6}$/)).map(([p, rest]) => p + rest),
  fc.stringMatching(/^[A-Za-z0-9_]{1,10}$/),
);

const arbCookie: fc.Arbitrary<StoredCookie> = fc
  .record({
    name: arbName,
    where: fc.constantFrom(
      { domain: 'data.issy.com', hostOnly: true },
      { domain: '.issy.com', hostOnly: false },
      { domain: '.data.issy.com', hostOnly: false },
    ),
    path: fc.constantFrom('/', '/explore'),
    partitioned: fc.boolean(),
  })
  .map(({ name, where, path, partitioned }) => ({
    name,
    value: `${name}-v`,
    ...where,
    path,
    secure: partitioned,
    httpOnly: false,
    sameSite: partitioned ? 'no_restriction' : 'lax',
    session: false,
    expirationDate: 1_900_000_000,
    storeId: '0',
    ...(partitioned && { partitionKey: { topLevelSite: 'https://issy.com' } }),
  }));

const arbJar = fc.uniqueArray(arbCookie, { maxLength: 20, selector: cookieKey });

/** What the charter declares for a name, read without the matcher. */
function declaredCategory(charter: Charter, name: string): Category | undefined {
  for (const entry of charter.entries) {
    const pattern = entry.names[0]!;
    if ('exact' in pattern ? pattern.exact === name : name.startsWith(pattern.prefix)) return entry.category;
  }
  return undefined;
}

/** What must survive a clearing made with the preview's defaults. */
function protectedByDefault(charter: Charter, name: string): boolean {
  const category = declaredCategory(charter, name);
  if (category === 'necessary' || category === 'unclear') return true;
  return PLATFORM.includes(name) && category === undefined;
}

const present = (jar: StoredCookie[], c: StoredCookie) => jar.some((j) => cookieKey(j) === cookieKey(c));

describe('clearing, whatever the charter says', () => {
  it('with the defaults, never deletes a necessary, an unclear or a platform cookie', async () => {
    await fc.assert(
      fc.asyncProperty(arbCharter, arbJar, async (charter, cookies) => {
        fakeBrowser.reset();
        const jar = new MemoryCookies(cookies).install();
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter);
        await clearNonEssential(charter, preview.toDelete.map((c) => c.id));
        for (const c of cookies) {
          if (protectedByDefault(charter, c.name)) expect(present(jar.jar, c), `${c.name} on ${c.domain}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deletes no cookie declared necessary even when asked for every cookie', async () => {
    await fc.assert(
      fc.asyncProperty(arbCharter, arbJar, async (charter, cookies) => {
        fakeBrowser.reset();
        const jar = new MemoryCookies(cookies).install();
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter);
        const every = [...preview.toDelete, ...preview.kept.map((k) => k.cookie)].map((c) => c.id);
        await clearNonEssential(charter, every);
        for (const c of cookies) {
          if (declaredCategory(charter, c.name) === 'necessary') expect(present(jar.jar, c), c.name).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deletes what the visitor ticks among the kept cookies, and only that', async () => {
    await fc.assert(
      fc.asyncProperty(arbCharter, arbJar, fc.infiniteStream(fc.boolean()), async (charter, cookies, coin) => {
        fakeBrowser.reset();
        const jar = new MemoryCookies(cookies).install();
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter);
        const tickable = preview.kept.filter((k) => k.reason !== 'necessary').map((k) => k.cookie);
        const ticked = tickable.filter(() => coin.next().value);
        await clearNonEssential(charter, ticked.map((c) => c.id));
        const gone = cookies.filter((c) => !present(jar.jar, c)).map((c) => c.name);
        // Removing a name may take its twins under the same name (see lib/actions/removal.ts): compare names.
        expect(new Set(gone)).toEqual(new Set(ticked.map((c) => c.cookie.name)));
      }),
      { numRuns: 150 },
    );
  });
});
