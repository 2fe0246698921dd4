import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey } from '@/lib/cookies/model';
import { resetPreferences } from '@/lib/actions/reset';
import { settings } from '@/lib/actions/keep-names';
import { undo } from '@/lib/actions/undo';
import { latestUndo } from '@/lib/actions/undo-log';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

const NECESSARY = ['cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];
const sorted = <T extends { name: string }>(cookies: T[]) =>
  [...cookies].sort((a, b) => cookieKey(a as any).localeCompare(cookieKey(b as any)));

let jar: MemoryCookies;
beforeEach(() => {
  fakeBrowser.reset();
  jar = new MemoryCookies(portalJar()).install();
});

async function clearAll() {
  const preview = await previewClear(issyCharter);
  return clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id));
}

describe('clearing non-essential cookies', () => {
  it('previews every cookie the charter does not declare necessary', async () => {
    const preview = await previewClear(issyCharter);
    expect(preview.toDelete.map((c) => c.cookie.name).sort()).toEqual(['_ga', '_hjSessionUser_3141', 'ods_embed']);
    expect(preview.kept.map((k) => k.cookie.cookie.name).sort()).toEqual(NECESSARY);
  });

  it('judges the preview against the recorded choice', async () => {
    jar.jar = jar.jar.map((c) =>
      c.name === 'cookies_preferences' ? { ...c, value: encodeURIComponent(JSON.stringify({ ga: true })) } : c,
    );
    const ga = (await previewClear(issyCharter)).toDelete.find((c) => c.cookie.name === '_ga')!;
    expect(ga.findings.map((f) => f.rule)).not.toContain('present-without-consent');
    jar.jar = jar.jar.filter((c) => c.name !== 'cookies_preferences');
    const without = (await previewClear(issyCharter)).toDelete.find((c) => c.cookie.name === '_ga')!;
    expect(without.findings.map((f) => f.rule)).toContain('present-without-consent');
  });

  it('keeps sessionid, csrftoken, django_language and the consent record, and removes the rest', async () => {
    const result = await clearAll();
    expect(jar.jar.map((c) => c.name).sort()).toEqual(NECESSARY);
    expect(result.done.map((c) => c.name).sort()).toEqual(['_ga', '_hjSessionUser_3141', 'ods_embed']);
    expect(result.failed).toEqual([]);
    expect(result.undoId).toBeDefined();
  });

  it('removes only what the visitor saw in the preview', async () => {
    const preview = await previewClear(issyCharter);
    const ga = preview.toDelete.find((c) => c.cookie.name === '_ga')!;
    await jar.set({ url: 'https://data.issy.com/', name: 'late_tracker', value: '1' });
    await clearNonEssential(issyCharter, [ga.id]);
    expect(jar.jar.map((c) => c.name)).toContain('late_tracker');
    expect(jar.jar.map((c) => c.name)).not.toContain('_ga');
  });

  it('refuses to remove a necessary cookie even when asked for it by id', async () => {
    const preview = await previewClear(issyCharter);
    const ids = preview.kept.map((k) => k.cookie.id);
    const result = await clearNonEssential(issyCharter, ids);
    expect(result.done).toEqual([]);
    expect(jar.jar).toHaveLength(7);
  });

  it('keeps the names the visitor always keeps', async () => {
    await settings.setValue({ keepNames: ['_ga'] });
    await clearAll();
    expect(jar.jar.map((c) => c.name)).toContain('_ga');
  });

  it('names each cookie the browser refused to remove, and goes on with the others', async () => {
    jar.refuseRemoval.add('_ga');
    const result = await clearAll();
    expect(result.failed).toEqual([
      { cookie: { name: '_ga', domain: '.issy.com', path: '/' }, reason: 'le navigateur a refusé la suppression' },
    ]);
    expect(result.done.map((c) => c.name).sort()).toEqual(['_hjSessionUser_3141', 'ods_embed']);
  });

  it('clears one cookie store at a time, and leaves the others alone', async () => {
    jar.jar.push(cookie({ name: '_hjSessionUser_3141', storeId: '1' }), cookie({ name: 'sessionid', storeId: '1' }));
    await clearAll();
    expect(jar.jar.filter((c) => c.storeId === '1').map((c) => c.name).sort()).toEqual(['_hjSessionUser_3141', 'sessionid']);
    const other = await previewClear(issyCharter, '1');
    const result = await clearNonEssential(issyCharter, other.toDelete.map((c) => c.id), '1');
    expect(result.done).toEqual([{ name: '_hjSessionUser_3141', domain: 'data.issy.com', path: '/' }]);
    expect(jar.jar.filter((c) => c.storeId === '1').map((c) => c.name)).toEqual(['sessionid']);
  });
});

describe('undo', () => {
  it('restores every removed cookie exactly: value, domain, path, flags, expiry, partition, store', async () => {
    const before = sorted(jar.jar);
    const { undoId } = await clearAll();
    const result = await undo(undoId!);
    expect(result.failed).toEqual([]);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('puts back at once a cookie a removal took along, says so, and undoes the rest exactly', async () => {
    // Removing `t` at /explore also removes `t` at / in this jar, as a browser does.
    jar.jar.push(cookie({ name: 't', path: '/explore' }), cookie({ name: 't', path: '/', value: 'root' }));
    const before = sorted(jar.jar);
    const preview = await previewClear(issyCharter);
    const target = preview.toDelete.find((c) => c.cookie.name === 't' && c.cookie.path === '/explore')!;
    const result = await clearNonEssential(issyCharter, [target.id]);
    expect(result.done).toEqual([{ name: 't', domain: 'data.issy.com', path: '/explore' }]);
    expect(result.kept).toEqual([
      { cookie: { name: 't', domain: 'data.issy.com', path: '/' }, reason: 'touché par la suppression de t (data.issy.com/explore), remis aussitôt' },
    ]);
    expect(jar.jar.find((c) => c.name === 't')).toMatchObject({ path: '/', value: 'root' });
    await undo(result.undoId!);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('keeps what it could not restore, for another try', async () => {
    const { undoId } = await clearAll();
    const realSet = jar.set;
    jar.set = async (d) => (d.name === '_ga' ? null : realSet(d)) as any;
    const first = await undo(undoId!);
    expect(first.failed.map((f) => f.cookie.name)).toEqual(['_ga']);
    jar.set = realSet;
    const second = await undo(undoId!);
    expect(second.done.map((c) => c.name)).toEqual(['_ga']);
    await expect(undo(undoId!)).rejects.toThrow('Cette action ne peut plus être annulée.');
  });

  it('does not bring back a cookie that has expired since', async () => {
    const { undoId } = await clearAll();
    const result = await undo(undoId!, 2_000_000_000);
    expect(result.done).toEqual([]);
    const late = 'arrivé à expiration entre-temps';
    expect(result.failed.map((f) => [f.cookie.name, f.reason]).sort()).toEqual([
      ['_ga', late],
      ['_hjSessionUser_3141', late],
      ['ods_embed', late],
    ]);
    expect(jar.jar.map((c) => c.name).sort()).toEqual(NECESSARY);
  });
});

describe('resetting the visitor’s cookie preferences', () => {
  const page = new URL('https://data.issy.com/');

  it('removes the consent record under every domain, path and partition, and nothing else', async () => {
    jar.jar.push(
      cookie({ name: 'cookies_preferences', path: '/explore' }),
      cookie({ name: 'cookies_preferences', domain: '.issy.com', hostOnly: false }),
      cookie({ name: 'cookies_preferences', secure: true, partitionKey: { topLevelSite: 'https://issy.com' } }),
    );
    const result = await resetPreferences(page, '0', 1);
    expect(result.done).toHaveLength(4);
    expect(jar.jar.map((c) => c.name).sort()).toEqual(['_ga', '_hjSessionUser_3141', 'csrftoken', 'django_language', 'ods_embed', 'sessionid']);
  });

  it('can be undone exactly', async () => {
    const before = sorted(jar.jar);
    const { undoId } = await resetPreferences(page, '0', 1);
    expect(await latestUndo('data.issy.com', 'reset')).toMatchObject({ id: undoId, tabId: 1 });
    await undo(undoId!);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('does nothing, and offers no undo, when no choice was recorded', async () => {
    jar.jar = jar.jar.filter((c) => c.name !== 'cookies_preferences');
    expect(await resetPreferences(page, '0', 1)).toEqual({ done: [], failed: [] });
  });

  it('stays in the tab’s own cookie store', async () => {
    jar.jar.push(cookie({ name: 'cookies_preferences', storeId: '1' }));
    await resetPreferences(page, '0', 1);
    expect(jar.jar.filter((c) => c.name === 'cookies_preferences').map((c) => c.storeId)).toEqual(['1']);
  });
});
