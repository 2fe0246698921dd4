/**
 * Everything Témoin keeps in session storage is bounded in bytes, with room kept for undo; a
 * write the browser refuses is said in French and deletes nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { beginUndo, updateUndo } from '@/lib/actions/undo-log';
import { undo } from '@/lib/actions/undo';
import { undoLog, undoRecords, UNDO_KEY } from '@/lib/actions/undo-store';
import { issyCharter } from '@/lib/charter/issy';
import { bytesOf, headWithin, SESSION_BUDGET, SESSION_QUOTA_BYTES } from '@/lib/storage-budget';
import { applyChange, emptyTimeline, withinBytes } from '@/lib/cookies/timeline';
import { cookie, MemoryCookies, portalJar } from './support/memory-cookies';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** A cookie as long as a browser takes: 4 096 bytes for name and value, 1 024 for the path. */
const long = (i: number) =>
  cookie({ name: `_flood${String(i).padStart(4, '0')}_${'n'.repeat(3000)}`, value: 'v'.repeat(1000), path: `/${i}/${'p'.repeat(1000)}` });

describe('the shares of session storage', () => {
  it('add up to less than the browser’s quota', () => {
    const total = Object.values(SESSION_BUDGET).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(SESSION_QUOTA_BYTES);
  });

  it('keep the most recent items that fit', () => {
    const items = Array.from({ length: 10 }, (_, i) => 'x'.repeat(100) + i);
    const kept = headWithin('k', items, 500);
    expect(kept).toEqual(items.slice(0, kept.length));
    expect(bytesOf('k', kept)).toBeLessThanOrEqual(500);
    expect(bytesOf('k', items.slice(0, kept.length + 1))).toBeGreaterThan(500);
  });
});

describe('the timeline', () => {
  it('stays within its share when a page sets 1,200 cookies with long names and paths, keeping those still present', { timeout: 30_000 }, () => {
    const timeline = emptyTimeline(0);
    for (let i = 0; i < 1200; i++) {
      const { value: _value, ...c } = long(i);
      applyChange(timeline, { cookie: c, removed: false, cause: 'explicit', own: false, at: i });
      // The browser keeps 180 cookies a site: the oldest are evicted.
      if (i >= 180) {
        const { value: _v, ...old } = long(i - 180);
        applyChange(timeline, { cookie: old, removed: true, cause: 'evicted', own: false, at: i });
      }
    }
    expect(bytesOf('timeline', timeline)).toBeGreaterThan(SESSION_BUDGET.timeline);
    withinBytes(timeline, SESSION_BUDGET.timeline);
    expect(bytesOf('timeline', timeline)).toBeLessThanOrEqual(SESSION_BUDGET.timeline);
    const entries = Object.values(timeline.entries);
    expect(entries.length).toBeGreaterThan(100);
    // The most recent cookie, still present, is kept; the gone ones go first.
    expect(entries.some((e) => e.name === long(1199).name)).toBe(true);
    expect(entries.every((e) => e.removedAt === undefined)).toBe(true);
  });
});

describe('the undo log', () => {
  it('makes room for the action under way: older undos give theirs up, with their records', { timeout: 30_000 }, async () => {
    new MemoryCookies([]).install();
    const big = Array.from({ length: 500 }, (_, i) => long(i)); // about 2.5 MB each time
    const first = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, big);
    await updateUndo(first.id, big);
    const second = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, big);
    await updateUndo(second.id, big);
    const third = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, big);
    const log = await undoLog.getValue();
    expect(log.map((e) => e.id)).toEqual([third.id]);
    expect(bytesOf(UNDO_KEY, log)).toBeLessThanOrEqual(SESSION_BUDGET.undo);
    // The actions that gave their undo up are still recorded, and say why they can no longer be undone.
    expect((await undoRecords.getValue()).map((r) => [r.id, r.givenUp ?? false])).toEqual([
      [third.id, false],
      [second.id, true],
      [first.id, true],
    ]);
    await expect(undo(first.id)).rejects.toThrow(
      'Cette action ne peut plus être annulée\u00a0: Témoin a dû céder la place qu’occupait son annulation à des actions plus récentes.',
    );
  });

  it('never gives up the undo of an action still under way: the new action is refused, in French', { timeout: 30_000 }, async () => {
    new MemoryCookies([]).install();
    const big = Array.from({ length: 500 }, (_, i) => long(i));
    // Left pending by a background stopped mid-action, not yet made true to the jar.
    const pending = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, big.slice(0, 300));
    const next = await beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, big.slice(0, 100));
    await updateUndo(next.id, big.slice(0, 100));
    await expect(beginUndo({ kind: 'clear', site: 'data.issy.com', storeId: '0', scheme: 'https' }, big)).rejects.toThrow(
      /^Une action précédente de Témoin n’a pas encore été vérifiée, et la place qu’occupe son annulation ne peut pas être libérée\u00a0: rien n’a été supprimé\. Réessayez dans un instant\.$/,
    );
    expect((await undoLog.getValue()).map((e) => e.id)).toEqual([next.id, pending.id]);
  });

  it('refuses, in French and before deleting anything, an action whose undo could not be kept', async () => {
    const jar = new MemoryCookies([...portalJar(), ...Array.from({ length: 700 }, (_, i) => long(i))]).install();
    const before = structuredClone(jar.jar);
    const preview = await previewClear(issyCharter);
    await expect(clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id))).rejects.toThrow(
      /^Trop de cookies à la fois pour garder de quoi les remettre \(\d+\u00a0Ko, au plus 5120\u00a0Ko\)\u00a0: rien n’a été supprimé\.$/,
    );
    expect(jar.jar).toEqual(before);
  }, 60_000);

  it('says in French when the browser refuses to keep what undo needs, and deletes nothing', async () => {
    const jar = new MemoryCookies(portalJar()).install();
    const before = structuredClone(jar.jar);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('Session storage quota bytes exceeded. Values were not stored.'));
    const preview = await previewClear(issyCharter);
    await expect(clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id))).rejects.toThrow(
      /^Le navigateur n’a pas pu enregistrer de quoi annuler\u00a0: l’espace de stockage de Témoin est plein\.$/,
    );
    expect(jar.jar).toEqual(before);
  });
});
