import { afterEach, describe, expect, it, vi } from 'vitest';
import { charterSentence } from '@/lib/charter/status-sentence';
import { commandSentence } from '@/lib/i18n/command-sentence';
import { announce, liveRegion } from '@/lib/ui/live-region.svelte';

const ref = (name: string) => ({ name, domain: 'data.issy.com', path: '/' });
const failure = (name: string) => ({ cookie: ref(name), reason: 'le navigateur a refusé la suppression' });

describe('what a command says it did', () => {
  it.each([
    ['reset', [ref('cookies_preferences')], [], undefined, 'Préférences réinitialisées : 1 cookie supprimé. La page va se recharger.'],
    ['reset', [], [], undefined, 'Aucun choix enregistré : le portail vous le demandera à la prochaine visite.'],
    ['undo-reset', [ref('cookies_preferences')], [], undefined, 'Réinitialisation annulée : 1 cookie restauré. La page va se recharger.'],
    ['clear', [ref('_ga'), ref('ods_embed'), ref('_hj')], [], 'data.issy.com', 'Cookies non essentiels supprimés sur data.issy.com : 3 cookies supprimés.'],
    ['clear', [ref('_ga')], [failure('ods_embed')], 'data.issy.com', 'Cookies non essentiels supprimés sur data.issy.com : 1 cookie supprimé, 1 en échec (détail ci-dessous).'],
    ['clear', [], [failure('ods_embed')], 'data.issy.com', 'Cookies non essentiels non supprimés sur data.issy.com : 0 cookie supprimé, 1 en échec (détail ci-dessous).'],
    ['undo-clear', [ref('_ga'), ref('ods_embed')], [], 'data.issy.com', 'Suppression annulée sur data.issy.com : 2 cookies restaurés.'],
  ] as const)('%s with %j done, %j failed', (kind, done, failed, site, sentence) => {
    expect(commandSentence(kind, { done, failed }, site).replace(/\u00a0/g, ' ')).toBe(sentence);
  });

  it('puts a non-breaking space before the colon', () => {
    expect(commandSentence('reset', { done: [ref('x')], failed: [] })).toContain('réinitialisées\u00a0:');
  });
});

describe('what re-reading the charter says', () => {
  const at = '2026-12-05T08:00:00.000Z';
  it.each([
    [{ used: 'live', warnings: [] }, 'Charte relue sur le site : rien n’a changé.'],
    [
      { used: 'live', warnings: [], changes: { added: ['_pk_*'], removed: [], changed: [], since: 'bundled', at } },
      'Charte relue sur le site : elle a changé par rapport à la copie intégrée (1 cookie ajouté, 0 retiré, 0 modifié).',
    ],
    [
      { used: 'live', warnings: [], changes: { added: ['_pk_*'], removed: [], changed: [], since: 'bundled', at: '2026-12-01T00:00:00Z' } },
      'Charte relue sur le site : rien n’a changé.',
    ],
    [{ used: 'bundled', why: 'page introuvable (erreur 404)' }, 'Charte non relue : page introuvable (erreur 404). Témoin utilise sa copie intégrée de la charte.'],
    [{ used: 'live', warnings: [], failed: 'site injoignable' }, 'Charte non relue : site injoignable. Témoin garde la lecture précédente.'],
    [{ used: 'none', why: 'aucune charte lue' }, 'Charte non lue : aucune charte lue.'],
  ] as const)('%j', (status, sentence) => {
    expect(charterSentence(status as never, at).replace(/\u00a0/g, ' ')).toBe(sentence);
  });
});

describe('the live region', () => {
  afterEach(() => vi.useRealTimers());

  it('empties, then says the sentence, so that the same sentence twice is said twice', () => {
    vi.useFakeTimers();
    announce('Suppression annulée.');
    expect(liveRegion.text).toBe('');
    vi.advanceTimersByTime(100);
    expect(liveRegion.text).toBe('Suppression annulée.');
    announce('Suppression annulée.');
    expect(liveRegion.text).toBe('');
    vi.advanceTimersByTime(100);
    expect(liveRegion.text).toBe('Suppression annulée.');
  });
});
