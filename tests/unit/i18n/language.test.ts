import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { languageChoice } from '@/lib/i18n/language-choice';
import { useLanguage } from '@/lib/i18n/language';
import { t } from '@/lib/i18n/messages';

/**
 * The language a page loads before it draws, read with the browser's own API (language.ts), and
 * the choice the options page writes with the storage library (language-choice.ts): the same
 * value under the same key, whatever each side is made of.
 */
function browserWith(ui: string, stored: Record<string, unknown>) {
  const asked: string[] = [];
  const api = {
    storage: { local: { get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}) } },
    runtime: { getURL: (path: string) => `moz-extension://id${path}` },
    // The browser's own table: French, or English for an English browser, the default (French) for any other.
    i18n: { getUILanguage: () => ui, getMessage: (name: string) => (name === 'popup_title' ? `Témoin (${ui.startsWith('en') ? 'en' : 'fr'}, browser)` : '') },
  };
  vi.stubGlobal('browser', api);
  vi.stubGlobal('chrome', api);
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const lang = /_locales\/(\w+)\//.exec(url)![1];
    return { json: async () => ({ popup_title: { message: lang === 'en' ? 'Témoin (en)' : 'Témoin (fr)' } }) };
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the language a page speaks', () => {
  it('reads the choice the options page wrote, under its key', async () => {
    await languageChoice.setValue('en');
    const stored = await fakeBrowser.storage.local.get(null);
    const asked = browserWith('fr-FR', stored);
    expect(await useLanguage()).toBe('en');
    expect(asked).toEqual(['moz-extension://id/_locales/en/messages.json']);
    expect(t('popup.title')).toBe('Témoin (en)');
  });

  it('follows the browser when nothing is chosen, in the browser’s own words when they are in that language', async () => {
    let asked = browserWith('fr-CA', {});
    expect(await useLanguage()).toBe('fr');
    expect(t('popup.title')).toBe('Témoin (fr, browser)');
    expect(asked).toEqual([]);
    await languageChoice.setValue('auto');
    asked = browserWith('en-US', await fakeBrowser.storage.local.get(null));
    expect(await useLanguage()).toBe('en');
    expect(t('popup.title')).toBe('Témoin (en, browser)');
    expect(asked).toEqual([]);
    // A German browser's own answers are in the extension's default language, French: English is read from its table.
    asked = browserWith('de-DE', {});
    expect(await useLanguage()).toBe('en');
    expect(asked).toEqual(['moz-extension://id/_locales/en/messages.json']);
    expect(t('popup.title')).toBe('Témoin (en)');
  });

  it('takes an unknown stored value for the browser’s language, and keeps the sentences it has when a table cannot be read', async () => {
    let asked = browserWith('fr-FR', { language: 'klingon' });
    expect(await useLanguage()).toBe('fr');
    expect(asked).toEqual([]);
    asked = browserWith('fr-FR', { language: 'en' });
    expect(await useLanguage()).toBe('en');
    expect(t('popup.title')).toBe('Témoin (en)');
    browserWith('fr-FR', { language: 'en' });
    vi.stubGlobal('fetch', async () => {
      throw new Error('gone');
    });
    await expect(useLanguage()).resolves.toBe('en');
    expect(t('popup.title')).toBe('Témoin (en)');
  });
});
