// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import KeepList from '@/components/KeepList.svelte';

describe('the names to always keep', () => {
  it('adds a name, sorted, without duplicates', async () => {
    const onchange = vi.fn();
    render(KeepList, { names: ['_pk_id'], onchange });
    await fireEvent.input(screen.getByLabelText('Nom du cookie'), { target: { value: ' _ga ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(onchange).toHaveBeenCalledWith(['_ga', '_pk_id']);
  });

  it('refuses what cannot be a cookie name, and says why', async () => {
    const onchange = vi.fn();
    render(KeepList, { names: [], onchange });
    await fireEvent.input(screen.getByLabelText('Nom du cookie'), { target: { value: 'a=b' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Un nom de cookie ne contient ni espace');
    expect(screen.getByRole('button', { name: 'Ajouter' })).toHaveAttribute('aria-disabled', 'true');
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(onchange).not.toHaveBeenCalled();
  });

  it('refuses a name by the rule a charter’s names follow: separators, and more than 256 characters', async () => {
    const onchange = vi.fn();
    render(KeepList, { names: [], onchange });
    for (const name of ['_ga,_gid', '<b>', 'x'.repeat(257)]) {
      await fireEvent.input(screen.getByLabelText('Nom du cookie'), { target: { value: name } });
      expect(screen.getByRole('alert')).toHaveTextContent('Un nom de cookie ne contient ni espace');
      await fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    }
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByLabelText('Nom du cookie'), { target: { value: 'x'.repeat(256) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(onchange).toHaveBeenCalledWith(['x'.repeat(256)]);
  });

  it('removes a name, says so, and puts focus on what it says', async () => {
    const onchange = vi.fn();
    const { rerender } = render(KeepList, { names: ['_ga', '_pk_id'], onchange });
    const button = screen.getByRole('button', { name: 'Retirer _ga de la liste' });
    button.focus();
    await fireEvent.click(button);
    expect(onchange).toHaveBeenCalledWith(['_pk_id']);
    await rerender({ names: ['_pk_id'], onchange });
    await waitFor(() => expect(document.activeElement).toHaveTextContent('« _ga » retiré des cookies à toujours conserver.'));
  });
});
