import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { assertExtensionPage } from '@/lib/background/sender';

describe('who may ask the background', () => {
  const own = fakeBrowser.runtime.getURL('/options.html');

  it('accepts the extension’s own pages', () => {
    expect(() => assertExtensionPage({ id: fakeBrowser.runtime.id, url: own })).not.toThrow();
  });

  it.each([
    ['a content script on the portal', { id: fakeBrowser.runtime.id, url: 'https://data.issy.com/' }],
    ['another extension', { id: 'someone-else', url: own }],
    ['a sender without a URL', { id: fakeBrowser.runtime.id }],
  ])('refuses %s', (_, sender) => {
    expect(() => assertExtensionPage(sender)).toThrow('Refusé');
  });
});
