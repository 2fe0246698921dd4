/**
 * The undo log's own rules, through its functions: how many actions stay undoable, which one
 * "the latest" is (kind, site, store, never one still under way), what a restart leaves, what
 * forgetting a store removes, and what an entry holds once its action ends.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { undoLog, undoRecords, UNDO_DEPTH } from '@/lib/actions/undo-store';
import { beginUndo, findUndo, forgetStore, latestUndo, lostUndo, updateUndo } from '@/lib/actions/undo-log';
import { cookieKey } from '@/lib/cookies/model';
import { cookie } from '../support/memory-cookies';

const ga = cookie({ name: '_ga', domain: '.issy.com', hostOnly: false });
const hj = cookie({ name: '_hjSessionUser_3141' });

beforeEach(() => {
  fakeBrowser.reset();
});

/** An action that removed `cookies` and ended. */
async function done(kind: 'clear' | 'reset', site: string, storeId = '0', cookies = [ga]) {
  const entry = await beginUndo({ kind, site, storeId, scheme: 'https' }, cookies);
  await updateUndo(entry.id, cookies);
  return entry.id;
}

describe('how many actions stay undoable', () => {
  it('keeps the most recent ones, as many as the depth allows, and their records', async () => {
    const ids: string[] = [];
    for (let i = 0; i <= UNDO_DEPTH; i++) ids.push(await done('clear', `site${i}.example`));
    expect(await findUndo(ids[0]!)).toBeUndefined();
    for (const id of ids.slice(1)) expect(await findUndo(id)).toMatchObject({ id });
    expect((await undoLog.getValue()).map((e) => e.id)).toEqual(ids.slice(1).reverse());
    expect((await undoRecords.getValue()).map((r) => r.id)).toEqual(ids.slice(1).reverse());
  });
});

describe('an entry under way, then ended', () => {
  it('cannot be undone while under way, and holds what was asked and touched', async () => {
    const entry = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, [ga], [ga, hj]);
    expect(await findUndo(entry.id)).toBeUndefined();
    expect(await latestUndo('data.issy.com', 'clear')).toBeUndefined();
    const [stored] = await undoLog.getValue();
    expect(stored!.pending).toEqual([ga, hj]);
    expect(stored!.asked).toEqual([cookieKey(ga)]);
    expect(stored!.cookies).toEqual([]);
    expect(await undoRecords.getValue()).toEqual([
      { id: entry.id, kind: 'clear', site: 'data.issy.com', at: entry.at, storeId: '0', count: 1 },
    ]);
  });

  it('once ended, holds what was removed, nothing pending, and its record counts them', async () => {
    const entry = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, [ga], [hj]);
    await updateUndo(entry.id, [ga, hj]);
    const { pending: _p, asked: _a, ...rest } = entry;
    expect(await undoLog.getValue()).toEqual([{ ...rest, cookies: [ga, hj] }]);
    expect(await findUndo(entry.id)).toEqual({ ...rest, cookies: [ga, hj] });
    expect((await undoRecords.getValue())[0]).toMatchObject({ id: entry.id, count: 2 });
  });

  it('is dropped with its record when it removed nothing, and leaves the others alone', async () => {
    const kept = await done('clear', 'geo.issy.com');
    const entry = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, [ga]);
    await updateUndo(entry.id, []);
    expect((await undoLog.getValue()).map((e) => e.id)).toEqual([kept]);
    expect((await undoRecords.getValue()).map((r) => r.id)).toEqual([kept]);
  });

  it('says it was interrupted only when it was', async () => {
    const entry = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, [ga]);
    await updateUndo(entry.id, [ga], true);
    expect(await findUndo(entry.id)).toMatchObject({ interrupted: true });
    // A later update (a partial undo) keeps the mark.
    await updateUndo(entry.id, [ga]);
    expect(await findUndo(entry.id)).toMatchObject({ interrupted: true });
    const other = await done('clear', 'geo.issy.com');
    expect(await findUndo(other)).not.toHaveProperty('interrupted');
  });
});

describe('the latest action of a kind on a site', () => {
  it('is the most recent of that kind, on that site, in that store', async () => {
    const older = await done('clear', 'data.issy.com');
    const reset = await done('reset', 'data.issy.com');
    await done('clear', 'geo.issy.com');
    const container = await done('clear', 'data.issy.com', 'firefox-container-1');
    expect((await latestUndo('data.issy.com', 'clear', '0'))?.id).toBe(older);
    expect((await latestUndo('data.issy.com', 'reset', '0'))?.id).toBe(reset);
    expect((await latestUndo('data.issy.com', 'clear', 'firefox-container-1'))?.id).toBe(container);
    // Without a store: the most recent in any store.
    expect((await latestUndo('data.issy.com', 'clear'))?.id).toBe(container);
    expect(await latestUndo('data.issy.com', 'reset', 'firefox-container-1')).toBeUndefined();
  });
});

describe('after the browser was closed', () => {
  it('names the latest action that can no longer be undone, and only that one', async () => {
    const first = await done('clear', 'data.issy.com');
    expect(await lostUndo('data.issy.com', 'clear', '0')).toBeUndefined();
    await fakeBrowser.storage.session.clear();
    expect(await lostUndo('data.issy.com', 'clear', '0')).toMatchObject({ id: first, count: 1 });
    expect(await lostUndo('data.issy.com', 'reset', '0')).toBeUndefined();
    expect(await lostUndo('geo.issy.com', 'clear', '0')).toBeUndefined();
    expect(await lostUndo('data.issy.com', 'clear', '1')).toBeUndefined();
    expect(await lostUndo('data.issy.com', 'clear')).toMatchObject({ id: first });
    // A newer action on the site can be undone: nothing is lost as far as the visitor can tell.
    await done('clear', 'data.issy.com');
    expect(await lostUndo('data.issy.com', 'clear', '0')).toBeUndefined();
  });
});

describe('forgetting a store', () => {
  it('forgets its actions, values and records, and keeps the other stores’', async () => {
    const kept = await done('clear', 'data.issy.com', '0');
    await done('clear', 'data.issy.com', 'private');
    await done('reset', 'geo.issy.com', 'private');
    await forgetStore('private');
    expect((await undoLog.getValue()).map((e) => e.id)).toEqual([kept]);
    expect((await undoRecords.getValue()).map((r) => r.id)).toEqual([kept]);
  });
});
