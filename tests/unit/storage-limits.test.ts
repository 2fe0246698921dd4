// @vitest-environment jsdom
/**
 * What Témoin keeps of charters is bounded, so no other save can fail for lack of room; and a
 * save that fails all the same is told to the visitor, in French.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import type { Charter } from '@/lib/charter/model';
import { charterRecord, charterRecords, MAX_RECORD_CHARS, MAX_RECORDS_CHARS, recordReading } from '@/lib/charter/records';
import { removePortal } from '@/lib/portals/manage';
import { onMessage } from '@/lib/protocol';
import { say } from '@/lib/i18n/said';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const charterOf = (site: string, purposeLength: number, fetchedAt = new Date().toISOString(), count = 100): Charter => ({
  ...issyCharter,
  site,
  url: `https://${site}/terms/cookies-policy/`,
  source: 'live',
  fetchedAt,
  entries: Array.from({ length: count }, (_, i) => ({
    provider: 'P',
    names: [{ exact: `c${i}` }],
    purpose: 'x'.repeat(purposeLength),
    category: 'statistics' as const,
  })),
});

describe('charters kept', () => {
  it('does not keep a charter inflated past its room, and says why', async () => {
    await recordReading('data.issy.com', issyCharter, charterOf('data.issy.com', 2000, undefined, 150), []);
    const record = await charterRecord('data.issy.com');
    expect(record?.live).toBeUndefined();
    expect(say(record!.failure!.reason)).toMatch(/^charte trop volumineuse pour être gardée \(\d+\u00a0Ko, au plus 256\u00a0Ko\)$/);
  });

  it('makes room by dropping the oldest readings of other sites, never the one just read', async () => {
    const sites = Array.from({ length: 8 }, (_, i) => `portail-${i}.example`);
    for (const [i, site] of sites.entries()) {
      await recordReading(site, undefined, charterOf(site, 1500, new Date(Date.UTC(2026, 0, i + 1)).toISOString()), []);
    }
    const records = await charterRecords.getValue();
    expect(JSON.stringify(records).length).toBeLessThanOrEqual(MAX_RECORDS_CHARS + 100);
    expect(Object.keys(records)).toContain('portail-7.example');
    expect(Object.keys(records)).not.toContain('portail-0.example');
    for (const record of Object.values(records)) expect(JSON.stringify(record).length).toBeLessThanOrEqual(MAX_RECORD_CHARS);
  });

  it('says in French when the browser refuses to save a reading', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(recordReading('data.issy.com', issyCharter, charterOf('data.issy.com', 10), [])).rejects.toThrow(
      /^Le navigateur n’a pas pu enregistrer la charte lue\u00a0: l’espace de stockage de Témoin est plein\.$/,
    );
  });
});

describe('the options page, when the browser refuses a save', () => {
  let answering: (() => void)[] = [];
  afterEach(() => answering.forEach((stop) => stop()));

  it('says so for the keep list and for a portal’s removal', async () => {
    // The background, as the options page asks it: one portal added, no charter read yet.
    answering = [
      onMessage('getCookieStores', () => [{ id: '0', label: 'Navigation habituelle', private: false }]),
      onMessage('getClearState', () => {
        throw new Error('pas de charte');
      }),
      onMessage('getClearJournal', () => []),
      // The background's own handler, whose write the full storage refuses.
      onMessage('removePortal', ({ data }) => removePortal(data)),
      onMessage('getPortals', () => ({ builtIn: ['data.issy.com'], added: [{ host: 'opendata.ville-exemple.fr', addedAt: '2026-11-01T00:00:00Z' }] })),
    ];
    const listeners = { addListener: () => {}, removeListener: () => {} };
    Object.assign(fakeBrowser.permissions, { onRemoved: listeners });
    await fakeBrowser.storage.local.set({ portals: [{ host: 'opendata.ville-exemple.fr', addedAt: '2026-11-01T00:00:00Z' }] });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const { default: Options } = await import('@/entrypoints/options/App.svelte');
    render(Options);
    await fireEvent.input(screen.getByLabelText('Nom du cookie'), { target: { value: '_ga' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    await waitFor(() =>
      expect(screen.getByText(/^Le navigateur n’a pas pu enregistrer la liste des cookies à conserver\s: l’espace de stockage de Témoin est plein\.$/)).toBeTruthy(),
    );
    await fireEvent.click(await screen.findByRole('button', { name: 'Retirer opendata.ville-exemple.fr de la liste' }));
    await waitFor(() =>
      // The background's sentence, as the options page shows it.
      expect(
        screen.getAllByText(
          /^Le portail opendata\.ville-exemple\.fr n’a pas pu être retiré\s: Le navigateur n’a pas pu enregistrer la liste des portails\s: l’espace de stockage de Témoin est plein\.$/,
        ).length,
      ).toBeGreaterThan(0),
    );
    // Nothing was written: the portal is still listed.
    expect(await fakeBrowser.storage.local.get('portals')).toEqual({ portals: [{ host: 'opendata.ville-exemple.fr', addedAt: '2026-11-01T00:00:00Z' }] });
  }, 20_000);
});
