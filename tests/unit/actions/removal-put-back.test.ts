/**
 * Removing cookies one by one (`removeCookies`) when a removal reaches more than its target: what
 * goes along is put back at once and named, what stays is left alone and not named, what cannot
 * be put back counts as removed so that undo keeps it, and each target that remains is reported
 * with the reason. Each case writes its expected result out, never computed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeCookies } from '@/lib/actions/removal';
import { cookiesOfDomain } from '@/lib/cookies/jar';
import { cookie, MemoryCookies } from '../support/memory-cookies';

const target = cookie({ name: 't', path: '/explore' });
const parentDomain = cookie({ name: 't', domain: '.issy.com', hostOnly: false, value: 'parent' });
const root = cookie({ name: 't', value: 'root' });

let jar: MemoryCookies;
beforeEach(() => {
  fakeBrowser.reset();
});

const readAfter = () => cookiesOfDomain('issy.com', '0');

describe('what a removal takes along', () => {
  it('in Firefox, when the target goes first, leaves the others as they are and says nothing of them', async () => {
    jar = new MemoryCookies([target, parentDomain, root]).install();
    jar.firstOnly = true;
    const { removed, result } = await removeCookies([target], [target, parentDomain, root], readAfter);
    expect(jar.jar).toEqual([parentDomain, root]);
    expect(removed).toEqual([target]);
    expect(result).toStrictEqual({ done: [{ name: 't', domain: 'data.issy.com', path: '/explore' }], failed: [] });
    // One removal: once the target is gone, nothing else is tried.
    expect(jar.urls).toEqual(['https://data.issy.com/explore']);
  });

  it('in Firefox, when the target comes last, removes again until it is gone and puts back each one taken', async () => {
    jar = new MemoryCookies([parentDomain, root, target]).install();
    jar.firstOnly = true;
    const { removed, result } = await removeCookies([target], [parentDomain, root, target], readAfter);
    expect(jar.jar).toEqual([parentDomain, root]);
    expect(removed).toEqual([target]);
    expect(result).toStrictEqual({
      done: [{ name: 't', domain: 'data.issy.com', path: '/explore' }],
      failed: [],
      kept: [
        { cookie: { name: 't', domain: '.issy.com', path: '/' }, reason: 'touché par la suppression de t (data.issy.com/explore), remis aussitôt' },
        { cookie: { name: 't', domain: 'data.issy.com', path: '/' }, reason: 'touché par la suppression de t (data.issy.com/explore), remis aussitôt' },
      ],
    });
  });

  it('in Firefox, removes two cookies of one name asked together, whichever the first removal reaches', async () => {
    jar = new MemoryCookies([root, target]).install();
    jar.firstOnly = true;
    const { removed, result } = await removeCookies([target, root], [root, target], readAfter);
    expect(jar.jar).toEqual([]);
    expect(removed).toEqual([root, target]);
    expect(result).toStrictEqual({
      done: [
        { name: 't', domain: 'data.issy.com', path: '/' },
        { name: 't', domain: 'data.issy.com', path: '/explore' },
      ],
      failed: [],
    });
  });

  it('stops once a removal takes nothing it was told of: a cookie set since is not taken a second time', async () => {
    // Two cookies of the name the jar read before did not hold, first in Firefox's order.
    const since = cookie({ name: 't', domain: '.issy.com', hostOnly: false, value: 'since' });
    const sinceToo = cookie({ name: 't', domain: '.data.issy.com', hostOnly: false, path: '/explore', value: 'since too' });
    jar = new MemoryCookies([since, sinceToo, root, target]).install();
    jar.firstOnly = true;
    const { removed, result } = await removeCookies([target], [root, target], readAfter);
    expect(jar.jar).toEqual([sinceToo, root, target]);
    expect(removed).toEqual([]);
    expect(result).toStrictEqual({
      done: [],
      failed: [{ cookie: { name: 't', domain: 'data.issy.com', path: '/explore' }, reason: 'toujours présent après la suppression' }],
    });
  });

  it('counts as removed, for undo, a cookie the browser refuses to put back, and says so', async () => {
    jar = new MemoryCookies([target, root]).install();
    jar.set = async () => null; // the browser sets nothing
    const { removed, result } = await removeCookies([target], [target, root], readAfter);
    expect(jar.jar).toEqual([]);
    expect(removed).toEqual([target, root]);
    expect(result).toStrictEqual({
      done: [
        { name: 't', domain: 'data.issy.com', path: '/explore' },
        { name: 't', domain: 'data.issy.com', path: '/' },
      ],
      failed: [],
      kept: [
        {
          cookie: { name: 't', domain: 'data.issy.com', path: '/' },
          reason:
            'supprimé avec t, et le navigateur a refusé de le remettre (le navigateur a refusé de recréer le cookie)\u00a0: l’annulation le rétablira',
        },
      ],
    });
  });
});

describe('what a removal reports', () => {
  it('a target the browser refused to remove, with the browser’s refusal', async () => {
    jar = new MemoryCookies([target, cookie({ name: 'u' })]).install();
    jar.refuseRemoval.add('t');
    const { removed, result } = await removeCookies([target, cookie({ name: 'u' })], jar.jar.slice(), readAfter);
    expect(removed).toEqual([cookie({ name: 'u' })]);
    expect(result).toStrictEqual({
      done: [{ name: 'u', domain: 'data.issy.com', path: '/' }],
      failed: [{ cookie: { name: 't', domain: 'data.issy.com', path: '/explore' }, reason: 'le navigateur a refusé la suppression' }],
    });
  });

  it('a target the browser removed but that is there again afterwards, as still there', async () => {
    jar = new MemoryCookies([target]).install();
    const { removed, result } = await removeCookies([target], [target], async () => [target]);
    expect(jar.jar).toEqual([]);
    expect(removed).toEqual([]);
    expect(result).toStrictEqual({
      done: [],
      failed: [{ cookie: { name: 't', domain: 'data.issy.com', path: '/explore' }, reason: 'toujours présent après la suppression' }],
    });
  });

  it('a target that is gone as done, even when the browser answered that it removed nothing', async () => {
    jar = new MemoryCookies([target]).install();
    const remove = jar.remove;
    jar.remove = async (d) => (await remove(d), null);
    const { removed, result } = await removeCookies([target], [target], readAfter);
    expect(removed).toEqual([target]);
    expect(result).toStrictEqual({ done: [{ name: 't', domain: 'data.issy.com', path: '/explore' }], failed: [] });
  });
});
