/**
 * Clearing works in one cookie store at a time: ordinary browsing, each container by its name,
 * and a private store only from a private window; undo never writes into a store that is gone.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { endPrivateSessionIfOver } from '@/lib/background/private-session';
import { handlers } from '@/lib/background/handlers';
import { issyCharter } from '@/lib/charter/issy';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { storesFor } from '@/lib/cookies/stores';
import { undoLog } from '@/lib/actions/undo-store';
import { undo } from '@/lib/actions/undo';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

const CONTAINER = 'firefox-container-3';
let containers: { cookieStoreId: string; name: string }[];
let jar: MemoryCookies;

beforeEach(() => {
  fakeBrowser.reset();
  jar = new MemoryCookies([
    ...portalJar(),
    cookie({ name: '_ga', domain: '.issy.com', hostOnly: false, storeId: '1', value: 'private' }),
    cookie({ name: '_ga', domain: '.issy.com', hostOnly: false, storeId: CONTAINER, value: 'work' }),
  ]).install();
  containers = [{ cookieStoreId: CONTAINER, name: 'Travail' }];
  (fakeBrowser as unknown as Record<string, unknown>).contextualIdentities = { query: async () => containers };
});

const page = (incognito: boolean) => ({ tab: { incognito } }) as unknown as Browser.runtime.MessageSender;

async function clearIn(storeId: string) {
  const preview = await previewClear(issyCharter, storeId);
  return clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id), storeId);
}

describe('cookie stores', () => {
  it('lists ordinary browsing and each container by its name, and no private store, outside a private window', async () => {
    expect(await storesFor(false)).toEqual([
      { id: '0', label: 'Navigation habituelle', private: false },
      { id: CONTAINER, label: 'Conteneur «\u00a0Travail\u00a0»', private: false },
    ]);
  });

  it('lists only the private store from a private window', async () => {
    expect(await storesFor(true)).toEqual([{ id: '1', label: 'Navigation privée', private: true }]);
  });

  it('clears a container’s cookies apart from the others', async () => {
    const result = await clearIn(CONTAINER);
    expect(result.done).toEqual([{ name: '_ga', domain: '.issy.com', path: '/' }]);
    expect(jar.jar.filter((c) => c.name === '_ga').map((c) => c.storeId).sort()).toEqual(['0', '1']);
  });

  it('refuses the private store to a page outside a private window, and the other stores to a private one', async () => {
    const ids = (await previewClear(issyCharter, '1')).toDelete.map((c) => c.id);
    await expect(handlers.clearNonEssential({ site: 'data.issy.com', ids, storeId: '1' }, page(false))).rejects.toThrow(
      'Refusé\u00a0: les cookies de navigation privée ne se gèrent que depuis une fenêtre privée.',
    );
    await expect(handlers.getClearState({ site: 'data.issy.com' }, page(true))).rejects.toThrow(
      'Refusé\u00a0: une fenêtre privée ne gère que les cookies de navigation privée.',
    );
    expect(jar.jar.filter((c) => c.storeId === '1')).toHaveLength(1);
    const result = await handlers.clearNonEssential({ site: 'data.issy.com', ids, storeId: '1' }, page(true));
    expect(result.done.map((c) => c.name)).toEqual(['_ga']);
  });

  it('refuses to undo into a container that was removed since', async () => {
    const { undoId } = await clearIn(CONTAINER);
    containers = [];
    await expect(undo(undoId!)).rejects.toThrow('Ce conteneur n’existe plus\u00a0: Témoin ne recrée pas ses cookies ailleurs.');
    expect(jar.jar.some((c) => c.storeId === CONTAINER)).toBe(false);
  });

  it('refuses to undo into a private store once no private window is open', async () => {
    const { undoId } = await clearIn('1');
    jar.getAllCookieStores = async () => [{ id: '0', tabIds: [1] }];
    await expect(undo(undoId!)).rejects.toThrow('La fenêtre de navigation privée a été fermée');
  });

  it('forgets the private store’s undo when the last private window closes, and only then', async () => {
    const { undoId: privateUndo } = await clearIn('1');
    const { undoId: ordinary } = await clearIn('0');
    const windows = vi.spyOn(fakeBrowser.windows, 'getAll');
    windows.mockResolvedValue([{ incognito: true }, { incognito: false }] as never);
    await endPrivateSessionIfOver();
    expect((await undoLog.getValue()).map((e) => e.id).sort()).toEqual([privateUndo, ordinary].sort());
    windows.mockResolvedValue([{ incognito: false }] as never);
    await endPrivateSessionIfOver();
    expect((await undoLog.getValue()).map((e) => e.id)).toEqual([ordinary]);
  });
});
