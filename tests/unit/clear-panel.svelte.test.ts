import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ClearPanel from '@/components/ClearPanel.svelte';
import { issyCharter } from '@/lib/charter/issy';
import { planClear } from '@/lib/clear-plan';
import { mergeInventory } from '@/lib/inventory';
import type { ClearState } from '@/lib/messaging';
import { buildReport } from '@/lib/report';
import { portalJar } from './support/memory-cookies';

const page = new URL('https://data.issy.com/');
const report = buildReport({
  charter: issyCharter,
  facts: mergeInventory(portalJar(), [], page),
  pageUrl: page,
  now: new Date('2026-11-29T12:00:00Z'),
});
const state: ClearState = { preview: { site: 'data.issy.com', siteDomain: 'issy.com', ...planClear(report.cookies, ['_hjSessionUser_3141'], 'data.issy.com') } };

describe('the options page’s clearing panel', () => {
  it('previews what will be removed, and sends exactly those ids', async () => {
    const onclear = vi.fn();
    render(ClearPanel, { state, onclear });
    expect(screen.getByText(/2\scookies seront supprimés/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Supprimer les cookies non essentiels' }));
    const ids: string[] = onclear.mock.calls[0]![0];
    expect(ids.sort()).toEqual(state.preview.toDelete.map((c) => c.id).sort());
    expect(state.preview.toDelete.map((c) => c.cookie.name).sort()).toEqual(['_ga', 'ods_embed']);
  });

  it('reports how many were removed and names each failure', () => {
    render(ClearPanel, {
      state,
      outcome: {
        kind: 'clear',
        result: {
          done: [{ name: '_ga', domain: '.issy.com', path: '/' }],
          failed: [{ cookie: { name: 'ods_embed', domain: 'data.issy.com', path: '/' }, reason: 'le navigateur a refusé la suppression' }],
        },
      },
    });
    expect(screen.getByRole('status')).toHaveTextContent('1 supprimé, 1 en échec');
    expect(screen.getByRole('status')).toHaveTextContent('ods_embed (data.issy.com/) : le navigateur a refusé la suppression');
  });

  it('offers « Annuler la suppression » after a clearing', async () => {
    const onundo = vi.fn();
    render(ClearPanel, { state: { ...state, lastClear: { id: 'c1', at: '2026-11-29T12:00:00Z', count: 2 } }, onundo });
    await fireEvent.click(screen.getByRole('button', { name: 'Annuler la suppression' }));
    expect(onundo).toHaveBeenCalledWith('c1');
  });

  it('disables the button when nothing is to be removed', () => {
    render(ClearPanel, { state: { preview: { site: 'data.issy.com', siteDomain: 'issy.com', toDelete: [], kept: [] } } });
    expect(screen.getByRole('button', { name: 'Supprimer les cookies non essentiels' })).toBeDisabled();
    expect(screen.getByText('Aucun cookie non essentiel pour ce site.')).toBeInTheDocument();
  });
});
