/**
 * Whatever the charter says and whatever the jar holds, clearing with the preview's defaults
 * removes exactly what the charter calls non-essential or does not declare (the Opendatasoft
 * platform's own cookies aside), in the one store asked, and undo brings back exactly that; no
 * request, even one naming every cookie, removes a cookie declared necessary; and ticking a
 * kept cookie removes that cookie and no other.
 *
 * The charters overlap on purpose: a name declared exactly and matched by a prefix, nested
 * prefixes, the same name in two entries, entries with several names, entries scoped to other
 * domains. What each cookie is declared as is computed here from the precedence rules (exact
 * name, then the longest prefix, each only on the domains its entry covers), without the
 * matcher. The jars mix HttpOnly, session, SameSite=Strict and partitioned cookies, copies of
 * one name under several domains and paths (a removal may take them along), and three stores.
 * Each property counts the dangerous cases it met and fails if it met too few.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATEGORIES, type Charter, type CharterEntry, type NamePattern } from '@/lib/charter/model';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { undo } from '@/lib/actions/undo';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { PLATFORM_COOKIES } from '@/lib/cookies/platform';
import { settings } from '@/lib/actions/keep-names';
import { MemoryCookies } from '../support/memory-cookies';

const PLATFORM = [...PLATFORM_COOKIES];
/** Exact names, some also matched by a prefix below (`trk_session` by `trk_`, `_pk_id` by `_pk_`). */
const EXACT = [...PLATFORM, '_ga', 'theme', 'trk_session', '_pk_id'];
/** Nested prefixes (`_p`, `_pk_`, `_pk_id`), and prefixes that reach exact names and platform cookies. */
const PREFIXES = ['_p', '_pk_', '_pk_id', 'trk_', '_g', 'cookies_'];
const SUFFIXES = ['', '1', '.1.a', 'session', 'id'];
/** Clearing works in one store: ordinary browsing, Chromium's incognito, a Firefox container. */
const STORES = ['0', '1', 'firefox-container-1'];
const SITE_DOMAIN = 'issy.com';

const arbPattern: fc.Arbitrary<NamePattern> = fc.oneof(
  fc.constantFrom(...EXACT).map((exact) => ({ exact })),
  fc.constantFrom(...PREFIXES).map((prefix) => ({ prefix })),
);

const arbEntry: fc.Arbitrary<CharterEntry> = fc
  .record({
    names: fc.array(arbPattern, { minLength: 1, maxLength: 3 }),
    // Necessary more often than the others: it is what must never go.
    category: fc.oneof(fc.constant('necessary' as const), fc.constantFrom(...CATEGORIES)),
    domains: fc.constantFrom<string[] | undefined>(undefined, [SITE_DOMAIN], ['autre-site.fr'], ['autre-site.fr', SITE_DOMAIN]),
  })
  .map(({ names, category, domains }) => ({
    provider: 'Un prestataire',
    names,
    purpose: 'Une finalité',
    category,
    ...(domains && { domains }),
  }));

const arbCharter: fc.Arbitrary<Charter> = fc.array(arbEntry, { minLength: 1, maxLength: 8 }).map((entries) => ({
  site: 'data.issy.com',
  url: 'https://data.issy.com/terms/cookies-policy/',
  source: 'live',
  fetchedAt: '2026-12-01T10:00:00Z',
  entries,
}));

const arbName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXACT) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...SUFFIXES)).map(([p, rest]) => p + rest) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/) },
);

const WHERE = [
  { domain: 'data.issy.com', hostOnly: true },
  { domain: '.issy.com', hostOnly: false },
  { domain: '.data.issy.com', hostOnly: false },
];

const arbCookie: fc.Arbitrary<StoredCookie> = fc
  .record({
    name: arbName,
    where: fc.constantFrom(...WHERE),
    path: fc.constantFrom('/', '/explore'),
    partitioned: fc.boolean(),
    httpOnly: fc.boolean(),
    sameSite: fc.constantFrom('lax', 'strict', 'unspecified'),
    // Half of them expire before the undo made at UNDO_LATE.
    expirationDate: fc.option(fc.integer({ min: 1_950_000_000, max: 2_050_000_000 }), { nil: undefined, freq: 3 }),
    storeId: fc.constantFrom(...STORES),
  })
  .map(({ name, where, path, partitioned, httpOnly, sameSite, expirationDate, storeId }) => {
    const c: StoredCookie = {
      name,
      value: `${name}-v`,
      ...where,
      path,
      secure: partitioned,
      httpOnly,
      sameSite: partitioned ? 'no_restriction' : sameSite,
      session: expirationDate === undefined,
      storeId,
    };
    if (expirationDate !== undefined) c.expirationDate = expirationDate;
    if (partitioned) c.partitionKey = { topLevelSite: 'https://issy.com' };
    return c;
  });

/** Cookies, and copies of some of them under another domain or path: what one removal may take along. */
const arbJar: fc.Arbitrary<StoredCookie[]> = fc
  .tuple(
    fc.array(arbCookie, { minLength: 3, maxLength: 20 }),
    fc.array(fc.record({ of: fc.nat(), where: fc.constantFrom(...WHERE), path: fc.constantFrom('/', '/explore') }), { maxLength: 6 }),
  )
  .map(([cookies, copies]) => {
    const all = [...cookies, ...copies.map(({ of, where, path }) => ({ ...cookies[of % cookies.length]!, ...where, path, value: 'copie' }))];
    return [...new Map(all.map((c) => [cookieKey(c), c])).values()];
  });
const UNDO_LATE = 2_000_000_000;

/**
 * The entry that declares a name on the site's domain, by the rules alone: an exact name (the
 * first entry that has it), else the longest prefix (the first entry among equals); an entry
 * with `domains` declares only on those.
 */
function declaredEntry(charter: Charter, name: string): CharterEntry | undefined {
  const inScope = (e: CharterEntry) => e.domains === undefined || e.domains.includes(SITE_DOMAIN);
  const exact = charter.entries.find((e) => inScope(e) && e.names.some((p) => 'exact' in p && p.exact === name));
  if (exact) return exact;
  let best: CharterEntry | undefined;
  let length = -1;
  for (const e of charter.entries.filter(inScope)) {
    for (const p of e.names) {
      if ('prefix' in p && name.startsWith(p.prefix) && p.prefix.length > length) [best, length] = [e, p.prefix.length];
    }
  }
  return best;
}

/** Ticked in the preview: declared non-essential, or not declared and not a platform cookie. */
function tickedByDefault(charter: Charter, name: string): boolean {
  const category = declaredEntry(charter, name)?.category;
  if (category === undefined) return !PLATFORM.includes(name);
  return category !== 'necessary' && category !== 'unclear';
}

const isNecessary = (charter: Charter, name: string) => declaredEntry(charter, name)?.category === 'necessary';

/** Does the name meet declarations that would decide otherwise, so that only precedence settles it? */
function contested(charter: Charter, name: string): boolean {
  const matching = charter.entries.filter(
    (e) =>
      (e.domains === undefined || e.domains.includes(SITE_DOMAIN)) &&
      e.names.some((p) => ('exact' in p ? p.exact === name : name.startsWith(p.prefix))),
  );
  const protects = (e: CharterEntry) => e.category === 'necessary' || e.category === 'unclear';
  return matching.some(protects) && matching.some((e) => !protects(e));
}

const keys = (cookies: StoredCookie[]) => cookies.map(cookieKey).sort();
const sorted = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));
const expired = (c: StoredCookie, at: number) => !c.session && c.expirationDate !== undefined && c.expirationDate <= at;
const ref = (c: StoredCookie) => ({ name: c.name, domain: c.domain, path: c.path, ...(c.partitionKey && { partition: c.partitionKey.topLevelSite }) });
const byRef = (a: { name: string; domain: string; path: string }, b: typeof a) => JSON.stringify(a).localeCompare(JSON.stringify(b));

function setUp(cookies: StoredCookie[]) {
  fakeBrowser.reset();
  const jar = new MemoryCookies(cookies);
  for (const store of STORES) jar.stores.add(store);
  // Undo writes into a Firefox container only while it exists.
  Object.assign(fakeBrowser, { contextualIdentities: { query: async () => [{ cookieStoreId: 'firefox-container-1', name: 'Travail' }] } });
  return jar.install();
}

/** How often each dangerous case was met, by property; checked once the property has run. */
const met: Record<string, Record<string, number>> = {};
function count(property: string, what: string, yes: boolean) {
  met[property] ??= {};
  met[property][what] = (met[property][what] ?? 0) + Number(yes);
}
function expectMet(property: string, minimums: Record<string, number>) {
  for (const [what, minimum] of Object.entries(minimums)) {
    expect(met[property]?.[what] ?? 0, `${property}: runs with ${what}`).toBeGreaterThanOrEqual(minimum);
  }
}
afterAll(() => console.info('[clear-safety-properties] cases met', JSON.stringify(met)));

describe('clearing, whatever the charter says', () => {
  it('with the defaults, removes exactly what the charter does not protect, in the store asked, and undo restores exactly that', async () => {
    const name = 'defaults';
    await fc.assert(
      fc.asyncProperty(arbCharter, arbJar, fc.constantFrom(...STORES), fc.constantFrom(0, UNDO_LATE), async (charter, cookies, store, undoAt) => {
        const jar = setUp(cookies);
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter, store);
        const result = await clearNonEssential(charter, preview.toDelete.map((c) => c.id), store);

        const gone = cookies.filter((c) => c.storeId === store && tickedByDefault(charter, c.name));
        expect(keys(jar.jar)).toEqual(keys(cookies.filter((c) => !gone.includes(c))));
        expect([...result.done].sort(byRef)).toEqual(gone.map(ref).sort(byRef));
        expect(result.failed).toEqual([]);
        expect(result.undoId !== undefined).toBe(gone.length > 0);

        const inStore = cookies.filter((c) => c.storeId === store);
        count(name, 'a name only precedence settles', inStore.some((c) => contested(charter, c.name)));
        count(name, 'a necessary cookie no other rule keeps', inStore.some((c) => isNecessary(charter, c.name) && !PLATFORM.includes(c.name)));
        count(name, 'an HttpOnly cookie removed', gone.some((c) => c.httpOnly));
        count(name, 'a session cookie removed', gone.some((c) => c.session));
        count(name, 'a SameSite=Strict cookie removed', gone.some((c) => c.sameSite === 'strict'));
        count(name, 'a partitioned cookie removed', gone.some((c) => c.partitionKey));
        count(name, 'a cookie removed from another store than the default', gone.some((c) => c.storeId !== '0'));
        count(name, 'a cookie expired before the undo', gone.some((c) => expired(c, undoAt)));
        if (!result.undoId) return;

        const undone = await undo(result.undoId, undoAt);
        const late = gone.filter((c) => expired(c, undoAt));
        // Whole cookies: value, flags, expiry, partition and store as they were.
        expect(sorted(jar.jar)).toEqual(sorted(cookies.filter((c) => !late.includes(c))));
        expect([...undone.done].sort(byRef)).toEqual(gone.filter((c) => !late.includes(c)).map(ref).sort(byRef));
        expect([...undone.failed].sort((a, b) => byRef(a.cookie, b.cookie))).toEqual(
          late.map((c) => ({ cookie: ref(c), reason: 'arrivé à expiration entre-temps' })).sort((a, b) => byRef(a.cookie, b.cookie)),
        );
      }),
      { numRuns: 200 },
    );
    expectMet(name, {
      'a name only precedence settles': 15,
      'a necessary cookie no other rule keeps': 40,
      'an HttpOnly cookie removed': 50,
      'a session cookie removed': 40,
      'a SameSite=Strict cookie removed': 15,
      'a partitioned cookie removed': 50,
      'a cookie removed from another store than the default': 50,
      'a cookie expired before the undo': 15,
    });
  });

  it('deletes no cookie declared necessary even when asked for every cookie, and every other one', async () => {
    const name = 'every';
    await fc.assert(
      fc.asyncProperty(arbCharter, arbJar, fc.constantFrom(...STORES), async (charter, cookies, store) => {
        const jar = setUp(cookies);
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter, store);
        const every = [...preview.toDelete, ...preview.kept.map((k) => k.cookie)].map((c) => c.id);
        await clearNonEssential(charter, every, store);
        const gone = cookies.filter((c) => c.storeId === store && !isNecessary(charter, c.name));
        expect(keys(jar.jar)).toEqual(keys(cookies.filter((c) => !gone.includes(c))));
        count(name, 'a necessary cookie', cookies.some((c) => c.storeId === store && isNecessary(charter, c.name)));
        count(name, 'a name only precedence settles', cookies.some((c) => c.storeId === store && contested(charter, c.name)));
      }),
      { numRuns: 150 },
    );
    expectMet(name, { 'a necessary cookie': 30, 'a name only precedence settles': 12 });
  });

  it('deletes what the visitor ticks, among the kept cookies too, and only that', async () => {
    const name = 'ticked';
    await fc.assert(
      fc.asyncProperty(arbCharter, arbJar, fc.constantFrom(...STORES), fc.infiniteStream(fc.boolean()), async (charter, cookies, store, coin) => {
        const jar = setUp(cookies);
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter, store);
        const tickable = [...preview.toDelete, ...preview.kept.filter((k) => k.reason !== 'necessary').map((k) => k.cookie)];
        const ticked = tickable.filter(() => coin.next().value);
        const result = await clearNonEssential(charter, ticked.map((c) => c.id), store);
        const gone = cookies.filter((c) => !jar.jar.some((j) => cookieKey(j) === cookieKey(c)));
        // Cookie by cookie, not name by name: a copy of the name that a removal took along is back.
        expect(keys(gone)).toEqual(ticked.map((c) => c.id).sort());
        count(name, 'a kept cookie ticked', ticked.some((c) => preview.kept.some((k) => k.cookie.id === c.id)));
        count(name, 'a cookie taken along and put back', (result.kept ?? []).length > 0);
      }),
      { numRuns: 150 },
    );
    expectMet(name, { 'a kept cookie ticked': 15, 'a cookie taken along and put back': 6 });
  });
});
