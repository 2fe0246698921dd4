/**
 * Which sites Témoin covers follows the permissions the browser grants: a portal whose
 * permission is withdrawn (in the add-on manager) is no longer covered anywhere, and leaves the list.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  coverageOf,
  coveredDomains,
  coveredPortals,
  listPortal,
  pruneWithdrawn,
  unlistPortal,
} from '@/lib/portals/coverage';
import { permissionFor } from '@/lib/portals/permission';
import { charterRecord, recordReading } from '@/lib/charter/records';
import { issyCharter } from '@/lib/charter/issy';
import { handlers } from '@/lib/background/handlers';
import { cookie, MemoryCookies } from '../support/memory-cookies';

const VILLE = 'opendata.ville-exemple.fr';
const AUTRE = 'data.autre-ville.fr';

/** The browser's granted optional permissions, behind a fake `browser.permissions`. */
let granted: Set<string>;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  granted = new Set([permissionFor(VILLE), permissionFor(AUTRE)]);
  vi.spyOn(fakeBrowser, 'permissions', 'get').mockReturnValue({
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin)),
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      for (const origin of origins) granted.delete(origin);
      return true;
    },
  } as any);
  await listPortal(VILLE);
  await listPortal(AUTRE);
  const charter = { ...issyCharter, site: VILLE, url: `https://${VILLE}/pages/cookies/`, source: 'live' as const };
  await recordReading(VILLE, undefined, charter, []);
});

/** The visitor withdraws the portal's permission in the browser's add-on manager. */
const withdraw = (host: string) => granted.delete(permissionFor(host));

describe('covered portals', () => {
  it('covers a listed portal while its permission is granted', async () => {
    expect(await coverageOf(VILLE)).toEqual({ site: VILLE });
    expect((await coveredPortals()).added.map((p) => p.host)).toEqual([VILLE, AUTRE]);
  });

  it('no longer covers a portal whose permission was withdrawn, before any pruning', async () => {
    withdraw(VILLE);
    expect(await coverageOf(VILLE)).toBeUndefined();
    expect(await coverageOf(AUTRE)).toEqual({ site: AUTRE });
    expect(await coveredPortals()).toEqual({ builtIn: ['data.issy.com'], added: [expect.objectContaining({ host: AUTRE })] });
    expect(await coveredDomains()).toEqual(['issy.com', 'autre-ville.fr']);
  });

  it('prunes a withdrawn portal from the list and forgets its charter; granted again, it is not listed back', async () => {
    expect(await charterRecord(VILLE)).toBeDefined();
    withdraw(VILLE);
    expect(await pruneWithdrawn()).toEqual([VILLE]);
    expect(await charterRecord(VILLE)).toBeUndefined();
    granted.add(permissionFor(VILLE));
    expect(await coverageOf(VILLE)).toBeUndefined();
    expect((await coveredPortals()).added.map((p) => p.host)).toEqual([AUTRE]);
    expect(await pruneWithdrawn()).toEqual([]);
  });

  it('keeps the built-in site covered whatever the optional permissions', async () => {
    granted.clear();
    expect(await coverageOf('data.issy.com')).toEqual({ site: 'data.issy.com', bundled: issyCharter });
    expect(await pruneWithdrawn()).toEqual([VILLE, AUTRE]);
    expect(await coveredPortals()).toEqual({ builtIn: ['data.issy.com'], added: [] });
  });

  it('says when another portal of the same domain still needs the permission', async () => {
    await listPortal('www.ville-exemple.fr');
    expect(await unlistPortal(VILLE)).toEqual({ permissionShared: true });
    expect(await unlistPortal(AUTRE)).toEqual({ permissionShared: false });
  });

  it('refuses to preview or clear a withdrawn portal rather than read an empty jar', async () => {
    new MemoryCookies([cookie({ name: '_ga', domain: VILLE })]).install();
    await expect(handlers.getClearState({ site: VILLE }, {})).resolves.toMatchObject({ preview: { site: VILLE } });
    withdraw(VILLE);
    await expect(handlers.getClearState({ site: VILLE }, {})).rejects.toThrow(`Témoin ne couvre pas ${VILLE}.`);
    await expect(handlers.clearNonEssential({ site: VILLE, ids: [] }, {})).rejects.toThrow(`Témoin ne couvre pas ${VILLE}.`);
  });
});
