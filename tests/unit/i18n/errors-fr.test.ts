import { describe, expect, it, vi } from 'vitest';
import { reasonOf } from '@/lib/i18n/errors';
import { visitorError } from '@/lib/i18n/errors';

describe('errors shown to the visitor', () => {
  it.each([
    ['No tab with id: 999999.', 'L’onglet n’existe plus (il a peut-être été fermé).'],
    ['Invalid tab ID: 999999', 'L’onglet n’existe plus (il a peut-être été fermé).'],
    [
      'permissions.request may only be called from a user input handler',
      'Le navigateur ne demande une autorisation qu’après un clic du visiteur\u00a0; cliquez de nouveau sur le bouton.',
    ],
    ['This function must be called during a user gesture', 'Le navigateur ne demande une autorisation qu’après un clic du visiteur\u00a0; cliquez de nouveau sur le bouton.'],
    ['Could not establish connection. Receiving end does not exist.', 'Témoin n’a pas pu joindre son service d’arrière-plan\u00a0; fermez puis rouvrez sa fenêtre.'],
    ['Missing host permission for the tab', 'Témoin n’a pas l’autorisation de lire cette page.'],
  ])('says « %s » in French', (raw, french) => {
    expect(visitorError(raw)).toBe(french);
    expect(reasonOf(new Error(raw))).toBe(french);
  });

  it('keeps Témoin’s own French messages as they are', () => {
    for (const message of ['Témoin ne couvre pas le site de cet onglet.', 'opendata.ville-exemple.fr n’est pas dans la liste.', 'le navigateur a refusé la suppression']) {
      expect(visitorError(message)).toBe(message);
    }
  });

  it('never shows an unknown English message, but a French one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(reasonOf(new Error('Something unexpected happened in the engine'))).toBe(
      'Le navigateur a refusé l’opération sans en dire la raison en français.',
    );
    expect(reasonOf('')).toBe('Le navigateur a refusé l’opération sans en dire la raison en français.');
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'Something unexpected happened in the engine');
    warn.mockRestore();
  });
});
