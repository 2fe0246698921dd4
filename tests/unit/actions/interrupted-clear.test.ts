/**
 * A clear cut short: the service worker stopped after the browser removed some cookies, before
 * the command ended. The stopped command never resumes, and holds the command queue of its
 * module for good, as it would in the worker that stopped: the modules are dropped after the
 * file, so the files after it load their own.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { undoLog } from '@/lib/actions/undo-store';
import { recoverInterrupted } from '@/lib/actions/undo-log';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

const sorted = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));
const refKey = (c: { name: string; domain: string; path: string }) => `${c.name} ${c.domain} ${c.path}`;

afterAll(() => {
  vi.resetModules();
});

let jar: MemoryCookies;
beforeEach(() => {
  fakeBrowser.reset();
  jar = new MemoryCookies(portalJar()).install();
});

describe('an interrupted clear', () => {
  it('records only what was actually deleted when the background stopped mid-clear, and puts back what went along', async () => {
    const hostOnlyGa = cookie({ name: '_ga', domain: 'issy.com', value: 'issy-own' });
    jar.jar.push(hostOnlyGa);
    const before = sorted(jar.jar);
    const preview = await previewClear(issyCharter);
    // The service worker stops after the browser has removed _ga (and issy.com's own _ga with
    // it), before anything else: the command never resumes.
    const realRemove = jar.remove;
    let removals = 0;
    jar.remove = (d) => (++removals > 1 ? new Promise(() => {}) : realRemove(d));
    void clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id));
    await expect.poll(() => removals).toBe(2);
    const [pending] = await undoLog.getValue();
    expect(pending?.pending?.length).toBe(4); // _ga, _hjSessionUser_3141, ods_embed, and issy.com's _ga they touch

    // The background starts again.
    await recoverInterrupted();
    const [entry] = await undoLog.getValue();
    expect(entry?.interrupted).toBe(true);
    expect(entry?.pending).toBeUndefined();
    expect(entry?.cookies.map(refKey)).toEqual(['_ga .issy.com /']);
    expect(jar.jar).toContainEqual(hostOnlyGa);
    jar.remove = realRemove;
    // What undo would restore (the queue of this module is held by the stopped command).
    for (const c of entry!.cookies) await jar.set({ ...c, url: 'https://issy.com/', domain: 'issy.com' });
    expect(sorted(jar.jar)).toEqual(before);
  });

});
