import { fireEvent, render, screen } from '@testing-library/svelte';
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
    expect(screen.getByRole('button', { name: 'Ajouter' })).toBeDisabled();
    expect(onchange).not.toHaveBeenCalled();
  });

  it('removes a name', async () => {
    const onchange = vi.fn();
    render(KeepList, { names: ['_ga', '_pk_id'], onchange });
    await fireEvent.click(screen.getByRole('button', { name: 'Ne plus conserver _ga' }));
    expect(onchange).toHaveBeenCalledWith(['_pk_id']);
  });
});
