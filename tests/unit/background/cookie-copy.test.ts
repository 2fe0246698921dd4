import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieCopy } from '@/lib/background/cookie-copy';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { cookie } from '../support/memory-cookies';

/** The cookies the tests play with: the copy is of issy.com in store 0. */
const identities = [
  { name: 'sessionid', domain: 'data.issy.com' },
  { name: 'csrftoken', domain: 'data.issy.com', path: '/api' },
  { name: '_ga', domain: '.issy.com', hostOnly: false },
  { name: 'ods_embed', domain: 'data.issy.com', partitionKey: { topLevelSite: 'https://issy.com' } },
  { name: 'sessionid', domain: 'data.issy.com', storeId: '1' },
  { name: 'other', domain: 'example.org' },
  { name: 'lookalike', domain: 'notissy.com' },
];
const at = (i: number, value: string): StoredCookie => cookie({ ...identities[i]!, value });
const ofIssy = (c: StoredCookie) => c.storeId === '0' && /(^|\.)issy\.com$/.test(c.domain.replace(/^\./, ''));
const sorted = (cookies: StoredCookie[]) => cookies.map((c) => `${cookieKey(c)}=${c.value}`).sort();
const ticks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('the background’s copy of a site’s cookies', () => {
  it('stays what cookies.getAll would return, whenever the first read and the change events arrive', async () => {
    const change = fc.record({ identity: fc.nat(identities.length - 1), value: fc.constantFrom('a', 'b', 'c'), remove: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(identities.length - 1)),
        fc.array(change, { maxLength: 12 }),
        fc.nat(12), // when the copy is first asked for
        fc.nat(12), // how long after that the browser takes its snapshot
        fc.nat(12), // how long after that the snapshot arrives
        fc.array(fc.nat(4), { minLength: 12, maxLength: 12 }), // how late each change is reported
        async (initial, changes, asked, snapshotAfter, arrivesAfter, delays) => {
          const jar = new Map(initial.map((i) => [cookieKey(at(i, 'initial')), at(i, 'initial')]));
          const events: { due: number; cookie: StoredCookie; removed: boolean }[] = [];
          let answer: (cookies: StoredCookie[]) => void = () => {};
          let snapshot: StoredCookie[] | undefined;
          const copy = cookieCopy(async (domain, storeId) => {
            expect([domain, storeId]).toEqual(['issy.com', '0']);
            return new Promise((resolve) => (answer = resolve));
          });
          const snapshotAt = asked + snapshotAfter;
          const arrivesAt = snapshotAt + arrivesAfter;
          let lastDue = 0;
          let read: Promise<StoredCookie[]> | undefined;
          const end = Math.max(arrivesAt, changes.length + 4) + 1;
          for (let t = 0; t <= end; t++) {
            if (t === asked) read = copy.cookiesOf('issy.com', '0');
            if (t === snapshotAt) snapshot = [...jar.values()].filter(ofIssy);
            const next = changes[t];
            if (next) {
              // Reported in order, each some time after it happened (an overwrite reports the old cookie removed first).
              const due = (lastDue = Math.max(lastDue, t + delays[t]!));
              const c = at(next.identity, next.value);
              const old = jar.get(cookieKey(c));
              if (next.remove) {
                if (old) events.push({ due, cookie: old, removed: true });
                jar.delete(cookieKey(c));
              } else {
                if (old) events.push({ due, cookie: old, removed: true });
                events.push({ due, cookie: c, removed: false });
                jar.set(cookieKey(c), c);
              }
            }
            for (const event of events.filter((e) => e.due === t)) copy.changed(event.cookie, event.removed);
            if (t === arrivesAt) {
              answer(snapshot!);
              await ticks();
            }
          }
          await read;
          // Every change reported: the copy is the jar.
          expect(sorted(await copy.cookiesOf('issy.com', '0'))).toEqual(sorted([...jar.values()].filter(ofIssy)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a domain once, then answers from memory', async () => {
    let reads = 0;
    const copy = cookieCopy(async () => (reads++, [at(0, 'v')]));
    await copy.cookiesOf('issy.com', '0');
    copy.changed(at(2, 'ga'), false);
    expect(sorted(await copy.cookiesOf('issy.com', '0'))).toEqual(sorted([at(0, 'v'), at(2, 'ga')]));
    expect(reads).toBe(1);
    await copy.cookiesOf('issy.com', '1');
    expect(reads).toBe(2);
  });

  it('leaves out a cookie that has expired, before the browser says so', async () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    const expired = cookie({ name: 'old', expirationDate: now / 1000 - 1, session: false });
    const alive = cookie({ name: 'new', expirationDate: now / 1000 + 60, session: false });
    const copy = cookieCopy(async () => [expired, alive, cookie({ name: 'session', session: true })]);
    expect((await copy.cookiesOf('issy.com', '0', now)).map((c) => c.name).sort()).toEqual(['new', 'session']);
  });

  it('reads the browser again once told to forget (after Témoin’s own changes)', async () => {
    let jar = [at(0, 'v'), at(2, 'ga')];
    const copy = cookieCopy(async () => jar);
    expect(await copy.cookiesOf('issy.com', '0')).toHaveLength(2);
    jar = [at(0, 'v')]; // removed by Témoin; the browser has not reported it yet
    copy.forget();
    expect(sorted(await copy.cookiesOf('issy.com', '0'))).toEqual(sorted([at(0, 'v')]));
  });

  it('reads again after a read that failed', async () => {
    let fail = true;
    const copy = cookieCopy(async () => {
      if (fail) throw new Error('le navigateur n’a pas répondu');
      return [at(0, 'v')];
    });
    await expect(copy.cookiesOf('issy.com', '0')).rejects.toThrow('n’a pas répondu');
    fail = false;
    expect(await copy.cookiesOf('issy.com', '0')).toHaveLength(1);
  });
});
