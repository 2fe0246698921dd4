/**
 * What an undo answers, whole: what it restored, what it could not and why, what it left as the
 * site set it again, and why an action can no longer be undone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { undo } from '@/lib/actions/undo';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

let jar: MemoryCookies;
beforeEach(() => {
  fakeBrowser.reset();
  jar = new MemoryCookies(portalJar()).install();
});

async function clear(names: string[]) {
  const preview = await previewClear(issyCharter);
  const ids = preview.toDelete.filter((c) => names.includes(c.cookie.name)).map((c) => c.id);
  return clearNonEssential(issyCharter, ids);
}

const ref = (name: string, domain = 'data.issy.com') => ({ name, domain, path: '/' });

describe('what an undo answers', () => {
  it('lists what it restored, no failure and nothing left alone when all went back', async () => {
    const { undoId } = await clear(['_ga', 'ods_embed']);
    const { entry, ...result } = await undo(undoId!);
    expect(result).toEqual({
      done: [ref('_ga', '.issy.com'), { ...ref('ods_embed'), partition: 'https://issy.com' }],
      failed: [],
    });
    expect(entry.id).toBe(undoId);
  });

  it('does not recreate a cookie whose expiry is reached at the moment of the undo', async () => {
    jar.jar.push(cookie({ name: 'trk_soon', expirationDate: 1_800_000_000 }));
    const { undoId } = await clear(['_ga', 'trk_soon']);
    const { entry: _entry, ...result } = await undo(undoId!, 1_800_000_000);
    expect(result).toEqual({
      done: [ref('_ga', '.issy.com')],
      failed: [{ cookie: ref('trk_soon'), reason: 'arrivé à expiration entre-temps' }],
    });
    expect(jar.jar.map((c) => c.name)).not.toContain('trk_soon');
  });

  it('recreates a cookie one second before its expiry', async () => {
    jar.jar.push(cookie({ name: 'trk_soon', expirationDate: 1_800_000_000 }));
    const { undoId } = await clear(['trk_soon']);
    const { entry: _entry, ...result } = await undo(undoId!, 1_799_999_999);
    expect(result).toEqual({ done: [ref('trk_soon')], failed: [] });
  });

  it('recreates a session cookie however late the undo comes', async () => {
    jar.jar.push(cookie({ name: 'trk_tab', session: true, expirationDate: undefined }));
    const { undoId } = await clear(['trk_tab']);
    const { entry: _entry, ...result } = await undo(undoId!, 4_000_000_000);
    expect(result).toEqual({ done: [ref('trk_tab')], failed: [] });
    expect(jar.jar.find((c) => c.name === 'trk_tab')).toMatchObject({ session: true });
  });
});

describe('why an action can no longer be undone', () => {
  it('says the browser was closed when the action is the site’s latest and its values are gone', async () => {
    const { undoId } = await clear(['_ga']);
    await fakeBrowser.storage.session.clear();
    await expect(undo(undoId!)).rejects.toThrow(
      'Cette action ne peut plus être annulée\u00a0: le navigateur a été fermé depuis, et les cookies supprimés avec la session.',
    );
  });

  it('says only that it cannot, for an action already undone or never known', async () => {
    const { undoId } = await clear(['_ga']);
    await undo(undoId!);
    await expect(undo(undoId!)).rejects.toThrow(/^Cette action ne peut plus être annulée\.$/);
    await expect(undo('never-known')).rejects.toThrow(/^Cette action ne peut plus être annulée\.$/);
  });

  it('says only that it cannot, for an older action of a site whose latest one was lost too', async () => {
    const older = (await clear(['_ga'])).undoId!;
    await clear(['ods_embed']);
    await fakeBrowser.storage.session.clear();
    await expect(undo(older)).rejects.toThrow(/^Cette action ne peut plus être annulée\.$/);
  });
});

describe('why an action can no longer be undone, with several sites', () => {
  it('speaks of the browser closed for a site’s latest action, even when another site acted since', async () => {
    const ville = { ...issyCharter, site: 'opendata.ville-exemple.fr' };
    jar.jar.push(cookie({ name: '_ga', domain: '.ville-exemple.fr', hostOnly: false }));
    const { undoId } = await clear(['_ga']);
    const preview = await previewClear(ville);
    await clearNonEssential(ville, preview.toDelete.filter((c) => c.cookie.name === '_ga').map((c) => c.id));
    await fakeBrowser.storage.session.clear();
    await expect(undo(undoId!)).rejects.toThrow('le navigateur a été fermé depuis');
  });
});
