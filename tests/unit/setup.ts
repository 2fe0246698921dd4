import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setMessages } from '@/lib/i18n/messages';
import { messagesOf } from './support/messages';

// Each file starts as in a fresh worker, though most share one (vitest.config.ts, `isolate:
// false`): an empty fake browser (storage, cookies, listeners) and the real clock.
fakeBrowser.reset();
vi.useRealTimers();
// No global a file before stubbed (`vi.stubGlobal`), but the fake browser as `browser` and
// `chrome`, as WXT's own setup file stubs them (it runs once in a worker, not before each file).
vi.unstubAllGlobals();
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);

// Témoin speaks French unless told otherwise: the tests read its sentences from locales/fr.yml,
// as the build writes them for the browser. A test of English sets the English table itself.
const french = await messagesOf('fr');
setMessages('fr', french);
// The browser's language, as a French visitor's browser says it.
fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
// A test that switches language leaves French behind it.
afterEach(() => setMessages('fr', french));

// DOM and component tests only (`// @vitest-environment jsdom`): the rest run under node.
if (typeof document !== 'undefined') {
  // The files of a worker share one window: each starts with an empty page and empty storage.
  document.head.replaceChildren();
  document.body.replaceChildren();
  localStorage.clear();
  sessionStorage.clear();
  await import('@testing-library/jest-dom/vitest');
  // Each component test's DOM removed after it, as `@testing-library/svelte/vitest` does; written
  // here because a module registers its hooks once, when first imported, and the files of a
  // worker share their modules. Not added by the plugin (vitest.config.ts) either, which would
  // name it by its real path, outside the copy of the project mutation testing runs in.
  const { act, cleanup, setup } = await import('@testing-library/svelte');
  beforeEach(async () => {
    await setup();
    return async () => {
      await act();
      cleanup();
    };
  });
}
