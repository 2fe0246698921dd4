// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ClearPanel from '@/components/ClearPanel.svelte';
import { issyCharter } from '@/lib/charter/issy';
import { planClear } from '@/lib/actions/clear-plan';
import { mergeInventory } from '@/lib/cookies/inventory';
import type { ClearState } from '@/lib/protocol';
import { buildReport } from '@/lib/audit/report';
import { portalJar } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/');
const report = buildReport({
  charter: issyCharter,
  facts: mergeInventory(portalJar(), [], page),
  pageUrl: page,
  now: new Date('2026-11-29T12:00:00Z'),
});
const state: ClearState = { preview: { site: 'data.issy.com', storeId: '0', siteDomain: 'issy.com', ...planClear(report.cookies, ['_hjSessionUser_3141'], 'data.issy.com') } };

describe('the options page’s clearing panel', () => {
  it('previews what will be removed, and sends exactly those ids', async () => {
    const onclear = vi.fn();
    render(ClearPanel, { state, onclear });
    expect(screen.getByText(/2\scookies cochés seront supprimés/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Supprimer les cookies non essentiels de data.issy.com' }));
    const ids: string[] = onclear.mock.calls[0]![0];
    expect(ids.sort()).toEqual(state.preview.toDelete.map((c) => c.id).sort());
    expect(state.preview.toDelete.map((c) => c.cookie.name).sort()).toEqual(['_ga', 'ods_embed']);
  });

  it('offers each cookie as a choice: the kept ones unticked with their reason, the necessary ones not at all', async () => {
    const onclear = vi.fn();
    render(ClearPanel, { state, onclear });
    const box = (name: string) => screen.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });
    expect(box('_ga')).toBeChecked();
    expect(box('_hjSessionUser_3141')).not.toBeChecked();
    expect(box('_hjSessionUser_3141').closest('li')).toHaveTextContent('conservé : sur votre liste des noms à toujours conserver');
    expect(screen.queryByRole('checkbox', { name: /^sessionid\b/ })).toBeNull();

    await fireEvent.click(box('_ga'));
    await fireEvent.click(box('_hjSessionUser_3141'));
    expect(screen.getByText(/2\scookies cochés seront supprimés/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Supprimer les cookies non essentiels de data.issy.com' }));
    const names = (onclear.mock.calls[0]![0] as string[]).map((id) => report.cookies.find((c) => c.id === id)!.cookie.name);
    expect(names.sort()).toEqual(['_hjSessionUser_3141', 'ods_embed']);
  });

  it('keeps a cookie the charter declares without saying whether it is necessary, and says why', () => {
    const unclear = buildReport({
      charter: { ...issyCharter, entries: issyCharter.entries.map((e) => ({ ...e, category: 'unclear' as const })) },
      facts: mergeInventory(portalJar(), [], page),
      pageUrl: page,
      now: new Date('2026-11-29T12:00:00Z'),
    });
    const preview = planClear(unclear.cookies, [], 'data.issy.com');
    render(ClearPanel, { state: { preview: { site: 'data.issy.com', storeId: '0', siteDomain: 'issy.com', ...preview } } });
    const row = screen.getByRole('checkbox', { name: /^sessionid\b/ });
    expect(row).not.toBeChecked();
    // A platform cookie: kept for being one, whatever else the charter leaves unclear.
    expect(row.closest('li')).toHaveTextContent('conservé : cookie de la plateforme Opendatasoft');
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
    const summary = document.getElementById('summary-0-data.issy.com')!;
    expect(summary).toHaveTextContent('Cookies non essentiels supprimés sur data.issy.com : 1 cookie supprimé, 1 en échec (détail ci-dessous).');
    expect(summary).toHaveTextContent('ods_embed (data.issy.com/) : le navigateur a refusé la suppression');
    // Focus can be put on it once the pressed button is gone.
    expect(summary).toHaveAttribute('tabindex', '-1');
  });

  it('names each panel’s buttons after its site, the visible label first', () => {
    render(ClearPanel, { state });
    render(ClearPanel, { state: { preview: { ...state.preview, site: 'opendata.ville-exemple.fr', siteDomain: 'ville-exemple.fr' } } });
    // The panels' commands, not the rows' disclosure buttons.
    const commands = screen.getAllByRole('button').filter((b) => !b.closest('li'));
    expect(commands.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Supprimer les cookies non essentiels de data.issy.com',
      'Supprimer les cookies non essentiels de opendata.ville-exemple.fr',
    ]);
    for (const button of commands) expect(button).toHaveTextContent('Supprimer les cookies non essentiels');
  });

  it('offers « Annuler la suppression » after a clearing', async () => {
    const onundo = vi.fn();
    render(ClearPanel, { state: { ...state, lastClear: { id: 'c1', at: '2026-11-29T12:00:00Z', count: 2 } }, onundo });
    await fireEvent.click(screen.getByRole('button', { name: 'Annuler la suppression sur data.issy.com' }));
    expect(onundo).toHaveBeenCalledWith('c1');
  });

  it('disables the button when nothing is to be removed, keeping it focusable', async () => {
    const onclear = vi.fn();
    render(ClearPanel, { state: { preview: { site: 'data.issy.com', storeId: '0', siteDomain: 'issy.com', toDelete: [], kept: [] } }, onclear });
    const button = screen.getByRole('button', { name: 'Supprimer les cookies non essentiels de data.issy.com' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).not.toBeDisabled();
    await fireEvent.click(button);
    expect(onclear).not.toHaveBeenCalled();
    expect(screen.getByText('Aucun cookie non essentiel pour ce site.')).toBeInTheDocument();
  });
});
