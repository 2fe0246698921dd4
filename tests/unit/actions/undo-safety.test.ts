/**
 * What must never happen to a deletion or its undo: an action lost by two commands at once, a
 * cookie nobody was shown removed along with another, a restore through the wrong scheme or
 * over newer data, an interrupted clear that claims more than it did, an undo after the browser
 * closed that says nothing.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import type { Charter } from '@/lib/charter/model';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { unreachablePath } from '@/lib/cookies/jar';
import { resetPreferences } from '@/lib/actions/reset';
import { undoLog, undoRecords } from '@/lib/actions/undo-store';
import { undo } from '@/lib/actions/undo';
import { beginUndo, findUndo, lostUndo } from '@/lib/actions/undo-log';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

const sorted = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));
const refKey = (c: { name: string; domain: string; path: string }) => `${c.name} ${c.domain} ${c.path}`;
const issy = new URL('https://data.issy.com/');
const villeCharter: Charter = { ...issyCharter, site: 'opendata.ville-exemple.fr' };

function villeJar(): StoredCookie[] {
  const on = { domain: 'opendata.ville-exemple.fr' };
  return [
    cookie({ name: 'sessionid', ...on, httpOnly: true }),
    cookie({ name: 'csrftoken', ...on }),
    cookie({ name: 'cookies_preferences', ...on }),
    cookie({ name: '_ga', domain: '.ville-exemple.fr', hostOnly: false }),
    cookie({ name: '_ga_X1Y2Z3', domain: '.ville-exemple.fr', hostOnly: false }),
    cookie({ name: 'AWSALB', ...on }),
  ];
}

let jar: MemoryCookies;
beforeEach(() => {
  fakeBrowser.reset();
  jar = new MemoryCookies([...portalJar(), ...villeJar()]).install();
});

async function clearAll(charter: Charter, storeId?: string) {
  const preview = await previewClear(charter, storeId);
  return clearNonEssential(charter, preview.toDelete.map((c) => c.id), storeId);
}

describe('commands at once (one queue for the jar and the undo log)', () => {
  type Command = 'clear issy' | 'clear ville' | 'reset issy' | 'undo earlier';
  const session = fakeBrowser.storage.session;
  const original = { get: session.get, set: session.set };
  afterEach(() => Object.assign(session, original));

  it('loses no undo entry and restores the jars exactly, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.uniqueArray(fc.constantFrom<Command>('clear issy', 'clear ville', 'reset issy', 'undo earlier'), { minLength: 2, maxLength: 4 }),
        async (s, commands) => {
          fakeBrowser.reset();
          Object.assign(session, original);
          jar = new MemoryCookies([...portalJar(), ...villeJar()]).install();
          const initial = sorted(jar.jar);
          // Done beforehand: a reset on the other portal, undone while the others run.
          const earlier = await resetPreferences(new URL('https://opendata.ville-exemple.fr/'), '0', 7);
          const ids = {
            issy: (await previewClear(issyCharter)).toDelete.map((c) => c.id),
            ville: (await previewClear(villeCharter)).toDelete.map((c) => c.id),
          };
          // From here on, every call to the cookies API and to session storage waits for the scheduler.
          const direct = { getAll: jar.getAll, remove: jar.remove, set: jar.set };
          for (const method of ['getAll', 'remove', 'set'] as const) jar[method] = s.scheduleFunction(direct[method] as (d: object) => Promise<unknown>) as never;
          session.get = s.scheduleFunction(original.get) as never;
          session.set = s.scheduleFunction(original.set) as never;

          const run = (command: Command) => {
            switch (command) {
              case 'clear issy':
                return clearNonEssential(issyCharter, ids.issy);
              case 'clear ville':
                return clearNonEssential(villeCharter, ids.ville);
              case 'reset issy':
                return resetPreferences(issy, '0', 1);
              case 'undo earlier':
                return undo(earlier.undoId!);
            }
          };
          const results = await s.waitFor(Promise.all(commands.map(run)));
          Object.assign(session, original);
          Object.assign(jar, direct);

          for (const [i, command] of commands.entries()) {
            const result = results[i]!;
            if (command === 'undo earlier' || result.done.length === 0) continue;
            // Every removal has its entry, holding exactly what it removed.
            expect(result.undoId, command).toBeDefined();
            const entry = await findUndo(result.undoId!);
            expect(entry?.cookies.map(refKey).sort(), command).toEqual(result.done.map(refKey).sort());
          }
          // Undoing everything that is left brings back the jar as it was.
          for (const entry of await undoLog.getValue()) await undo(entry.id);
          expect(sorted(jar.jar)).toEqual(initial);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });
});

describe('a removal touches only what the visitor was shown', () => {
  const hostOnlyGa = cookie({ name: '_ga', domain: 'issy.com', value: 'issy-own' });

  it.each([
    ['Chromium, which removes every cookie the URL reaches', false],
    ['Firefox, which removes the first one', true],
  ])('keeps issy.com’s own _ga when _ga with Domain=issy.com is removed (%s)', async (_browser, firstOnly) => {
    jar.firstOnly = firstOnly;
    // The host-only one first: Firefox would remove it instead of the target.
    jar.jar.unshift(hostOnlyGa);
    const result = await clearAll(issyCharter);
    expect(result.done.map(refKey)).toContain('_ga .issy.com /');
    expect(jar.jar.filter((c) => c.name === '_ga' && c.domain.includes('issy'))).toEqual([hostOnlyGa]);
    expect(result.kept).toEqual([
      { cookie: { name: '_ga', domain: 'issy.com', path: '/' }, reason: 'touché par la suppression de _ga (.issy.com/), remis aussitôt' },
    ]);
    const entry = await findUndo(result.undoId!);
    expect(entry?.cookies.map(refKey)).not.toContain('_ga issy.com /');
  });

  it('keeps issy.com’s own consent record when the portal’s Domain=issy.com one is reset', async () => {
    const own = cookie({ name: 'cookies_preferences', domain: 'issy.com', value: 'issy-own' });
    jar.jar.push(cookie({ name: 'cookies_preferences', domain: '.issy.com', hostOnly: false }), own);
    const result = await resetPreferences(issy, '0', 1);
    expect(result.done.map(refKey).sort()).toEqual(['cookies_preferences .issy.com /', 'cookies_preferences data.issy.com /']);
    expect(jar.jar.filter((c) => c.name === 'cookies_preferences' && c.domain.includes('issy'))).toEqual([own]);
    expect(result.kept?.map((k) => refKey(k.cookie))).toEqual(['cookies_preferences issy.com /']);
  });
});

describe('undo is exact', () => {
  it('removes and recreates a non-Secure cookie of an HTTPS site through https://', async () => {
    const { undoId } = await clearAll(issyCharter);
    await undo(undoId!);
    expect(jar.urls.length).toBeGreaterThan(0);
    expect(jar.urls.filter((url) => !url.startsWith('https://'))).toEqual([]);
  });

  it('keeps the partition’s cross-site ancestor bit', async () => {
    jar.jar = jar.jar.map((c) => (c.partitionKey ? { ...c, partitionKey: { topLevelSite: 'https://issy.com', hasCrossSiteAncestor: true } } : c));
    const before = sorted(jar.jar);
    const { undoId } = await clearAll(issyCharter);
    await undo(undoId!);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('says exactly why Chromium cannot remove a cookie whose path it cannot address', async () => {
    jar.jar.push(cookie({ name: 'odd', path: '/a b' }), cookie({ name: 'odd2', path: '/carte?x' }), cookie({ name: 'odd3', path: '/é' }));
    const result = await clearAll(issyCharter);
    expect(result.failed.map((f) => [f.cookie.name, f.reason])).toEqual([
      ['odd', unreachablePath()],
      ['odd2', unreachablePath()],
      ['odd3', unreachablePath()],
    ]);
    expect(unreachablePath()).toContain('Chromium ne permet pas de le supprimer');
  });

  it('leaves a cookie the site set again since the deletion as it is, and names it', async () => {
    const { undoId } = await clearAll(issyCharter);
    await jar.set({ url: 'https://issy.com/', domain: 'issy.com', name: '_ga', value: 'newer', expirationDate: 1_900_000_000 });
    const result = await undo(undoId!);
    expect(jar.jar.find((c) => c.name === '_ga' && c.domain === '.issy.com')?.value).toBe('newer');
    expect(result.kept).toEqual([
      { cookie: { name: '_ga', domain: '.issy.com', path: '/' }, reason: 'déposé à nouveau par le site depuis la suppression\u00a0: laissé tel quel' },
    ]);
    expect(result.done.map((c) => c.name).sort()).toEqual(['_hjSessionUser_3141', 'ods_embed']);
  });
});

describe('an interrupted clear, and a restart', () => {
  it('says the undo is no longer possible once the browser was closed (session storage gone)', async () => {
    const { undoId } = await clearAll(issyCharter);
    const [record] = await undoRecords.getValue();
    expect(record).toMatchObject({ id: undoId, kind: 'clear', site: 'data.issy.com', count: 3 });
    expect(JSON.stringify(record)).not.toContain('-value'); // no cookie value on disk
    expect(await lostUndo('data.issy.com', 'clear', '0')).toBeUndefined();

    await fakeBrowser.storage.session.clear(); // what a browser restart does
    expect(await lostUndo('data.issy.com', 'clear', '0')).toMatchObject({ id: undoId, count: 3 });
    await expect(undo(undoId!)).rejects.toThrow('le navigateur a été fermé depuis');
  });

  it('forgets the record once the action is undone', async () => {
    const { undoId } = await clearAll(issyCharter);
    await undo(undoId!);
    expect(await undoRecords.getValue()).toEqual([]);
    expect(await lostUndo('data.issy.com', 'clear', '0')).toBeUndefined();
  });

  it('writes the entry before anything is deleted, values and all', async () => {
    const entry = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, [cookie({ name: 'x' })]);
    expect((await undoLog.getValue())[0]).toMatchObject({ id: entry.id, cookies: [], pending: [{ name: 'x', value: 'x-value' }] });
    expect(await findUndo(entry.id)).toBeUndefined(); // not undoable while under way
  });
});
