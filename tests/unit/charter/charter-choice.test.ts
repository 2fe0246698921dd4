import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { charterIsStale, chooseCharter, CHARTER_MAX_AGE_MS, CHARTER_RETRY_MS } from '@/lib/charter/choose';
import { charterCandidates } from '@/lib/page/fetch-charter';
import { issyCharter } from '@/lib/charter/issy';
import type { Charter } from '@/lib/charter/model';
import { charterRecord, recordFailure, recordReading } from '@/lib/charter/records';
import { charterSentence } from '@/lib/charter/status-sentence';
import { validateCharter } from '@/lib/charter/validate';
import { setMessages } from '@/lib/i18n/messages';
import { said, say } from '@/lib/i18n/said';
import { messagesOf } from '../support/messages';

const now = Date.parse('2026-11-29T12:00:00Z');
const live = (entries = issyCharter.entries, fetchedAt = '2026-11-29T11:00:00.000Z'): Charter => ({
  ...issyCharter,
  source: 'live',
  fetchedAt,
  entries,
});
const matomo = {
  provider: 'Matomo',
  names: [{ prefix: '_pk_' }],
  purpose: 'Compter les visites',
  category: 'statistics' as const,
};

beforeEach(() => fakeBrowser.reset());

describe('which charter Témoin matches against', () => {
  it('uses the charter read on the site', () => {
    const { charter, status } = chooseCharter('data.issy.com', issyCharter, { live: live(), warnings: [] });
    expect(charter.source).toBe('live');
    expect(status).toEqual({ used: 'live', warnings: [] });
  });

  it('falls back to the bundled copy, and says why, when the latest reading failed', () => {
    const record = { live: live(), warnings: [], failure: { at: '2026-11-29T11:30:00Z', reason: 'page introuvable (erreur 404)' } };
    const { charter, status } = chooseCharter('data.issy.com', issyCharter, record);
    expect(charter).toBe(issyCharter);
    expect(status).toEqual({ used: 'bundled', why: 'page introuvable (erreur 404)' });
  });

  it('keeps the last reading of a portal without a bundled copy, saying the new one failed', () => {
    const record = { live: live(), warnings: [], failure: { at: '2026-11-29T11:30:00Z', reason: 'site injoignable' } };
    expect(chooseCharter('data.issy.com', undefined, record).status).toMatchObject({ used: 'live', failed: 'site injoignable' });
  });

  it('has no charter at all for a portal never read', () => {
    const { charter, status } = chooseCharter('opendata.example.fr', undefined, undefined);
    expect(charter.entries).toEqual([]);
    expect(status.used).toBe('none');
  });

  it('reads the charter again after a day, and retries a failure after an hour', () => {
    expect(charterIsStale(undefined, now)).toBe(true);
    expect(charterIsStale({ live: live(), warnings: [] }, now)).toBe(false);
    expect(charterIsStale({ live: live(issyCharter.entries, new Date(now - CHARTER_MAX_AGE_MS - 1).toISOString()), warnings: [] }, now)).toBe(true);
    const failure = (ago: number) => ({ warnings: [], failure: { at: new Date(now - ago).toISOString(), reason: 'x' } });
    expect(charterIsStale(failure(CHARTER_RETRY_MS - 1000), now)).toBe(false);
    expect(charterIsStale(failure(CHARTER_RETRY_MS + 1000), now)).toBe(true);
  });
});

describe('remembering readings', () => {
  it('says what changed compared with the bundled copy at the first reading', async () => {
    await recordReading('data.issy.com', issyCharter, live([...issyCharter.entries, matomo]), []);
    expect((await charterRecord('data.issy.com'))?.changes).toMatchObject({ since: 'bundled', added: ['_pk_*'], removed: [] });
  });

  it('then compares with the previous reading, and keeps the last change on show', async () => {
    await recordReading('data.issy.com', issyCharter, live([...issyCharter.entries, matomo]), []);
    await recordReading('data.issy.com', issyCharter, live([...issyCharter.entries, matomo]), []);
    expect((await charterRecord('data.issy.com'))?.changes).toMatchObject({ since: 'bundled', added: ['_pk_*'] });
    await recordReading('data.issy.com', issyCharter, live(issyCharter.entries), []);
    expect((await charterRecord('data.issy.com'))?.changes).toMatchObject({ since: 'previous', removed: ['_pk_*'] });
  });

  it('records a failure, and forgets it at the next success', async () => {
    await recordFailure('data.issy.com', 'site injoignable');
    expect((await charterRecord('data.issy.com'))?.failure?.reason).toBe('site injoignable');
    await recordReading('data.issy.com', issyCharter, live(), []);
    expect((await charterRecord('data.issy.com'))?.failure).toBeUndefined();
  });
});

describe('why a reading failed, said in the language chosen when it is shown', () => {
  /** A charter too large to keep: its record says why in a sentence of its own. */
  const huge = () => live(Array.from({ length: 300 }, (_, i) => ({ ...matomo, names: [{ exact: `c${i}` }], purpose: 'x'.repeat(1000) })));
  const shown = async () => charterSentence(chooseCharter('data.issy.com', issyCharter, await charterRecord('data.issy.com')).status);

  it('in English, though it failed while Témoin spoke French', async () => {
    await recordReading('data.issy.com', issyCharter, huge(), []);
    expect(await shown()).toMatch(/^Charte non relue\u00a0: charte trop volumineuse pour être gardée \(\d+\u00a0Ko, au plus 256\u00a0Ko\)\./);
    setMessages('en', await messagesOf('en'));
    expect(await shown()).toMatch(/^Charter not read again: charter too large to keep \(\d+ KB, at most 256 KB\)\. Témoin uses its built-in copy/);
  });

  it('in French, though it failed while Témoin spoke English', async () => {
    setMessages('en', await messagesOf('en'));
    await recordFailure('data.issy.com', said('error.charter.refused', said('error.charter.pageTooDeep', 256)));
    expect(await shown()).toBe('Charter not read again: charter refused: charter tags nested more than 256 levels deep. Témoin uses its built-in copy of the charter.');
    setMessages('fr', await messagesOf('fr'));
    expect(await shown()).toBe(
      'Charte non relue\u00a0: charte refusée\u00a0: balises de la charte imbriquées sur plus de 256\u00a0niveaux. Témoin utilise sa copie intégrée de la charte.',
    );
  });

  it('as it was written, when an earlier version kept it as words', async () => {
    await fakeBrowser.storage.local.set({
      charters: { 'data.issy.com': { warnings: [], failure: { at: '2026-11-29T11:30:00Z', reason: 'page introuvable (erreur 404)' } } },
      // The item's version, as the earlier version left it (wxt/utils/storage keeps it beside the item).
      charters$: { v: 2 },
    });
    setMessages('en', await messagesOf('en'));
    expect(await shown()).toBe('Charter not read again: page introuvable (erreur 404). Témoin uses its built-in copy of the charter.');
    expect(say((await charterRecord('data.issy.com'))!.failure!.reason)).toBe('page introuvable (erreur 404)');
  });

  it('with the browser’s own message said again in the visitor’s language', async () => {
    const failure = said('error.charter.unreadable', { error: 'Failed to fetch' });
    expect(say(failure)).toBe('charte illisible\u00a0: Le site n’a pas répondu.');
    setMessages('en', await messagesOf('en'));
    expect(say(failure)).toBe('charter unreadable: The site did not answer.');
  });
});

describe('checking a charter that crossed a message boundary', () => {
  it('accepts a well-formed charter', () => {
    expect(validateCharter(live([...issyCharter.entries, matomo]), 'data.issy.com').entries).toHaveLength(5);
  });

  it.each([
    ['another site', { ...live(), site: 'evil.example' }],
    ['a name with markup', live([{ ...matomo, names: [{ exact: '<img>' }] }])],
    ['a name with a space', live([{ ...matomo, names: [{ exact: 'a b' }] }])],
    ['an unknown category', live([{ ...matomo, category: 'tasty' as never }])],
    ['an entry without a name', live([{ ...matomo, names: [] }])],
    ['a purpose that is not text', live([{ ...matomo, purpose: 42 as never }])],
    ['no date', { ...live(), fetchedAt: 'hier' }],
  ])('refuses %s', (_, value) => {
    expect(() => validateCharter(value, 'data.issy.com')).toThrow('charte invalide');
  });
});

describe('where the charter is looked for', () => {
  it('follows the page’s own link first, then the known paths, in the page’s language', () => {
    expect(charterCandidates('https://data.issy.com/explore/', ['https://data.issy.com/pages/cookies/'], 'fr')).toEqual([
      'https://data.issy.com/pages/cookies/',
      'https://data.issy.com/terms/cookies-policy/?flg=fr',
      'https://data.issy.com/terms/cookies-information?flg=fr',
    ]);
  });

  it('never follows a link to another site', () => {
    expect(charterCandidates('https://data.issy.com/', ['https://evil.example/cookies'], '')).toEqual([
      'https://data.issy.com/terms/cookies-policy/',
      'https://data.issy.com/terms/cookies-information',
    ]);
  });
});
