import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setMessages } from '@/lib/i18n/messages';
import { messagesOf } from './support/messages';

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
  await import('@testing-library/jest-dom/vitest');
  // Cleans the DOM after each component test. Imported here rather than added by the plugin
  // (vitest.config.ts), which would name it by its real path, outside the copy of the project
  // mutation testing runs in.
  await import('@testing-library/svelte/vitest');
}
